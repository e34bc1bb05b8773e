namespace FrameworkCompare.Web.Models;

public sealed class SearchViewModel
{
    /// <summary>What the reader asked for, cleaned and capped; empty when nothing was asked.</summary>
    public required string Query { get; init; }
    /// <summary>False when the query holds no letters or digits to search for.</summary>
    public bool HasTerms { get; init; }
    public required IReadOnlyList<SearchResult> Results { get; init; }
    /// <summary>All matches, of which Results holds the best ones.</summary>
    public int Total { get; init; }
}

public sealed record SearchResult(string Kind, string KindLabel, string Url, IReadOnlyList<TextRun> Title, IReadOnlyList<TextRun> Snippet);

/// <summary>A piece of plain text; IsMatch pieces are drawn as highlighted. Never HTML.</summary>
public sealed record TextRun(string Text, bool IsMatch);
