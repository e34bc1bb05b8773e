using FrameworkCompare.Web.Models;
using FrameworkCompare.Web.ReadModel;

namespace FrameworkCompare.Web.Services;

/// <summary>Lays frameworks' facts out by catalog category, marking stale ones; shared by comparisons and profiles.</summary>
public sealed class FactSheet(SiteSnapshot snapshot, TimeProvider clock)
{
    public Task<List<ComparisonSection>> BuildAsync(IReadOnlyList<Framework> frameworks, CancellationToken ct) => Task.FromResult(Build(frameworks));

    public List<ComparisonSection> Build(IReadOnlyList<Framework> frameworks)
    {
        var now = clock.GetUtcNow();
        var staleness = Staleness.At(now, snapshot.StaleAfterMonths);
        var values = frameworks.Select(f => f.Values.ToDictionary(v => v.AttributeKey)).ToList();
        var byCategory = snapshot.Catalog.Attributes.ToLookup(a => a.CategoryKey);
        return snapshot.Catalog.Categories
            .Select(category => new ComparisonSection(category, byCategory[category.Key]
                .Select(a => new ComparisonRow(a, frameworks.Select((f, i) => Cell(f, values[i].GetValueOrDefault(a.Key), a, staleness, now)).ToList()))
                .ToList()))
            .Where(s => s.Rows.Count > 0)
            .ToList();
    }

    /// <summary>One attribute's row across the given frameworks (the attribute pages).</summary>
    public ComparisonRow Row(IReadOnlyList<Framework> frameworks, AttributeDefinition attribute)
    {
        var now = clock.GetUtcNow();
        var staleness = Staleness.At(now, snapshot.StaleAfterMonths);
        return new ComparisonRow(attribute, frameworks.Select(f => Cell(f, f.Values.FirstOrDefault(v => v.AttributeKey == attribute.Key), attribute, staleness, now)).ToList());
    }

    ComparisonCell Cell(Framework framework, FactValue? value, AttributeDefinition attribute, Staleness staleness, DateTimeOffset now) =>
        new(framework, value, staleness.IsStale(value, attribute),
            snapshot.Marks.HasHistory(framework.Slug, attribute.Key), snapshot.Marks.IsRecent(framework.Slug, attribute.Key, now));
}
