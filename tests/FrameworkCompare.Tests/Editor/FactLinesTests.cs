using FrameworkCompare.Tests.Infrastructure;
using FrameworkCompare.Web.Content;
using FrameworkCompare.Web.Editing;
using FrameworkCompare.Web.Models;

namespace FrameworkCompare.Tests.Editor;

public sealed class FactLinesTests
{
    static readonly string Profile = TestContent.Framework("django", "Django");

    [Fact]
    public void ReplacingAFactChangesOnlyItsLines()
    {
        var edited = FactLines.Replace(Profile, "orm", new FactEdit(AttributeType.YesNo, "partial", null, null, "https://docs.example.org/orm#models", new DateOnly(2026, 11, 30)))!;

        var oldBlock = "    value: yes\n    note: Note about Django's ORM\n    source: https://django.example.org/orm\n    checked: 2025-04-02\n";
        var newBlock = "    value: partial\n    source: \"https://docs.example.org/orm#models\"\n    checked: 2026-11-30\n";
        Assert.Contains(oldBlock, Profile);
        Assert.Equal(Profile.Replace(oldBlock, newBlock), edited);
        Assert.Equal("partial", Parse(edited).Values.Single(v => v.AttributeKey == "orm").Value);
    }

    [Fact]
    public void HostileTextStaysText()
    {
        var note = "value: no\n\"quoted\" \\ back: slash # not a comment\r\n---";

        var edited = FactLines.Replace(Profile, "license", new FactEdit(AttributeType.Text, "MIT: or \"BSD\"", null, note, "https://x.example.org/", new DateOnly(2026, 1, 2)))!;

        var license = Parse(edited).Values.Single(v => v.AttributeKey == "license");
        Assert.Equal("MIT: or \"BSD\"", license.Value);
        Assert.Equal("value: no\n\"quoted\" \\ back: slash # not a comment\n---", license.Note);
    }

    [Fact]
    public void AMissingFactIsAddedAtTheEndOfTheValuesAndAnUnknownReplacesAValue()
    {
        var added = FactLines.Replace(Profile, "databases", new FactEdit(AttributeType.List, "PostgreSQL\n\nMySQL, 8+\n", null, null, "https://docs.example.org/db", new DateOnly(2026, 3, 1)))!;
        var unknown = FactLines.Replace(added, "first-release", new FactEdit(AttributeType.Year, null, "Nobody agrees.", null, null, null))!;

        var framework = Parse(unknown);
        Assert.Equal("PostgreSQL\nMySQL, 8+", framework.Values.Single(v => v.AttributeKey == "databases").Value);
        Assert.Equal("Nobody agrees.", framework.Values.Single(v => v.AttributeKey == "first-release").UnknownReason);
    }

    [Fact]
    public void AFactTheProfileLacksIsAppended()
    {
        var lines = Profile.Split('\n').ToList();
        var start = lines.FindIndex(l => l.Trim() == "github-stars:");
        lines.RemoveRange(start, 4);

        var edited = FactLines.Replace(string.Join('\n', lines), "github-stars", new FactEdit(AttributeType.Number, "1234", null, null, "https://github.com/example/django", new DateOnly(2026, 11, 1)))!;

        Assert.Equal("1234", Parse(edited).Values.Single(v => v.AttributeKey == "github-stars").Value);
    }

    static Framework Parse(string text)
    {
        var problems = new List<ContentProblem>();
        var catalog = CatalogParser.Parse(ContentSource.FromBytes("attributes.yml", ContentKind.Catalog, System.Text.Encoding.UTF8.GetBytes(TestContent.Catalog)), problems)!;
        var framework = new FrameworkParser(new MarkdownRenderer(), TimeProvider.System)
            .Parse(ContentSource.FromBytes("frameworks/django.md", ContentKind.Framework, System.Text.Encoding.UTF8.GetBytes(text)), catalog, problems);
        Assert.True(framework is not null, string.Join("\n", problems));
        return framework!;
    }
}
