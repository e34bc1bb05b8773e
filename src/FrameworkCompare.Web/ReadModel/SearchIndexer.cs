using FrameworkCompare.Web.Search;

namespace FrameworkCompare.Web.ReadModel;

/// <summary>
/// Builds each read-model snapshot's search index, one build at a time, from the last index built plus the change.
/// A snapshot that arrives while a build runs waits its turn; when a newer one arrives before that turn, only the newest
/// is built and the superseded snapshot's searches get its index (they would have waited for it anyway).
/// </summary>
public sealed class SearchIndexer(Func<SiteSnapshot, SearchSnapshot?, Task<SearchSnapshot>> build, ILogger<SearchIndexer> log)
{
    readonly Lock sync = new();
    (SiteSnapshot Site, TaskCompletionSource<SearchSnapshot> Done)? waiting;
    bool running;
    SearchSnapshot? last;
    int built, skipped;

    /// <summary>Indexes built, and snapshots whose build was skipped for a newer one: what tests count.</summary>
    public (int Built, int Skipped) Counts
    {
        get { lock (sync) return (built, skipped); }
    }

    /// <summary>The index of <paramref name="site"/>, or of a newer snapshot that superseded it. Returns at once; call in version order.</summary>
    public Task<SearchSnapshot> IndexAsync(SiteSnapshot site)
    {
        lock (sync)
        {
            if (waiting is { } superseded)
            {
                skipped++;
                waiting = (site, superseded.Done);
                return superseded.Done.Task;
            }
            var done = new TaskCompletionSource<SearchSnapshot>(TaskCreationOptions.RunContinuationsAsynchronously);
            waiting = (site, done);
            if (!running)
            {
                running = true;
                _ = Task.Run(RunAsync);
            }
            return done.Task;
        }
    }

    async Task RunAsync()
    {
        while (true)
        {
            (SiteSnapshot Site, TaskCompletionSource<SearchSnapshot> Done) next;
            lock (sync)
            {
                if (waiting is not { } w)
                {
                    running = false;
                    return;
                }
                (next, waiting) = (w, null);
            }
            try
            {
                var index = await build(next.Site, last);
                lock (sync) (last, built) = (index, built + 1);
                next.Done.SetResult(index);
            }
            catch (Exception e) when (last is not null)
            {
                // Keep answering from the last good index rather than not at all.
                log.LogError(e, "Building the search index of version {Version} failed; searches use the previous one", next.Site.Version);
                next.Done.SetResult(last);
            }
            catch (Exception e)
            {
                next.Done.SetException(e);
            }
        }
    }
}
