using FrameworkCompare.Web.Models;
using FrameworkCompare.Web.ReadModel;

namespace FrameworkCompare.Web.Services;

/// <summary>Turns a selection like "django-vs-flask" into the comparison page, a redirect or a helpful error.</summary>
public sealed class ComparisonService(SiteSnapshot snapshot, FrameworkDirectory directory, FactSheet facts, RetiredPageLookup retired, LinkGenerator links, TimeProvider clock)
{
    public const string Separator = Framework.ComparisonSeparator;
    public const int MinFrameworks = 2, MaxFrameworks = 4;
    // Answers shown in full on the page; the page weight target (bench/run) leaves room for a few.
    const int MaxFaq = 5, MaxRelated = 8;

    public abstract record Outcome;
    public sealed record Found(ComparisonViewModel Model) : Outcome;
    public sealed record MovedTo(string Path) : Outcome
    {
        /// <summary>The canonical selection ("django-vs-flask"), for routes other than the comparison page's own.</summary>
        public string Selection => Path[(Path.LastIndexOf('/') + 1)..];
    }
    public sealed record Problem(ComparisonProblem Details) : Outcome;

    public static string PathFor(IEnumerable<string> slugs) => "/compare/" + string.Join(Separator, slugs.Order(StringComparer.Ordinal));

    /// <summary>The picker's choice: any order, blanks allowed; answers with where to go.</summary>
    public async Task<Outcome> PickAsync(IEnumerable<string?> picked, CancellationToken ct)
    {
        var slugs = Picked(picked);
        return Check(slugs, await directory.ListAsync(ct)) as Outcome ?? new MovedTo(PathFor(slugs));
    }

    /// <summary>The picker's choices as slugs: blanks dropped, trimmed, lower-case, in the order given.</summary>
    public static List<string> Picked(IEnumerable<string?> picked) =>
        [.. picked.Where(s => !string.IsNullOrWhiteSpace(s)).Select(s => s!.Trim().ToLowerInvariant())];

    public async Task<Outcome> BuildAsync(string selection, bool onlyDifferences, CancellationToken ct)
    {
        var slugs = selection.ToLowerInvariant().Split(Separator).ToList();
        var all = await directory.ListAsync(ct);
        if (await RetiredAsync(slugs, all, ct) is { } moved) return moved;
        if (Check(slugs, all) is { } problem) return problem;
        var canonical = PathFor(slugs);
        if (canonical != "/compare/" + selection) return new MovedTo(canonical);
        slugs = [.. slugs.Order(StringComparer.Ordinal)];
        var frameworks = slugs.Select(s => snapshot.FrameworkBySlug[s]).ToList();
        return new Found(Load(slugs, frameworks, all, canonical, onlyDifferences));
    }

    /// <summary>A comparison of a draft's framework with a published one, for the workspace's preview.</summary>
    public async Task<ComparisonViewModel?> PreviewAsync(Framework draft, string otherSlug, CancellationToken ct)
    {
        if (otherSlug == draft.Slug || !snapshot.FrameworkBySlug.TryGetValue(otherSlug, out var other)) return null;
        var all = (await directory.ListAsync(ct)).Where(f => f.Slug != draft.Slug)
            .Append(new FrameworkSummary(draft.Slug, draft.Name, draft.Language, draft.Kind, draft.Summary)).ToList();
        List<string> slugs = [.. new[] { draft.Slug, otherSlug }.Order(StringComparer.Ordinal)];
        return Load(slugs, [draft, other], all, PathFor(slugs), onlyDifferences: false);
    }

    /// <summary>A comparison naming a framework whose slug changed moves with it; one naming a removed framework is gone.</summary>
    async Task<Outcome?> RetiredAsync(List<string> slugs, IReadOnlyList<FrameworkSummary> all, CancellationToken ct)
    {
        if (slugs.Count is < MinFrameworks or > MaxFrameworks) return null;
        var replaced = new List<string>();
        foreach (var slug in slugs)
        {
            if (all.Any(f => f.Slug == slug)) { replaced.Add(slug); continue; }
            var page = await retired.FindAsync(ContentKind.Framework, slug, ct);
            if (page is null) return null;
            if (page.Gone)
                return Bad(410, "A framework was removed", $"“{Shorten(slug)}” was taken off the site, so this comparison is gone. Pick another below.", all);
            replaced.Add(page.MovedTo!);
        }
        return replaced.SequenceEqual(slugs) ? null : new MovedTo(PathFor(replaced));
    }

    static Problem? Check(List<string> slugs, IReadOnlyList<FrameworkSummary> all)
    {
        if (slugs.Count < MinFrameworks)
            return Bad(400, "Pick at least two frameworks", $"A comparison needs two to four frameworks, for example {PathFor(["django", "flask"])}.", all);
        if (slugs.Count > MaxFrameworks)
            return Bad(400, "Too many frameworks", $"A comparison shows at most {MaxFrameworks} frameworks side by side; remove some.", all);
        if (slugs.Distinct().Count() != slugs.Count)
            return Bad(400, "A framework is repeated", "Each framework can appear only once in a comparison.", all);
        var unknown = slugs.FirstOrDefault(s => all.All(f => f.Slug != s));
        return unknown is null ? null
            : Bad(404, "Framework not found", $"We have no framework called “{Shorten(unknown)}”. Did you mean one of these?",
                FrameworkDirectory.Closest(unknown, all));
    }

    ComparisonViewModel Load(List<string> slugs, List<Framework> frameworks, IReadOnlyList<FrameworkSummary> all, string canonical, bool onlyDifferences)
    {
        frameworks = [.. frameworks.OrderBy(f => slugs.IndexOf(f.Slug))];
        var sections = facts.Build(frameworks);
        List<ComparisonSection> fullSections = [.. sections];
        var useCases = sections.FirstOrDefault(s => s.Category.Key == Catalog.UseCasesCategory);
        sections.Remove(useCases!);

        var hidden = 0;
        if (onlyDifferences)
        {
            var before = sections.Sum(s => s.Rows.Count);
            sections = sections.Select(s => s with { Rows = s.Rows.Where(r => !r.AllAgree).ToList() }).Where(s => s.Rows.Count > 0).ToList();
            hidden = before - sections.Sum(s => s.Rows.Count);
        }
        return new ComparisonViewModel
        {
            Frameworks = frameworks,
            AllFrameworks = all,
            Sections = sections,
            FullSections = fullSections,
            UseCases = useCases,
            NumericRows = sections.SelectMany(s => s.Rows).Where(r => r.Attribute.Type == AttributeType.Number && r.Cells.Any(c => c.Value?.Value is not null)).ToList(),
            Faq = Faq(slugs),
            Articles = Articles(slugs),
            Related = Related(slugs, all),
            CanonicalPath = canonical,
            OnlyDifferences = onlyDifferences,
            HiddenRows = hidden,
            KeyDifferences = KeyDifferences.Of(fullSections, snapshot.Scoring),
            Freshness = KeyDifferences.FreshnessOf(fullSections, Staleness.At(clock.GetUtcNow(), snapshot.StaleAfterMonths)),
        };
    }

    List<FaqEntry> Faq(List<string> slugs) =>
        snapshot.Faq.Where(q => q.Frameworks.Any(slugs.Contains))
            .OrderByDescending(q => q.Frameworks.Count(slugs.Contains))
            .ThenBy(q => q.Frameworks.Count)
            .ThenBy(q => q.Question, StringComparer.Ordinal)
            .Take(MaxFaq)
            .ToList();

    /// <summary>Articles that cover at least two of the selected frameworks, best overlap first.</summary>
    List<ContentLink> Articles(List<string> slugs) =>
        snapshot.ArticleHeaders.Where(a => a.Frameworks.Count(slugs.Contains) >= Math.Min(2, slugs.Count))
            .OrderByDescending(a => a.Frameworks.Count(slugs.Contains)).ThenBy(a => a.Frameworks.Count)
            .Select(a => new ContentLink(a.Title, links.ArticlePath(a.Slug), a.Summary)).ToList();

    /// <summary>Neighbouring comparisons, at most eight: each pair inside the selection, then each selected framework against the others, same language first.</summary>
    static List<ContentLink> Related(List<string> slugs, IReadOnlyList<FrameworkSummary> all)
    {
        var names = all.ToDictionary(f => f.Slug, f => f.Name);
        var languages = all.ToDictionary(f => f.Slug, f => f.Language);
        var pairs = slugs.Count > 2
            ? slugs.SelectMany((a, i) => slugs.Skip(i + 1).Select(b => new[] { a, b }))
            : [];
        // With twenty frameworks across languages only a few fit: same-language neighbours first, then the rest, each in name order.
        var others = slugs.SelectMany(a => all.Where(f => !slugs.Contains(f.Slug)).Select(f => new[] { a, f.Slug }))
            .OrderBy(p => languages[p[0]] == languages[p[1]] ? 0 : 1);
        return pairs.Concat(others)
            .Select(p => p.Order(StringComparer.Ordinal).ToArray())
            .Select(p => new ContentLink($"{names[p[0]]} vs {names[p[1]]}", PathFor(p)))
            .DistinctBy(l => l.Path)
            .Take(MaxRelated)
            .ToList();
    }

    static Problem Bad(int status, string title, string message, IReadOnlyList<FrameworkSummary> suggestions) =>
        new(new ComparisonProblem(status, title, message, suggestions));

    static string Shorten(string text) => text.Length <= 60 ? text : text[..60] + "…";
}
