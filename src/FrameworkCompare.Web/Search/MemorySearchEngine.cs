using FrameworkCompare.Web.Models;

namespace FrameworkCompare.Web.Search;

/// <summary>Search from the in-memory index, snippets included: a search makes no database command.</summary>
public sealed class MemorySearchEngine(ISearchSnapshots index) : ISearchEngine
{
    const int SnippetWords = 24;

    public async Task<SearchOutcome> SearchAsync(SearchRequest request, CancellationToken ct)
    {
        var snapshot = await index.CurrentAsync(ct);
        if (snapshot is null) return SearchOutcome.Nothing;
        var plan = snapshot.Plan(request.Query, request.Exact);
        if (plan.Terms.Count == 0) return SearchOutcome.Nothing;
        var (ranked, total) = snapshot.Rank(plan, request.Max + 2);

        // Doc: the document's number in the snapshot, -1 for a comparison made up for the query.
        var hits = new List<(SearchDocument Document, int Doc, bool All)>();
        var first = new List<int>();
        if (plan.Frameworks.Count is >= 2 and <= 4)
        {
            var slugs = plan.Frameworks.Order(StringComparer.Ordinal).ToList();
            var attribute = plan.AttributeKey is null ? null : snapshot.Attributes.First(a => a.Key == plan.AttributeKey);
            hits.Add((new SearchDocument(DocumentKinds.Comparison, string.Join(Framework.ComparisonSeparator, slugs),
                string.Join(" vs ", slugs.Select(s => snapshot.FrameworkNames[s])), slugs) { Attribute = attribute }, -1, true));
        }
        else if (plan.Frameworks.Count == 1)
        {
            if (plan.AttributeKey is not null && snapshot.ProfileOrFact(plan.Frameworks[0], plan.AttributeKey) is { } fact) first.Add(fact);
            if (snapshot.ProfileOrFact(plan.Frameworks[0], null) is { } profile) first.Add(profile);
        }
        hits.AddRange(first.Select(d => (snapshot.Documents[d], d, true)));
        hits.AddRange(ranked.Where(r => !first.Contains(r.Doc)).Select(r => (snapshot.Documents[r.Doc], r.Doc, r.All)));
        if (hits.Count > request.Max) hits.RemoveRange(request.Max, hits.Count - request.Max);

        var marker = new Marker(plan.Highlight, plan.HighlightPrefix);
        using var text = new PartialText();
        var results = new List<SearchHit>(hits.Count);
        foreach (var h in hits)
            results.Add(new SearchHit(h.Document, marker.Runs(h.Document.Title), Snippet(h.Document, snapshot.Texts, h.Doc, text, marker), h.All));
        return new SearchOutcome(true, plan.Corrected, results, total);
    }

    static IReadOnlyList<TextRun> Snippet(SearchDocument document, PackedTexts texts, int doc, PartialText text, Marker marker) => document.Kind switch
    {
        DocumentKinds.Comparison => [new TextRun(document.Attribute is { } a
            ? $"{a.Label}, side by side, with every value’s source and the date it was checked."
            : "Every fact side by side, with its source and the date it was checked.", false)],
        DocumentKinds.Fact => [],
        _ => texts.Open(doc, text) ? marker.Snippet(text, SnippetWords) : [],
    };

    public async Task<IReadOnlyList<Suggestion>> SuggestAsync(string text, int max, CancellationToken ct)
    {
        var snapshot = await index.CurrentAsync(ct);
        return snapshot is null ? [] : Suggestions.For(snapshot, text, max);
    }
}
