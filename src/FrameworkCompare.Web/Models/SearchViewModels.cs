namespace FrameworkCompare.Web.Models;

public sealed class SearchViewModel
{
    /// <summary>What the reader asked for, cleaned and capped; empty when nothing was asked.</summary>
    public required string Query { get; init; }
    /// <summary>False when the query holds no letters or digits to search for.</summary>
    public bool HasTerms { get; init; }
    public required IReadOnlyList<SearchResult> Results { get; init; }
    /// <summary>How many pages and facts match every word, of which Results holds the best ones.</summary>
    public int Total { get; init; }
    /// <summary>The query with its typos corrected, when the results are for it; ExactPath searches for the words as typed.</summary>
    public string? Corrected { get; init; }
    public string? ExactPath { get; init; }
    /// <summary>Where to go instead when nothing matched: frameworks with a close name and the FAQ's topics.</summary>
    public IReadOnlyList<ContentLink> CloseFrameworks { get; init; } = [];
    public IReadOnlyList<ContentLink> FaqTopics { get; init; } = [];
}

/// <param name="MatchesAll">False for a result that matches only some of the words (shown after those that match all).</param>
public sealed record SearchResult(string Kind, string KindLabel, string Url, IReadOnlyList<TextRun> Title, IReadOnlyList<TextRun> Snippet, bool MatchesAll = true)
{
    /// <summary>For a fact: its value as the profile shows it, and where its row is on the profile and in a comparison.</summary>
    public FactResult? Fact { get; init; }
}

public sealed record FactResult(AttributeDefinition Attribute, ComparisonCell Cell, ContentLink Across);

/// <summary>A piece of plain text; IsMatch pieces are drawn as highlighted. Never HTML.</summary>
public sealed record TextRun(string Text, bool IsMatch);

/// <summary>One suggestion as the search box's list shows it.</summary>
public sealed record SearchSuggestion(string Label, string Kind, string Url);
