using FrameworkCompare.Web.Content;
using FrameworkCompare.Web.Data;
using FrameworkCompare.Web.Models;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace FrameworkCompare.Web.Services;

/// <summary>Turns a selection like "django-vs-flask" into the comparison page, a redirect or a helpful error.</summary>
public sealed class ComparisonService(SiteDb db, FrameworkDirectory directory, IOptionsSnapshot<ContentOptions> options, TimeProvider clock)
{
    public const string Separator = "-vs-";
    public const int MinFrameworks = 2, MaxFrameworks = 4;

    public abstract record Outcome;
    public sealed record Found(ComparisonViewModel Model) : Outcome;
    public sealed record MovedTo(string Path) : Outcome;
    public sealed record Problem(ComparisonProblem Details) : Outcome;

    public static string PathFor(IEnumerable<string> slugs) => "/compare/" + string.Join(Separator, slugs.Order(StringComparer.Ordinal));

    public async Task<Outcome> BuildAsync(string selection, bool onlyDifferences, CancellationToken ct)
    {
        var slugs = selection.ToLowerInvariant().Split(Separator);
        var all = await directory.ListAsync(ct);
        if (slugs.Length < MinFrameworks)
            return Bad(400, "Pick at least two frameworks", $"A comparison needs two to four frameworks, for example {PathFor(["django", "flask"])}.", all);
        if (slugs.Length > MaxFrameworks)
            return Bad(400, "Too many frameworks", $"A comparison shows at most {MaxFrameworks} frameworks side by side; remove some.", all);
        if (slugs.Distinct().Count() != slugs.Length)
            return Bad(400, "A framework is repeated", "Each framework can appear only once in a comparison.", all);
        var unknown = slugs.FirstOrDefault(s => all.All(f => f.Slug != s));
        if (unknown is not null)
            return Bad(404, "Framework not found", $"We have no framework called “{Shorten(unknown)}”. Did you mean one of these?",
                FrameworkDirectory.Closest(unknown, all));

        var canonical = PathFor(slugs);
        if (canonical != "/compare/" + selection) return new MovedTo(canonical);
        return new Found(await LoadAsync(slugs.Order(StringComparer.Ordinal).ToList(), canonical, onlyDifferences, ct));
    }

    async Task<ComparisonViewModel> LoadAsync(List<string> slugs, string canonical, bool onlyDifferences, CancellationToken ct)
    {
        var frameworks = await db.Frameworks.Where(f => slugs.Contains(f.Slug))
            .Include(f => f.Values).Include(f => f.Points).AsSplitQuery().ToListAsync(ct);
        frameworks = [.. frameworks.OrderBy(f => slugs.IndexOf(f.Slug))];
        var categories = await db.Categories.OrderBy(c => c.Order).ToListAsync(ct);
        var attributes = await db.Attributes.OrderBy(a => a.Order).ToListAsync(ct);
        var staleBefore = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime.AddMonths(-options.Value.StaleAfterMonths));

        var hidden = 0;
        var sections = new List<ComparisonSection>();
        foreach (var category in categories)
        {
            var rows = attributes.Where(a => a.CategoryKey == category.Key)
                .Select(a => new ComparisonRow(a, frameworks.Select(f => Cell(f, a, staleBefore)).ToList()))
                .ToList();
            if (onlyDifferences)
            {
                hidden += rows.RemoveAll(r => r.AllAgree);
            }
            if (rows.Count > 0) sections.Add(new ComparisonSection(category, rows));
        }
        return new ComparisonViewModel
        {
            Frameworks = frameworks, Sections = sections, CanonicalPath = canonical,
            OnlyDifferences = onlyDifferences, HiddenRows = hidden,
        };
    }

    static ComparisonCell Cell(Framework framework, AttributeDefinition attribute, DateOnly staleBefore)
    {
        var value = framework.Values.FirstOrDefault(v => v.AttributeKey == attribute.Key);
        return new ComparisonCell(value, value?.Checked < staleBefore);
    }

    static Problem Bad(int status, string title, string message, IReadOnlyList<FrameworkSummary> suggestions) =>
        new(new ComparisonProblem(status, title, message, suggestions));

    static string Shorten(string text) => text.Length <= 60 ? text : text[..60] + "…";
}
