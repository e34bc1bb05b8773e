namespace FrameworkCompare.Web.Search;

/// <summary>One word (or synonym phrase) of a query: the index terms that satisfy it, each with how well.</summary>
public sealed record QueryTerm(string Text, IReadOnlyList<(string Term, float Factor)> Alternatives);

/// <summary>What a query asks for, once typos are corrected, frameworks and an attribute recognised and synonyms added.</summary>
public sealed record QueryPlan(
    IReadOnlyList<QueryTerm> Terms,
    string? Corrected,
    IReadOnlyList<string> Frameworks,
    string? AttributeKey,
    IReadOnlySet<string> Highlight,
    string? HighlightPrefix);
