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
    IServiceScopeFactory scopes, IServiceProvider services, CurrentSnapshot current,
    SearchIndexer search, IOptions<ContentOptions> options, TimeProvider clock, ILogger<ChangeListener> log) : IChangeNotifier
{
    readonly SemaphoreSlim applying = new(1, 1);

    public async Task VersionWrittenAsync(long version, CancellationToken ct)
    {
        if (current.OrNull?.Version >= version) return;
        await ApplyNewestAsync(ct);
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
            var (snapshot, documents) = await SnapshotLoader.LoadAsync(db, previous, search.IndexAsync, options.Value.StaleAfterMonths, clock, ct);
            StartupMarks.Mark("snapshot: loader done");
            var changed = previous is null
                ? ContentTags.All.ToHashSet()
                : ContentTags.All.Where(t => previous.TagVersions.GetValueOrDefault(t) != snapshot.TagVersions.GetValueOrDefault(t)).ToHashSet();
            current.Swap(snapshot);
            log.LogInformation("Serving read-model version {Version} (changed: {Tags}) built {How} in {Ms} ms",
                snapshot.Version, string.Join(", ", changed), snapshot.Incremental ? "from the previous one" : "whole", (int)snapshot.BuildTime.TotalMilliseconds);
            var change = new SnapshotChange(previous, snapshot, changed, documents);
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
            return snapshot;
        }
        finally
        {
            applying.Release();
        }
    }
}
