using FrameworkCompare.Web.Content;
using FrameworkCompare.Web.Data;
using FrameworkCompare.Web.Models;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace FrameworkCompare.Web.Services;

/// <summary>Lays frameworks' facts out by catalog category, marking stale ones; shared by comparisons and profiles.</summary>
public sealed class FactSheet(SiteDb db, IOptionsSnapshot<ContentOptions> options, TimeProvider clock)
{
    public async Task<List<ComparisonSection>> BuildAsync(IReadOnlyList<Framework> frameworks, CancellationToken ct)
    {
        var categories = await db.Categories.OrderBy(c => c.Order).ToListAsync(ct);
        var attributes = await db.Attributes.OrderBy(a => a.Order).ThenBy(a => a.Key).ToListAsync(ct);
        var staleness = Staleness.At(clock.GetUtcNow(), options.Value.StaleAfterMonths);
        var marks = await FactHistoryService.MarksAsync(db, [.. frameworks.Select(f => f.Slug)], clock.GetUtcNow(), ct);
        return categories
            .Select(category => new ComparisonSection(category, attributes
                .Where(a => a.CategoryKey == category.Key)
                .Select(a => new ComparisonRow(a, frameworks.Select(f => Cell(f, a, staleness, marks)).ToList()))
                .ToList()))
            .Where(s => s.Rows.Count > 0)
            .ToList();
    }

    static ComparisonCell Cell(Framework framework, AttributeDefinition attribute, Staleness staleness, Dictionary<(string, string), bool> history)
    {
        var value = framework.Values.FirstOrDefault(v => v.AttributeKey == attribute.Key);
        var hasHistory = history.TryGetValue((framework.Slug, attribute.Key), out var recent);
        return new ComparisonCell(framework, value, staleness.IsStale(value, attribute), hasHistory, recent);
    }
}
