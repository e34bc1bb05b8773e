using FrameworkCompare.Web.Models;
using FrameworkCompare.Web.ReadModel;

namespace FrameworkCompare.Web.Services;

/// <summary>The frameworks: the list, the sortable catalog, profiles, and the closest match for an unknown slug.</summary>
public sealed class FrameworkDirectory(SiteSnapshot snapshot, FactSheet facts, LinkGenerator links)
{
    public static readonly string[] SortKeys = ["name", "language", "kind", "first-release"];

    public Task<List<FrameworkSummary>> ListAsync(CancellationToken ct) => Task.FromResult(snapshot.Summaries.ToList());

    public Task<CatalogViewModel> CatalogAsync(CatalogQuery query, CancellationToken ct)
    {
        var all = snapshot.Frameworks;
        var shown = all.Where(f => (query.Language is null || f.Language == query.Language) && (query.Kind is null || f.Kind == query.Kind));
        Func<Framework, IComparable> key = query.Sort switch
        {
            "language" => f => f.Language,
            "kind" => f => f.Kind,
            "first-release" => f => f.FirstRelease,
            _ => f => f.Name,
        };
        shown = query.Descending ? shown.OrderByDescending(key).ThenBy(f => f.Name) : shown.OrderBy(key).ThenBy(f => f.Name);
        return Task.FromResult(new CatalogViewModel
        {
            Query = query,
            Frameworks = shown.ToList(),
            Languages = all.Select(f => f.Language).Distinct().Order().ToList(),
            Kinds = all.Select(f => f.Kind).Distinct().Order().ToList(),
        });
    }

    public async Task<ProfileViewModel?> ProfileAsync(string slug, CancellationToken ct) =>
        slug is not null && snapshot.FrameworkBySlug.TryGetValue(slug, out var framework) ? await ProfileAsync(framework, ct) : null;

    /// <summary>The profile page for a framework, published or a draft's.</summary>
    public Task<ProfileViewModel> ProfileAsync(Framework framework, CancellationToken ct)
    {
        var slug = framework.Slug;
        var others = snapshot.Summaries.Where(f => f.Slug != slug);
        var articles = snapshot.ArticleHeaders.Where(a => a.Frameworks.Contains(slug)).OrderByDescending(a => a.Published)
            .Select(a => new ContentLink(a.Title, links.ArticlePath(a.Slug), a.Summary)).ToList();
        var faq = snapshot.Faq.Where(q => q.Frameworks.Contains(slug))
            .OrderBy(q => q.Topic, StringComparer.Ordinal).ThenBy(q => q.Question, StringComparer.Ordinal).ToList();
        return Task.FromResult(new ProfileViewModel
        {
            Framework = framework,
            Facts = facts.Build([framework]),
            Comparisons = others.Select(o => new ContentLink($"{framework.Name} vs {o.Name}", ComparisonService.PathFor([slug, o.Slug]))).ToList(),
            Articles = articles,
            Faq = faq,
        });
    }

    /// <summary>One fact of one framework as readers see it (value null when not recorded), or null for unknown slugs or keys.</summary>
    public Task<(Framework Framework, AttributeDefinition Attribute, ComparisonCell Cell)?> FactAsync(string slug, string attributeKey, CancellationToken ct)
    {
        var attribute = attributeKey is null ? null : snapshot.Catalog.Find(attributeKey);
        if (slug is null || !snapshot.FrameworkBySlug.TryGetValue(slug, out var framework) || attribute is null)
            return Task.FromResult<(Framework, AttributeDefinition, ComparisonCell)?>(null);
        var cell = facts.Build([framework]).SelectMany(s => s.Rows).First(r => r.Attribute.Key == attributeKey).Cells[0];
        return Task.FromResult<(Framework, AttributeDefinition, ComparisonCell)?>((framework, attribute, cell));
    }

    /// <summary>Frameworks grouped by language, languages and frameworks in alphabetical order, for pickers and lists that stay scannable as the catalog grows.</summary>
    public static IReadOnlyList<IGrouping<string, FrameworkSummary>> ByLanguage(IEnumerable<FrameworkSummary> frameworks) =>
        frameworks
            .OrderBy(f => f.Name, StringComparer.OrdinalIgnoreCase)
            .GroupBy(f => f.Language)
            .OrderBy(g => g.Key, StringComparer.OrdinalIgnoreCase)
            .ToList();

    /// <summary>An id fragment for a language name: "C#" gives "c-sharp", "TypeScript/JavaScript" gives "typescript-javascript".</summary>
    public static string LanguageId(string language) =>
        string.Join('-', System.Text.RegularExpressions.Regex.Split(language.ToLowerInvariant().Replace("#", " sharp").Replace("+", " plus"), "[^a-z0-9]+")
            .Where(part => part.Length > 0));

    public static IReadOnlyList<FrameworkSummary> Closest(string wanted, IEnumerable<FrameworkSummary> frameworks, int count = 3) =>
        frameworks
            .OrderBy(f => Math.Min(Distance(wanted, f.Slug), Distance(wanted, f.Name.ToLowerInvariant())))
            .ThenBy(f => f.Slug, StringComparer.Ordinal)
            .Take(count)
            .ToList();

    /// <summary>Levenshtein distance: how many single-letter edits turn a into b.</summary>
    public static int Distance(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            previous = current;
        }
        return previous[b.Length];
    }
}
