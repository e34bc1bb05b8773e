using System.Diagnostics;
using FrameworkCompare.Web.Content;
using FrameworkCompare.Web.Data;
using FrameworkCompare.Web.Models;
using FrameworkCompare.Web.Search;
using Microsoft.EntityFrameworkCore;

namespace FrameworkCompare.Web.ReadModel;

/// <summary>A loaded snapshot and the files the version rows since the previous one name (none for a node's first).</summary>
public sealed record SnapshotLoad(SiteSnapshot Snapshot, IReadOnlyList<string> Documents);

/// <summary>
/// Reads the database's read model into one <see cref="SiteSnapshot"/>, inside one read transaction so it is one version.
/// The thousands of article headers are taken from the previous snapshot, except those of the files the version rows
/// since then name; everything else is small and read whole. Whenever the rows cannot be trusted to name every change
/// (no previous snapshot, a skipped row, a rebuild, a row that changed articles without naming files) it reads all of it.
/// </summary>
public static class SnapshotLoader
{
    /// <summary>More changed articles than this are read with all the others (one scan beats thousands of lookups).</summary>
    const int MostArticlesLookedUp = 2000;

    /// <param name="buildSearch">Starts building the search index of the new snapshot (with a database context of its own) and returns at once.</param>
    public static async Task<SnapshotLoad> LoadAsync(SiteDb db, SiteSnapshot? previous,
        Func<SiteSnapshot, Task<SearchSnapshot>> buildSearch, int staleAfterMonths, TimeProvider clock, CancellationToken ct)
    {
        var started = Stopwatch.StartNew();
        await db.Database.OpenConnectionAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var version = await db.ReadModelVersions.MaxAsync(v => (long?)v.Id, ct) ?? 0;
        var rows = previous is null || previous.Version >= version ? [] : await db.ReadModelVersions.AsNoTracking()
            .Where(v => v.Id > previous.Version && v.Id <= version).Select(v => new VersionRow(v.Id, v.Reason, v.Tags, v.Documents)).ToListAsync(ct);
        var documents = rows.SelectMany(r => r.Documents).Distinct().ToList();
        var changed = previous is null ? null : ChangedArticles(previous, version, rows, documents);

        var tagVersions = changed is null ? await TagVersionsAsync(db, ct) : NewerTagVersions(previous!, rows);
        var categories = await db.Categories.AsNoTracking().OrderBy(c => c.Order).ToListAsync(ct);
        var attributes = await db.Attributes.AsNoTracking().OrderBy(a => a.Order).ThenBy(a => a.Key).ToListAsync(ct);
        var catalog = new Catalog(categories, attributes);
        var frameworks = await db.Frameworks.AsNoTracking().Include(f => f.Values).Include(f => f.Points).AsSplitQuery().ToListAsync(ct);
        frameworks = [.. frameworks.OrderBy(f => f.Name, StringComparer.Ordinal)];
        foreach (var f in frameworks) f.Points = [.. f.Points.OrderBy(p => p.Order)];
        var faq = (await db.FaqEntries.AsNoTracking().ToListAsync(ct)).OrderBy(q => q.Question, StringComparer.Ordinal).ToList();
        var articles = changed is null ? await ArticleHeadersAsync(db, null, ct) : await ChangedHeadersAsync(db, previous!, changed, ct);
        articles = [.. articles.OrderByDescending(a => a.Published).ThenBy(a => a.Title, StringComparer.Ordinal)];
        var authors = (await db.Authors.AsNoTracking().ToListAsync(ct)).OrderBy(a => a.Name, StringComparer.Ordinal).ToList();
        var retired = await db.RetiredPages.AsNoTracking().ToDictionaryAsync(r => (r.Kind, r.Slug), ct);
        var changes = (await db.FactChanges.Select(c => new { c.FrameworkSlug, c.AttributeKey, c.ChangedAt }).ToListAsync(ct))
            .GroupBy(c => (c.FrameworkSlug, c.AttributeKey))
            .ToDictionary(g => g.Key, g => g.Select(c => c.ChangedAt).Order().ToArray());
        var scoringBytes = await db.ServedScoring.Where(s => s.Id == ServedScoring.OnlyRow).Select(s => s.Bytes).FirstOrDefaultAsync(ct);
        await transaction.CommitAsync(ct);

        var marks = new FactMarks(changes);
        var search = new TaskCompletionSource<SearchSnapshot>(TaskCreationOptions.RunContinuationsAsynchronously);
        var snapshot = new SiteSnapshot
        {
            Version = version,
            TagVersions = tagVersions,
            BuiltAt = clock.GetUtcNow(),
            BuildTime = started.Elapsed,
            Incremental = changed is not null,
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
            Search = search.Task,
            StaleAfterMonths = staleAfterMonths,
            DateSteps = DateSteps(frameworks, catalog, marks, staleAfterMonths),
        };
        // Asked for here, not on another thread: the search indexer takes snapshots in the order they are loaded.
        _ = CompleteAsync(search, buildSearch(snapshot));
        return new SnapshotLoad(snapshot, documents);
    }

    static async Task CompleteAsync(TaskCompletionSource<SearchSnapshot> search, Task<SearchSnapshot> build)
    {
        try { search.SetResult(await build); }
        catch (Exception e) { search.SetException(e); }
    }

    sealed record VersionRow(long Id, string Reason, List<string> Tags, List<string> Documents);

    /// <summary>The article files changed since <paramref name="previous"/>, or null when all the headers must be read.</summary>
    static HashSet<string>? ChangedArticles(SiteSnapshot previous, long version, List<VersionRow> rows, List<string> documents)
    {
        // Each row between the two versions must be there: a skipped one may have changed anything.
        if (rows.Count != version - previous.Version || rows.Any(r => r.Reason == ReadModelVersion.Reasons.Rebuild)) return null;
        if (rows.Any(r => r.Tags.Contains(ContentTags.Articles) && r.Documents.Count == 0)) return null;
        var articles = rows.Where(r => r.Tags.Contains(ContentTags.Articles)).SelectMany(r => r.Documents)
            .Where(d => ContentScanner.KindOf(d) == ContentKind.Article).ToHashSet(StringComparer.Ordinal);
        return articles.Count > MostArticlesLookedUp ? null : articles;
    }

    static async Task<Dictionary<string, long>> TagVersionsAsync(SiteDb db, CancellationToken ct)
    {
        // The change log grows with every import: ask for the newest row per tag, not for every row.
        var tagVersions = new Dictionary<string, long>();
        foreach (var tag in ContentTags.All)
            if (await db.ReadModelVersions.Where(v => v.Tags.Contains(tag)).MaxAsync(v => (long?)v.Id, ct) is { } id) tagVersions[tag] = id;
        return tagVersions;
    }

    static Dictionary<string, long> NewerTagVersions(SiteSnapshot previous, List<VersionRow> rows)
    {
        var tagVersions = new Dictionary<string, long>(previous.TagVersions);
        foreach (var row in rows)
            foreach (var tag in row.Tags.Where(ContentTags.All.Contains))
                tagVersions[tag] = Math.Max(tagVersions.GetValueOrDefault(tag), row.Id);
        return tagVersions;
    }

    /// <summary>The previous snapshot's headers (the same objects, so the search index can tell them unchanged) with the changed files' read again.</summary>
    static async Task<List<Article>> ChangedHeadersAsync(SiteDb db, SiteSnapshot previous, HashSet<string> changed, CancellationToken ct)
    {
        var kept = previous.ArticleHeaders.Where(a => !changed.Contains(a.SourcePath));
        return changed.Count == 0 ? [.. kept] : [.. kept, .. await ArticleHeadersAsync(db, changed, ct)];
    }

    /// <summary>Article headers without their bodies: of the files named, or of every article.</summary>
    static Task<List<Article>> ArticleHeadersAsync(SiteDb db, IReadOnlyCollection<string>? paths, CancellationToken ct) =>
        (paths is null ? db.Articles : db.Articles.Where(a => paths.Contains(a.SourcePath))).Select(a => new Article
        {
            Slug = a.Slug, Title = a.Title, Summary = a.Summary, Author = a.Author, Published = a.Published, Updated = a.Updated,
            Frameworks = a.Frameworks, Tags = a.Tags, ReadingMinutes = a.ReadingMinutes, SourcePath = a.SourcePath, Html = "", Text = "",
        }).ToListAsync(ct);

    static ScoringRules? Scoring(byte[]? bytes, Catalog catalog) =>
        bytes is null ? null : ScoringParser.Parse(ContentSource.FromBytes(ScoringParser.FileName, ContentKind.Scoring, bytes), catalog, []);

    /// <summary>When what a page shows changes with the date alone: a fact turning stale or no longer recently checked, a recent mark appearing or ending.</summary>
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
        // A comparison's freshness line counts the facts checked in the last 12 months.
        foreach (var checkedOn in frameworks.SelectMany(f => f.Values).Select(v => v.Checked).OfType<DateOnly>().Distinct())
            try { steps.Add(Staleness.FirstDayNotRecentlyChecked(checkedOn)); }
            catch (ArgumentOutOfRangeException) { }
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
