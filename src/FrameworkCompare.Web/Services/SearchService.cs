using FrameworkCompare.Web.Content;
using FrameworkCompare.Web.Models;
using FrameworkCompare.Web.ReadModel;
using FrameworkCompare.Web.Search;

namespace FrameworkCompare.Web.Services;

/// <summary>The search page and the search box's suggestions, from the search engine's results.</summary>
public sealed class SearchService(ISearchEngine engine, SiteSnapshot snapshot, LinkGenerator links, TimeProvider clock)
{
    public const int MaxQueryLength = 200, MaxTerms = SearchSnapshot.MaxTerms, MaxResults = 10, MaxSuggestions = 8;

    public async Task<SearchViewModel> SearchAsync(string? text, bool exact, CancellationToken ct)
    {
        var query = Clean(text);
        if (Terms(query).Count == 0) return new SearchViewModel { Query = query, Results = [] };
        var outcome = await engine.SearchAsync(new SearchRequest(query, exact, MaxResults), ct);
        var staleness = Staleness.At(clock.GetUtcNow(), snapshot.StaleAfterMonths);
        var model = new SearchViewModel
        {
            Query = query,
            HasTerms = outcome.Searched,
            Results = outcome.Hits.Select(h => ToResult(h, staleness)).ToList(),
            Total = outcome.Total,
            Corrected = outcome.Corrected,
            ExactPath = outcome.Corrected is null ? null : links.GetPathByAction("Index", "Search", new { q = query, exact = 1 }),
        };
        return model.Results.Count > 0 ? model : WithWaysOn(model, query);
    }

    /// <summary>An empty result is no dead end: frameworks with a name close to the query's words, and the FAQ's topics.</summary>
    SearchViewModel WithWaysOn(SearchViewModel model, string query)
    {
        var frameworks = snapshot.Summaries;
        var words = Terms(query);
        var close = words.SelectMany(w => FrameworkDirectory.Closest(w, frameworks, 3).Select(f => (f, Distance: FrameworkDirectory.Distance(w, f.Slug))))
            .Where(c => c.Distance <= Math.Max(2, c.f.Slug.Length / 2)).OrderBy(c => c.Distance).Select(c => c.f).DistinctBy(f => f.Slug).Take(3);
        var topics = snapshot.Faq.Select(q => q.Topic).Distinct().Order(StringComparer.Ordinal).ToList();
        var faq = links.PathTo(PagePaths.Faq);
        return new SearchViewModel
        {
            Query = model.Query, HasTerms = model.HasTerms, Results = [], Total = 0, Corrected = model.Corrected, ExactPath = model.ExactPath,
            CloseFrameworks = close.Select(f => new ContentLink(f.Name, links.FrameworkPath(f.Slug), f.Summary)).ToList(),
            FaqTopics = topics.Select(t => new ContentLink(t, faq + "#topic-" + string.Concat(t.ToLowerInvariant().Select(c => char.IsLetterOrDigit(c) ? c : '-')))).ToList(),
        };
    }

    SearchResult ToResult(SearchHit hit, Staleness staleness)
    {
        var d = hit.Document;
        return d.Kind switch
        {
            DocumentKinds.Comparison => new(d.Kind, "Comparison", ComparisonService.PathFor(d.Slugs) + Anchor(d.Attribute), hit.Title, hit.Snippet, hit.MatchesAll),
            DocumentKinds.Framework => new(d.Kind, "Framework", links.FrameworkPath(d.Slug), hit.Title, hit.Snippet, hit.MatchesAll),
            DocumentKinds.Fact => new(d.Kind, "Fact", links.FrameworkPath(d.Slug) + Anchor(d.Attribute), hit.Title, hit.Snippet, hit.MatchesAll)
            {
                Fact = new FactResult(d.Attribute!, new ComparisonCell(new Framework
                {
                    Slug = d.Slug, Name = d.FrameworkName ?? d.Slug, Language = "", Kind = "", Website = "", Repository = "", License = "",
                    Summary = "", OverviewHtml = "", OverviewText = "", SourcePath = "",
                }, d.Fact, staleness.IsStale(d.Fact, d.Attribute!)),
                    // The attribute across every framework, at this framework's row: not one arbitrary comparison.
                    new ContentLink($"{d.Attribute!.Label} across every framework", links.AttributePath(d.Attribute.Key) + "#" + d.Slug)),
            },
            DocumentKinds.Article => new(d.Kind, "Article", links.ArticlePath(d.Slug), hit.Title, hit.Snippet, hit.MatchesAll),
            _ => new(d.Kind, "FAQ", links.FaqPath(d.Slug), hit.Title, hit.Snippet, hit.MatchesAll),
        };
    }

    static string Anchor(AttributeDefinition? attribute) => attribute is null ? "" : "#" + attribute.Key;

    public async Task<IReadOnlyList<SearchSuggestion>> SuggestAsync(string? text, CancellationToken ct)
    {
        var query = Clean(text);
        if (Terms(query).Count == 0) return [];
        var suggestions = await engine.SuggestAsync(query, MaxSuggestions, ct);
        return suggestions.Select(s => s.Kind switch
        {
            DocumentKinds.Comparison => new SearchSuggestion(s.Label, "Comparison", ComparisonService.PathFor(s.Slugs)),
            DocumentKinds.Framework => new SearchSuggestion(s.Label, "Framework", links.FrameworkPath(s.Slug)),
            _ => new SearchSuggestion(s.Label, "FAQ", links.FaqPath(s.Slug)),
        }).ToList();
    }

    /// <summary>Control characters become spaces; the result is trimmed and capped without splitting a surrogate pair.</summary>
    public static string Clean(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return "";
        var cleaned = new string([.. text.Select(c => char.IsControl(c) ? ' ' : c)]).Trim();
        if (cleaned.Length <= MaxQueryLength) return cleaned;
        var cut = char.IsHighSurrogate(cleaned[MaxQueryLength - 1]) ? MaxQueryLength - 1 : MaxQueryLength;
        return cleaned[..cut].TrimEnd();
    }

    /// <summary>The distinct words of the query, lower-cased and stemmed: runs of letters, digits and combining marks.
    /// Everything else (operators, quotes, emoji) separates words.</summary>
    public static List<string> Terms(string query) => SearchText.Terms(query, MaxTerms * 4).Distinct().Take(MaxTerms).ToList();
}
