using FrameworkCompare.Web.Data;

namespace FrameworkCompare.Web.Search;

/// <summary>
/// The in-memory index of the read model, built at start-up and again after every import; a search waits for
/// a build still under way, so a page found after an import is never missing from search.
/// </summary>
public sealed class MemorySearchIndex(IServiceScopeFactory scopes, SearchVocabulary vocabulary, ILogger<MemorySearchIndex> log)
{
    readonly SemaphoreSlim building = new(1, 1);
    Task<SearchSnapshot?> current = Task.FromResult<SearchSnapshot?>(null);

    /// <summary>Starts a build from the database as it is now; searches from now on see its result.</summary>
    public void Rebuild() => current = BuildAsync(current);

    /// <summary>The newest snapshot, once built; null when none could be built yet.</summary>
    public Task<SearchSnapshot?> CurrentAsync(CancellationToken ct) => current.WaitAsync(ct);

    async Task<SearchSnapshot?> BuildAsync(Task<SearchSnapshot?> previous)
    {
        await building.WaitAsync();
        try
        {
            var started = System.Diagnostics.Stopwatch.StartNew();
            await using var scope = scopes.CreateAsyncScope();
            var snapshot = await SnapshotLoader.LoadAsync(scope.ServiceProvider.GetRequiredService<SiteDb>(), vocabulary, CancellationToken.None);
            log.LogInformation("Search index built: {Documents} documents, {Terms} terms in {Ms} ms", snapshot.Documents.Count, snapshot.Index.Ids.Count, started.ElapsedMilliseconds);
            return snapshot;
        }
        catch (Exception e)
        {
            // Keep answering from the last good index rather than not at all.
            log.LogError(e, "Building the search index failed");
            return await previous;
        }
        finally
        {
            building.Release();
        }
    }
}
