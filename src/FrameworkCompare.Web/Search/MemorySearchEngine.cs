using FrameworkCompare.Web.Content;
using FrameworkCompare.Web.Data;
using FrameworkCompare.Web.Models;
using Microsoft.EntityFrameworkCore;

namespace FrameworkCompare.Web.Search;

/// <summary>Search from the in-memory index; snippets come from the texts of the shown results only, read from the database.</summary>
public sealed class MemorySearchEngine(ISearchSnapshots index, SiteDb db) : ISearchEngine
{
    const int SnippetWords = 24;

    public async Task<SearchOutcome> SearchAsync(SearchRequest request, CancellationToken ct)
    {
        var snapshot = await index.CurrentAsync(ct);
        if (snapshot is null) return SearchOutcome.Nothing;
        var plan = snapshot.Plan(request.Query, request.Exact);
        if (plan.Terms.Count == 0) return SearchOutcome.Nothing;
        var (ranked, total) = snapshot.Rank(plan, request.Max + 2);

        var hits = new List<(SearchDocument Document, bool All)>();
        var first = new List<int>();
        if (plan.Frameworks.Count is >= 2 and <= 4)
        {
            var slugs = plan.Frameworks.Order(StringComparer.Ordinal).ToList();
            var attribute = plan.AttributeKey is null ? null : snapshot.Attributes.First(a => a.Key == plan.AttributeKey);
            hits.Add((new SearchDocument(DocumentKinds.Comparison, string.Join(Framework.ComparisonSeparator, slugs),
                string.Join(" vs ", slugs.Select(s => snapshot.FrameworkNames[s])), slugs) { Attribute = attribute }, true));
        }
        else if (plan.Frameworks.Count == 1)
        {
            if (plan.AttributeKey is not null && snapshot.ProfileOrFact(plan.Frameworks[0], plan.AttributeKey) is { } fact) first.Add(fact);
            if (snapshot.ProfileOrFact(plan.Frameworks[0], null) is { } profile) first.Add(profile);
        }
        hits.AddRange(first.Select(d => (snapshot.Documents[d], true)));
        hits.AddRange(ranked.Where(r => !first.Contains(r.Doc)).Select(r => (snapshot.Documents[r.Doc], r.All)));
        if (hits.Count > request.Max) hits.RemoveRange(request.Max, hits.Count - request.Max);

        var texts = await TextsAsync(hits.Select(h => h.Document).ToList(), ct);
        var marker = new Marker(plan.Highlight, plan.HighlightPrefix);
        var results = hits.Select(h => new SearchHit(h.Document, marker.Runs(h.Document.Title),
            Snippet(h.Document, texts.GetValueOrDefault((h.Document.Kind, h.Document.Slug)), marker), h.All)).ToList();
        return new SearchOutcome(true, plan.Corrected, results, total);
    }

    IReadOnlyList<TextRun> Snippet(SearchDocument document, string? text, Marker marker) => document.Kind switch
    {
        DocumentKinds.Comparison => [new TextRun(document.Attribute is { } a
            ? $"{a.Label}, side by side, with every value’s source and the date it was checked."
            : "Every fact side by side, with its source and the date it was checked.", false)],
        DocumentKinds.Fact => [],
        _ => text is null ? [] : marker.Snippet(text, SnippetWords),
    };

    /// <summary>The texts snippets are cut from, for the shown results only: rowid lookups in the full-text table, each
    /// row checked to still be the document's (an import may have replaced it since this snapshot was built).</summary>
    async Task<Dictionary<(string, string), string>> TextsAsync(List<SearchDocument> shown, CancellationToken ct)
    {
        var texts = new Dictionary<(string, string), string>();
        var wanted = shown.Where(d => d.TextRow is not null).ToList();
        if (wanted.Count == 0) return texts;
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            var names = new List<string>();
            for (var i = 0; i < wanted.Count; i++)
            {
                var row = command.CreateParameter();
                row.ParameterName = "@r" + i;
                row.Value = wanted[i].TextRow!.Value;
                command.Parameters.Add(row);
                names.Add(row.ParameterName);
            }
            command.CommandText = $"SELECT \"Kind\", \"Slug\", \"Body\" FROM \"SearchIndex\" WHERE rowid IN ({string.Join(", ", names)})";
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct)) texts[(reader.GetString(0), reader.GetString(1))] = reader.GetString(2);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
        return texts;
    }

    public async Task<IReadOnlyList<Suggestion>> SuggestAsync(string text, int max, CancellationToken ct)
    {
        var snapshot = await index.CurrentAsync(ct);
        return snapshot is null ? [] : Suggestions.For(snapshot, text, max);
    }
}
