using System.Diagnostics;
using FrameworkCompare.Web.Content;
using FrameworkCompare.Web.Data;
using FrameworkCompare.Web.Models;
using FrameworkCompare.Web.Search;
using Microsoft.EntityFrameworkCore;

namespace FrameworkCompare.Web.ReadModel;

/// <summary>Reads the database's read model into one <see cref="SiteSnapshot"/>, inside one read transaction so it is one version.</summary>
public static class SnapshotLoader
{
    /// <param name="buildSearch">Builds the search index (with a database context of its own), started as the snapshot is returned.</param>
    public static async Task<SiteSnapshot> LoadAsync(
        SiteDb db, Func<Task<SearchSnapshot>> buildSearch, int staleAfterMonths, TimeProvider clock, CancellationToken ct)
    {
        var started = Stopwatch.StartNew();
        await db.Database.OpenConnectionAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // The change log grows with every import: ask for the newest row per tag, not for every row.
        var version = await db.ReadModelVersions.MaxAsync(v => (long?)v.Id, ct) ?? 0;
        var tagVersions = new Dictionary<string, long>();
        foreach (var tag in ContentTags.All)
            if (await db.ReadModelVersions.Where(v => v.Tags.Contains(tag)).MaxAsync(v => (long?)v.Id, ct) is { } id) tagVersions[tag] = id;

        var categories = await db.Categories.OrderBy(c => c.Order).ToListAsync(ct);
        var attributes = await db.Attributes.OrderBy(a => a.Order).ThenBy(a => a.Key).ToListAsync(ct);
        var catalog = new Catalog(categories, attributes);
        var frameworks = await db.Frameworks.Include(f => f.Values).Include(f => f.Points).AsSplitQuery().ToListAsync(ct);
        frameworks = [.. frameworks.OrderBy(f => f.Name, StringComparer.Ordinal)];
        foreach (var f in frameworks) f.Points = [.. f.Points.OrderBy(p => p.Order)];
        var faq = (await db.FaqEntries.ToListAsync(ct)).OrderBy(q => q.Question, StringComparer.Ordinal).ToList();
        var articles = (await db.Articles.Select(a => new Article
            {
                Slug = a.Slug, Title = a.Title, Summary = a.Summary, Author = a.Author, Published = a.Published, Updated = a.Updated,
                Frameworks = a.Frameworks, Tags = a.Tags, ReadingMinutes = a.ReadingMinutes, SourcePath = a.SourcePath, Html = "", Text = "",
            }).ToListAsync(ct))
            .OrderByDescending(a => a.Published).ThenBy(a => a.Title, StringComparer.Ordinal).ToList();
        var authors = (await db.Authors.ToListAsync(ct)).OrderBy(a => a.Name, StringComparer.Ordinal).ToList();
        var retired = await db.RetiredPages.ToDictionaryAsync(r => (r.Kind, r.Slug), ct);
        var changes = (await db.FactChanges.Select(c => new { c.FrameworkSlug, c.AttributeKey, c.ChangedAt }).ToListAsync(ct))
            .GroupBy(c => (c.FrameworkSlug, c.AttributeKey))
            .ToDictionary(g => g.Key, g => g.Select(c => c.ChangedAt).Order().ToArray());
        var scoringBytes = await db.ServedScoring.Where(s => s.Id == ServedScoring.OnlyRow).Select(s => s.Bytes).FirstOrDefaultAsync(ct);
        await transaction.CommitAsync(ct);

        var marks = new FactMarks(changes);
        return new SiteSnapshot
        {
            Version = version,
            TagVersions = tagVersions,
            BuiltAt = clock.GetUtcNow(),
            BuildTime = started.Elapsed,
            Catalog = catalog,
            Frameworks = frameworks,
            FrameworkBySlug = frameworks.ToDictionary(f => f.Slug),
            Summaries = [.. frameworks.Select(f => new FrameworkSummary(f.Slug, f.Name, f.Language, f.Kind, f.Summary))],
            Faq = faq,
            FaqBySlug = faq.ToDictionary(q => q.Slug),
            ArticleHeaders = articles,
            ArticleBySlug = articles.ToDictionary(a => a.Slug),
            Authors = authors,
            Scoring = Scoring(scoringBytes, catalog),
            Marks = marks,
            Retired = retired,
            Search = Task.Run(buildSearch, CancellationToken.None),
            StaleAfterMonths = staleAfterMonths,
            DateSteps = DateSteps(frameworks, catalog, marks, staleAfterMonths),
        };
    }

    static ScoringRules? Scoring(byte[]? bytes, Catalog catalog) =>
        bytes is null ? null : ScoringParser.Parse(ContentSource.FromBytes(ScoringParser.FileName, ContentKind.Scoring, bytes), catalog, []);

    /// <summary>When what a page shows changes with the date alone: a fact turning stale, a recent mark appearing or ending.</summary>
    static List<DateTimeOffset> DateSteps(IReadOnlyList<Framework> frameworks, Catalog catalog, FactMarks marks, int staleAfterMonths)
    {
        var attributes = catalog.Attributes.ToDictionary(a => a.Key);
        var steps = new SortedSet<DateTimeOffset>();
        foreach (var value in frameworks.SelectMany(f => f.Values))
            if (value.Checked is { } checkedOn && attributes.TryGetValue(value.AttributeKey, out var attribute)
                && attribute.StaleAfterMonths != AttributeDefinition.NeverStale)
            {
                // A stale age that reaches past the calendar's end never turns the fact stale.
                try { steps.Add(FirstStaleDay(checkedOn, attribute, staleAfterMonths)); }
                catch (ArgumentOutOfRangeException) { }
            }
        foreach (var time in marks.Changes.Values.SelectMany(t => t))
        {
            steps.Add(time);
            steps.Add(time.AddDays(FactMarks.RecentDays).AddTicks(1));
        }
        return [.. steps];
    }

    /// <summary>The first day (as its UTC midnight) on which <see cref="Staleness"/> calls a fact checked on <paramref name="checkedOn"/> stale.</summary>
    static DateTimeOffset FirstStaleDay(DateOnly checkedOn, AttributeDefinition attribute, int staleAfterMonths)
    {
        // AddMonths clamps month ends, so step from a few days before the estimate to the first day the rule says stale.
        var day = checkedOn.AddMonths(attribute.StaleAfterMonths ?? staleAfterMonths).AddDays(-4);
        while (!Staleness.At(new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero), staleAfterMonths)
                   .IsStale(new FactValue { AttributeKey = attribute.Key, Checked = checkedOn }, attribute))
            day = day.AddDays(1);
        return new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
    }
}
