using FrameworkCompare.Web.Models;

namespace FrameworkCompare.Web.Search;

/// <summary>
/// The site's search, behind one small interface: the in-memory engine (MemorySearchEngine) is what ships;
/// a database provider with full-text search of its own can bring another implementation.
/// </summary>
public interface ISearchEngine
{
    /// <summary>The best documents for a query, the named comparison, profile or fact first; never throws on odd input.</summary>
    Task<SearchOutcome> SearchAsync(SearchRequest request, CancellationToken ct);

    /// <summary>A few frameworks, comparisons and FAQ questions for what a reader has typed so far.</summary>
    Task<IReadOnlyList<Suggestion>> SuggestAsync(string text, int max, CancellationToken ct);
}

/// <param name="Exact">Search for the words as typed, without correcting typos.</param>
public sealed record SearchRequest(string Query, bool Exact = false, int Max = 10);

public static class DocumentKinds
{
    public const string Framework = "framework", Fact = "fact", Article = "article", Faq = "faq", Comparison = "comparison";
}

/// <summary>A searchable page or fact. Slugs names the frameworks it is about (for a comparison, the ones compared).</summary>
public sealed record SearchDocument(string Kind, string Slug, string Title, IReadOnlyList<string> Slugs)
{
    /// <summary>For a fact (and a comparison offered for an attribute): the attribute, and for a fact its value.</summary>
    public AttributeDefinition? Attribute { get; init; }
    public FactValue? Fact { get; init; }
    public string? FrameworkName { get; init; }
}

public sealed record SearchHit(SearchDocument Document, IReadOnlyList<TextRun> Title, IReadOnlyList<TextRun> Snippet, bool MatchesAll);

/// <param name="Searched">False when the query holds no words to search for.</param>
/// <param name="Corrected">The query with typos corrected, when results are for it rather than for the words typed.</param>
/// <param name="Total">How many documents match every word (the named comparison or profile not counted).</param>
public sealed record SearchOutcome(bool Searched, string? Corrected, IReadOnlyList<SearchHit> Hits, int Total)
{
    public static readonly SearchOutcome Nothing = new(false, null, [], 0);
}

public sealed record Suggestion(string Kind, string Label, string Slug, IReadOnlyList<string> Slugs);
