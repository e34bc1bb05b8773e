using FrameworkCompare.Web.Content;
using FrameworkCompare.Web.Data;
using FrameworkCompare.Web.Search;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace FrameworkCompare.Web.ReadModel;

/// <summary>
/// The one component per node that applies a new version of the read model: it loads the snapshot, swaps it in,
/// and hands the change to every <see cref="ISnapshotSubscriber"/> (the output cache's eviction by tag among them).
/// Woken in process by <see cref="IChangeNotifier"/>; the several-nodes version wakes it from the database too.
/// </summary>
public sealed class ChangeListener(
    IServiceScopeFactory scopes, IServiceProvider services, CurrentSnapshot current, AfterFirstPage afterFirstPage,
    SearchVocabulary vocabulary, IOptions<ContentOptions> options, TimeProvider clock, ILogger<ChangeListener> log) : IChangeNotifier
{
    readonly SemaphoreSlim applying = new(1, 1);

    public async Task VersionWrittenAsync(long version, CancellationToken ct)
    {
        if (current.OrNull?.Version >= version) return;
        await ApplyNewestAsync(ct);
    }

    /// <summary>The search index, from the database as it is now: usually the same version, at worst the next one.</summary>
    async Task<SearchSnapshot> BuildSearchAsync(Task<SearchSnapshot>? previous)
    {
        try
        {
            // The node's first index waits for the first page (a search releases it).
            if (previous is null) await afterFirstPage.WaitAsync(CancellationToken.None);
            var started = System.Diagnostics.Stopwatch.StartNew();
            await using var scope = scopes.CreateAsyncScope();
            var search = await Search.SnapshotLoader.LoadAsync(scope.ServiceProvider.GetRequiredService<SiteDb>(), vocabulary, CancellationToken.None);
            log.LogInformation("Search index built: {Documents} documents, {Terms} terms in {Ms} ms", search.Documents.Count, search.Index.Ids.Count, started.ElapsedMilliseconds);
            return search;
        }
        catch (Exception e) when (previous is not null)
        {
            // Keep answering from the last good index rather than not at all.
            log.LogError(e, "Building the search index failed; searches use the previous one");
            return await previous;
        }
    }

    /// <summary>Loads the newest version from the database and serves it; returns what is served afterwards.</summary>
    public async Task<SiteSnapshot> ApplyNewestAsync(CancellationToken ct)
    {
        await applying.WaitAsync(ct);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<SiteDb>();
            var previous = current.OrNull;
            var snapshot = await SnapshotLoader.LoadAsync(db, () => BuildSearchAsync(previous?.Search), options.Value.StaleAfterMonths, clock, ct);
            StartupMarks.Mark("snapshot: loader done");
            var documents = await db.ReadModelVersions.Where(v => v.Id > (previous == null ? 0 : previous.Version) && v.Id <= snapshot.Version)
                .Select(v => v.Documents).ToListAsync(ct);
            var changed = previous is null
                ? ContentTags.All.ToHashSet()
                : ContentTags.All.Where(t => previous.TagVersions.GetValueOrDefault(t) != snapshot.TagVersions.GetValueOrDefault(t)).ToHashSet();
            current.Swap(snapshot);
            log.LogInformation("Serving read-model version {Version} (changed: {Tags}) built in {Ms} ms",
                snapshot.Version, string.Join(", ", changed), (int)snapshot.BuildTime.TotalMilliseconds);
            var change = new SnapshotChange(previous, snapshot, changed, [.. documents.SelectMany(d => d).Distinct()]);
            // Resolved here, not injected: subscribers may themselves write versions through this listener.
            foreach (var subscriber in services.GetServices<ISnapshotSubscriber>())
            {
                try
                {
                    await subscriber.ApplyAsync(change, ct);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    log.LogError(e, "{Subscriber} could not apply version {Version}", subscriber.GetType().Name, snapshot.Version);
                }
            }
            StartupMarks.Mark("snapshot: subscribers applied");
            return snapshot;
        }
        finally
        {
            applying.Release();
        }
    }
}
