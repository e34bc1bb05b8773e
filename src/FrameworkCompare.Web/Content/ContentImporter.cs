using System.Diagnostics;
using FrameworkCompare.Web.Data;
using FrameworkCompare.Web.Models;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace FrameworkCompare.Web.Content;

public sealed record ImportResult(int Imported, int Failed, int Removed, IReadOnlyList<ContentProblem> Problems)
{
    public static readonly ImportResult Unchanged = new(0, 0, 0, []);
}

/// <summary>Brings the SQLite read model up to date with the content folder, one transaction per import.</summary>
public sealed class ContentImporter(
    IServiceScopeFactory scopes, ContentPlanner planner, IOptions<ContentOptions> options,
    IChangeNotifier notifier, ContentReadCounter reads, TimeProvider clock, ILogger<ContentImporter> log)
{
    const int LargeImport = 1000;
    readonly SemaphoreSlim gate = new(1, 1);

    public Task<ImportResult> ImportAsync(CancellationToken cancellationToken = default) => ImportAsync(null, cancellationToken);

    /// <summary>
    /// Imports what a change of <paramref name="paths"/> (a publish, a save seen by the watcher) changed. Articles, FAQ
    /// answers and author pages are imported alone (see <see cref="OneFileChange"/>): their records are read and their
    /// files opened, not the thousands of others. Other files can change how the rest is parsed: the whole folder is imported.
    /// </summary>
    public Task<ImportResult> ImportFilesAsync(IReadOnlyCollection<string> paths, CancellationToken cancellationToken = default) =>
        ImportAsync(OneFileChange.Applies(paths) ? paths : null, cancellationToken);

    async Task<ImportResult> ImportAsync(IReadOnlyCollection<string>? onlyPaths, CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            var started = Stopwatch.StartNew();
            var startedAt = clock.GetUtcNow();
            var root = options.Value.FullPath;
            if (!Directory.Exists(root))
            {
                log.LogError("Content folder {Root} does not exist; set Content:Path", root);
                return ImportResult.Unchanged;
            }
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<SiteDb>();
            var (state, scan, plan) = onlyPaths is null ? await PlanAllAsync(db, root, cancellationToken) : await PlanFilesAsync(db, root, onlyPaths, cancellationToken);
            reads.Read(state.Files.Count, scan.Opened);
            if (plan.IsEmpty)
            {
                await ContentFileMetadata.WriteAsync(db, plan.Metadata, cancellationToken);
                return ImportResult.Unchanged;
            }

            var failed = plan.Records.Count(r => r.ServedHash != r.Hash);
            var version = await ApplyAsync(db, plan, state, startedAt, (int)started.ElapsedMilliseconds, failed, cancellationToken);
            StartupMarks.Mark("import: written");
            foreach (var problem in plan.Problems) log.LogWarning("Content problem: {Problem}", problem);
            log.LogInformation("Imported {Count} content files ({Failed} failed, {Removed} removed) in {Ms} ms",
                plan.Records.Count - failed, failed, plan.Removed.Count, started.ElapsedMilliseconds);
            // Returns once this node serves the import, so the caller (a publish, a test) sees its pages.
            await notifier.VersionWrittenAsync(version, cancellationToken);
            return new ImportResult(plan.Records.Count - failed, failed, plan.Removed.Count, plan.Problems);
        }
        finally
        {
            gate.Release();
        }
    }

    async Task<(ContentState, ScanResult, ImportPlan)> PlanAllAsync(SiteDb db, string root, CancellationToken ct)
    {
        var state = await LoadStateAsync(db, ct);
        StartupMarks.Mark("import: state loaded");
        var scan = ContentScanner.Scan(root, log, state.Files);
        StartupMarks.Mark("import: scanned");
        var plan = planner.Plan(scan, state);
        StartupMarks.Mark("import: planned");
        return (state, scan, plan);
    }

    async Task<(ContentState, ScanResult, ImportPlan)> PlanFilesAsync(SiteDb db, string root, IReadOnlyCollection<string> paths, CancellationToken ct)
    {
        var state = await OneFileChange.LoadStateAsync(db, paths, ct);
        var scan = ContentScanner.ScanFiles(root, paths, state.Files, log);
        var (plan, planned) = await OneFileChange.PlanAsync(db, planner, scan, state, ct);
        return (planned, scan, plan);
    }

    /// <summary>What the database holds of the content folder: what an import or a publish check compares files with.</summary>
    public static async Task<ContentState> LoadStateAsync(SiteDb db, CancellationToken ct)
    {
        var files = await db.ContentFiles.AsNoTracking().ToDictionaryAsync(f => f.Path, ct);
        var (catalog, authors) = await LoadServedAsync(db, ct);
        // A database from before scoring rules were kept in it: good rules are served but not stored. Parse them again.
        if (files.TryGetValue(ScoringParser.FileName, out var scoring) && scoring.ServedHash is not null && !await db.ServedScoring.AnyAsync(ct))
            scoring.Hash = "";
        return new ContentState(files, catalog, authors);
    }

    /// <summary>The catalog in use (null before the first good one) and the authors served: what files are parsed against.</summary>
    public static async Task<(Catalog? Catalog, List<ServedAuthor> Authors)> LoadServedAsync(SiteDb db, CancellationToken ct)
    {
        var categories = await db.Categories.AsNoTracking().ToListAsync(ct);
        var attributes = await db.Attributes.AsNoTracking().ToListAsync(ct);
        var authors = await db.Authors.Select(a => new ServedAuthor(a.SourcePath, a.Slug, a.Name)).ToListAsync(ct);
        return (attributes.Count == 0 ? null : new Catalog(categories, attributes), authors);
    }

    async Task<long> ApplyAsync(SiteDb db, ImportPlan plan, ContentState previous, DateTimeOffset startedAt, int planMs, int failed, CancellationToken ct)
    {
        // synchronous stays FULL: the import is one commit (one fsync), and the same database holds durable tables.
        log.LogInformation("Writing {Count} changed content files in one transaction", plan.Records.Count + plan.Removed.Count);
        await db.Database.OpenConnectionAsync(ct);
        // A big import's pages fit in the cache until the commit instead of spilling to the WAL and being written again.
        var bigCache = plan.Records.Count >= LargeImport;
        if (bigCache) await db.Database.ExecuteSqlRawAsync("PRAGMA cache_size = -131072;", ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (plan.Catalog is { } catalog)
        {
            await db.Attributes.ExecuteDeleteAsync(ct);
            await db.Categories.ExecuteDeleteAsync(ct);
            db.Categories.AddRange(catalog.Categories);
            db.Attributes.AddRange(catalog.Attributes);
        }
        // Only files recorded before can have rows to replace. With no records at all (a first import, or the
        // records deleted), no row is accounted for: empty the tables instead of looking up thousands of paths.
        var replaced = plan.ReplacedPaths.Where(previous.Files.ContainsKey).ToList();
        var recorded = plan.Records.Select(r => r.Path).Concat(plan.Removed).Where(previous.Files.ContainsKey).ToList();
        var fresh = plan.WholeFolder && previous.Files.Count == 0;
        await db.Frameworks.Where(f => fresh || replaced.Contains(f.SourcePath)).ExecuteDeleteAsync(ct);
        await db.Articles.Where(a => fresh || replaced.Contains(a.SourcePath)).ExecuteDeleteAsync(ct);
        await db.FaqEntries.Where(f => fresh || replaced.Contains(f.SourcePath)).ExecuteDeleteAsync(ct);
        await db.Authors.Where(a => fresh || replaced.Contains(a.SourcePath)).ExecuteDeleteAsync(ct);
        await db.ContentFiles.Where(f => fresh || recorded.Contains(f.Path)).ExecuteDeleteAsync(ct);

        db.Frameworks.AddRange(plan.Frameworks);
        db.Authors.AddRange(plan.Authors);
        db.ImportRuns.Add(new ImportRun
        {
            StartedAt = startedAt, DurationMs = planMs,
            FilesImported = plan.Records.Count - failed, FilesFailed = failed, FilesRemoved = plan.Removed.Count,
        });
        await db.SaveChangesAsync(ct);
        // Articles, FAQ answers and file records are the thousands of rows: written without change tracking.
        StartupMarks.Mark("import: catalog, frameworks and authors saved");
        await BulkInsert.InsertAsync(db, plan.Articles, ct);
        await BulkInsert.InsertAsync(db, plan.Faqs, ct);
        await BulkInsert.InsertAsync(db, plan.Records, ct);
        await ContentFileMetadata.WriteAsync(db, plan.Metadata, ct);
        StartupMarks.Mark("import: articles, FAQ and file records inserted");
        await Retirements.ApplyAsync(db, plan, previous, startedAt, ct);
        await KeepScoringAsync(db, plan, ct);
        var version = ChangeLog.Append(db, Models.ReadModelVersion.Reasons.Import, ContentTags.ChangedBy(plan), [.. plan.Records.Select(r => r.Path), .. plan.Removed], startedAt);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        StartupMarks.Mark("import: committed");
        // The pooled connection would keep 128 MB of pages: back to SQLite's default cache, which frees them.
        if (bigCache) await db.Database.ExecuteSqlRawAsync("PRAGMA cache_size = -2000;", ct);
        db.ChangeTracker.Clear();
        // A big import leaves a WAL as large as the data; opening the database after a crash would replay all of it.
        if (plan.Records.Count >= LargeImport) await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE);", ct);
        return version.Id;
    }

    /// <summary>Good new rules replace the served ones; rules with errors leave the last good ones served; no file, no rules.</summary>
    static async Task KeepScoringAsync(SiteDb db, ImportPlan plan, CancellationToken ct)
    {
        if (plan.Removed.Contains(ScoringParser.FileName))
            await db.ServedScoring.ExecuteDeleteAsync(ct);
        else if (plan.Scoring is not null && plan.ScoringBytes is { } bytes)
        {
            await db.ServedScoring.ExecuteDeleteAsync(ct);
            db.ServedScoring.Add(new ServedScoring { Bytes = bytes });
        }
    }
}
