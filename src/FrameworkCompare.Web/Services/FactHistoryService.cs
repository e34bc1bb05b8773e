using System.Globalization;
using FrameworkCompare.Web.Data;
using FrameworkCompare.Web.Models;
using Microsoft.EntityFrameworkCore;

namespace FrameworkCompare.Web.Services;

/// <summary>Readers' view of the fact changes derived from content history: per fact, across the site, and "recently changed".</summary>
public sealed class FactHistoryService(SiteDb db, ReadModel.SiteSnapshot snapshot, FrameworkDirectory directory, TimeProvider clock)
{
    public const int RecentDays = ReadModel.FactMarks.RecentDays, MaxChanges = 100;

    public async Task<FactHistoryViewModel?> HistoryAsync(string framework, string attribute, CancellationToken ct)
    {
        if (await directory.FactAsync(framework, attribute, ct) is not { } fact) return null;
        var changes = await db.FactChanges.Where(c => c.FrameworkSlug == fact.Framework.Slug && c.AttributeKey == fact.Attribute.Key)
            .OrderByDescending(c => c.ChangedAt).ThenByDescending(c => c.Id).ToListAsync(ct);
        var trend = fact.Attribute.Type == AttributeType.Number ? Trend(changes) : [];
        return new FactHistoryViewModel(fact.Framework, fact.Attribute, fact.Cell, changes, trend);
    }

    /// <summary>The latest changes, newest first, of one framework or all; null when the framework is unknown.</summary>
    public async Task<ChangesViewModel?> ChangesAsync(string? framework, CancellationToken ct)
    {
        var all = await directory.ListAsync(ct);
        var selected = framework is null ? null : all.FirstOrDefault(f => f.Slug == framework);
        if (framework is not null && selected is null) return null;
        var query = db.FactChanges.AsQueryable();
        if (selected is not null) query = query.Where(c => c.FrameworkSlug == selected.Slug);
        var changes = await query.OrderByDescending(c => c.ChangedAt).ThenByDescending(c => c.Id).Take(MaxChanges).ToListAsync(ct);
        var names = all.ToDictionary(f => f.Slug, f => f.Name);
        var attributes = snapshot.Catalog.Attributes.ToDictionary(a => a.Key);
        // Changes of removed frameworks or attributes stay in the table until their file's history is rebuilt; readers see only current ones.
        var lines = changes.Where(c => names.ContainsKey(c.FrameworkSlug) && attributes.ContainsKey(c.AttributeKey))
            .Select(c => new ChangeLine(c, names[c.FrameworkSlug], attributes[c.AttributeKey])).ToList();
        return new ChangesViewModel(lines, selected, all, MaxChanges);
    }

    public bool IsRecent(FactChange change) => change.ChangedAt >= clock.GetUtcNow().AddDays(-RecentDays);

    /// <summary>The figure before the first change and after each, one point per day (the last figure of a day wins), oldest first.</summary>
    static List<TrendPoint> Trend(List<FactChange> newestFirst)
    {
        var oldestFirst = Enumerable.Reverse(newestFirst).ToList();
        var states = oldestFirst.Take(1).Select(c => (c.Old, c.ChangedAt)).Concat(oldestFirst.Select(c => (c.New, c.ChangedAt)));
        return states
            .Where(s => s.Item1.Value is not null && double.TryParse(s.Item1.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
            .Select(s => new TrendPoint(s.Item1.Checked ?? DateOnly.FromDateTime(s.ChangedAt.UtcDateTime), double.Parse(s.Item1.Value!, CultureInfo.InvariantCulture)))
            .GroupBy(p => p.Date).Select(g => g.Last())
            .OrderBy(p => p.Date)
            .ToList();
    }
}
