namespace FrameworkCompare.Web.Models;

public sealed record CatalogQuery(string Sort, bool Descending, string? Language, string? Kind);

public sealed class CatalogViewModel
{
    public required CatalogQuery Query { get; init; }
    public required IReadOnlyList<Framework> Frameworks { get; init; }
    public required IReadOnlyList<string> Languages { get; init; }
    public required IReadOnlyList<string> Kinds { get; init; }
}

public sealed class ProfileViewModel
{
    public required Framework Framework { get; init; }
    public required IReadOnlyList<ComparisonSection> Facts { get; init; }
    public required IReadOnlyList<ContentLink> Comparisons { get; init; }
    public required IReadOnlyList<ContentLink> Articles { get; init; }
    public required IReadOnlyList<FaqEntry> Faq { get; init; }
}

public sealed class ArticleViewModel
{
    public required Article Article { get; init; }
    public required Byline Byline { get; init; }
    public required IReadOnlyList<FrameworkSummary> Frameworks { get; init; }
    public required IReadOnlyList<ContentLink> Related { get; init; }
}

public sealed record FaqTopic(string Topic, IReadOnlyList<FaqEntry> Entries);

public sealed class FaqAnswerViewModel
{
    public required FaqEntry Entry { get; init; }
    public required IReadOnlyList<FrameworkSummary> Frameworks { get; init; }
    public required IReadOnlyList<FaqEntry> SameTopic { get; init; }
}

public sealed record AuthoredArticle(string Title, string Path, string Summary, DateOnly Published);

public sealed record AuthorViewModel(Author Author, IReadOnlyList<AuthoredArticle> Articles);

public sealed record ArticleListItem(Article Article, Byline Byline);

public sealed record ContentStatusViewModel(List<ContentFileRecord> Files, ReadModel.SiteSnapshot? Snapshot);
