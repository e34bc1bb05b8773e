using System.Text;
using System.Threading.Channels;
using FrameworkCompare.Web.Content;
using FrameworkCompare.Web.Data;
using FrameworkCompare.Web.Models;
using FrameworkCompare.Web.ReadModel;
using Microsoft.EntityFrameworkCore;

namespace FrameworkCompare.Web.Editing;

/// <summary>
/// Gives files changed outside the workspace (by hand, by git pull) a revision, so each file's history is complete:
/// at start-up the files imported since their last revision, then the files each import touched. The start-up pass
/// (and the fact history after it) waits for the first page (<see cref="AfterFirstPage"/>): it must not hold it up.
/// </summary>
public sealed class OutsideChanges(
    ContentWriter writer, FactHistoryBuilder history, IServiceScopeFactory scopes, TimeProvider clock,
    AfterFirstPage afterFirstPage, ILogger<OutsideChanges> log)
    : BackgroundService, ISnapshotSubscriber
{
    readonly Channel<IReadOnlyCollection<string>?> pending = Channel.CreateUnbounded<IReadOnlyCollection<string>?>();

    /// <summary>The node's first snapshot checks every file; each later version, the files it names.</summary>
    public ValueTask ApplyAsync(SnapshotChange change, CancellationToken ct)
    {
        if (change.Previous is null) pending.Writer.TryWrite(null);
        else if (change.Documents.Count > 0) pending.Writer.TryWrite(change.Documents);
        return ValueTask.CompletedTask;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await afterFirstPage.WaitAsync(stoppingToken);
        await foreach (var paths in pending.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                await writer.ExclusiveAsync(() => RecordAsync(paths, stoppingToken), stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogError(e, "Could not record changes made outside the workspace");
            }
            try
            {
                // After the revisions, outside the writer's lock: reading git history must not hold up a publish.
                await history.UpdateAsync(paths, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogError(e, "Could not update the facts' history");
            }
        }
    }

    sealed record LatestRevision(string Path, string? Hash, DateTimeOffset At, RevisionKind Kind);

    /// <summary>
    /// The files the start-up pass reads: those an import recorded at or after their latest revision (changed while the
    /// site was down, or imported just before it stopped), those with no revision yet, and those whose latest revision
    /// is no deletion but that no import records any more (deleted while the site was down). A restart with nothing
    /// changed reads none of them; imports and revisions take their times from the same clock.
    /// </summary>
    static async Task<List<string>> ImportedSinceRecordedAsync(SiteDb db, Dictionary<string, LatestRevision> latest, CancellationToken ct)
    {
        var imported = await db.ContentFiles.Select(f => new { f.Path, f.SeenAt }).ToListAsync(ct);
        var present = imported.Select(f => f.Path).ToHashSet();
        return [.. imported.Where(f => !latest.TryGetValue(f.Path, out var revision) || f.SeenAt >= revision.At).Select(f => f.Path)
                .Where(p => ContentScanner.KindOf(p) is not null),
            .. latest.Values.Where(r => r.Kind != RevisionKind.Deleted && !present.Contains(r.Path)).Select(r => r.Path)];
    }

    static async Task SaveAsync(SiteDb db, CancellationToken ct)
    {
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
    }

    /// <summary>Records a revision for each path whose file differs from its latest revision; null means the start-up pass.</summary>
    public async Task RecordAsync(IReadOnlyCollection<string>? paths, CancellationToken ct)
    {
        var root = writer.Root;
        if (!Directory.Exists(root)) return;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SiteDb>();
        // After start-up each version names a few files: their latest revisions, not those of all ten thousand.
        var revisions = await (paths is null ? db.Revisions : db.Revisions.Where(r => paths.Contains(r.Path)))
            .Where(r => r.Id == db.Revisions.Where(x => x.Path == r.Path).Max(x => x.Id))
            .Select(r => new LatestRevision(r.Path, r.Hash, r.At, r.Kind))
            .ToDictionaryAsync(r => r.Path, ct);
        var latest = revisions.ToDictionary(r => r.Key, r => r.Value.Hash);
        var candidates = paths ?? await ImportedSinceRecordedAsync(db, revisions, ct);
        var now = clock.GetUtcNow();
        var pendingRows = 0;
        foreach (var path in candidates.Distinct())
        {
            byte[]? bytes;
            try { bytes = await ContentFiles.ReadAllBytesAsync(root, path, ct); }
            // A refused file keeps its history as it was: it is listed at /content-status, not recorded as deleted.
            catch (ContentFileRefusedException) { continue; }
            var hash = bytes is null ? null : ContentPath.Hash(bytes);
            var known = latest.TryGetValue(path, out var latestHash);
            if ((known && latestHash == hash) || (!known && bytes is null)) continue;
            db.Revisions.Add(new Revision
            {
                Path = path, Text = bytes is null ? null : Encoding.UTF8.GetString(bytes), Hash = hash, BaseHash = latestHash,
                Kind = bytes is null ? RevisionKind.Deleted : known ? RevisionKind.Outside : RevisionKind.FirstSeen,
                Author = Revision.OutsideAuthor, At = now,
                Message = known ? null : "First version the site saw",
            });
            // A first start over thousands of files: write in batches so their texts are not all held at once.
            if (++pendingRows % 500 == 0) await SaveAsync(db, ct);
        }
        await SaveAsync(db, ct);
    }
}
