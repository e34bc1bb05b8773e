using FrameworkCompare.Web.ReadModel;
using FrameworkCompare.Web.Areas.Editor.Models;
using FrameworkCompare.Web.Content;
using FrameworkCompare.Web.Data;
using FrameworkCompare.Web.Services;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace FrameworkCompare.Web.Areas.Editor.Services;

/// <summary>Every fact past its stale age (its attribute's own, else the site-wide one), oldest check first.</summary>
public sealed class StaleQueue(SiteDb db, IOptions<ContentOptions> options, TimeProvider clock)
{
    public async Task<List<StaleFact>> AllAsync(CancellationToken ct)
    {
        var staleness = Staleness.At(clock.GetUtcNow(), options.Value.StaleAfterMonths);
        var frameworks = await db.Frameworks.Include(f => f.Values).ToListAsync(ct);
        var attributes = await db.Attributes.ToDictionaryAsync(a => a.Key, ct);
        var categories = await db.Categories.ToDictionaryAsync(c => c.Key, c => c.Label, ct);
        return frameworks
            .SelectMany(f => f.Values.Where(v => attributes.ContainsKey(v.AttributeKey)).Select(v => (Framework: f, Value: v, Attribute: attributes[v.AttributeKey])))
            .Where(x => staleness.IsStale(x.Value, x.Attribute))
            .Select(x => new StaleFact(x.Framework, x.Attribute, categories.GetValueOrDefault(x.Attribute.CategoryKey, x.Attribute.CategoryKey), x.Value, staleness.CheckedBefore(x.Attribute)))
            .OrderBy(s => s.Value.Checked).ThenBy(s => s.Framework.Name).ThenBy(s => s.Attribute.Order)
            .ToList();
    }

    public async Task<StaleViewModel> PageAsync(string? framework, string? category, string? attribute, CancellationToken ct)
    {
        var all = await AllAsync(ct);
        return new StaleViewModel
        {
            Facts = all.Where(s => (framework is null || s.Framework.Slug == framework) && (category is null || s.Attribute.CategoryKey == category)
                && (attribute is null || s.Attribute.Key == attribute)).ToList(),
            Total = all.Count,
            Framework = framework, Category = category, Attribute = attribute,
            Frameworks = await db.Frameworks.OrderBy(f => f.Name).Select(f => new ValueTuple<string, string>(f.Slug, f.Name)).ToListAsync(ct),
            Categories = await db.Categories.OrderBy(c => c.Order).ToListAsync(ct),
            Attributes = await db.Attributes.OrderBy(a => a.Label).ToListAsync(ct),
        };
    }
}
