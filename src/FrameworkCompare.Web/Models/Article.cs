namespace FrameworkCompare.Web.Models;

public sealed class Article
{
    public required string Slug { get; set; }
    public required string Title { get; set; }
    public required string Summary { get; set; }
    public required string Author { get; set; }
    public DateOnly Published { get; set; }
    public DateOnly? Updated { get; set; }
    public List<string> Frameworks { get; set; } = [];
    public List<string> Tags { get; set; } = [];
    public required string Html { get; set; }
    public required string Text { get; set; }
    public List<TocEntry> Toc { get; set; } = [];
    public int ReadingMinutes { get; set; }
    public required string SourcePath { get; set; }
}

public sealed record TocEntry(int Level, string Id, string Title);

public sealed class FaqEntry
{
    public required string Slug { get; set; }
    public required string Question { get; set; }
    public required string Topic { get; set; }
    public List<string> Frameworks { get; set; } = [];
    public required string AnswerHtml { get; set; }
    public required string AnswerText { get; set; }
    public required string SourcePath { get; set; }
}
