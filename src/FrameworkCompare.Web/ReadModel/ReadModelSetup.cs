using FrameworkCompare.Web.Data;
using FrameworkCompare.Web.Search;

namespace FrameworkCompare.Web.ReadModel;

public static class ReadModelSetup
{
    public static void AddReadModel(this IServiceCollection services)
    {
        services.AddOptions<ReadModelOptions>().BindConfiguration(ReadModelOptions.Section);
        services.AddHttpContextAccessor();
        services.AddSingleton<CurrentSnapshot>();
        services.AddSingleton<AfterFirstPage>();
        // One snapshot per request: every builder of a page reads the same version.
        services.AddScoped<RequestSnapshot>();
        services.AddScoped(provider => provider.GetRequiredService<RequestSnapshot>().Value);
        services.AddScoped<ISearchSnapshots, RequestSearch>();
        services.AddSingleton(provider =>
        {
            var scopes = provider.GetRequiredService<IServiceScopeFactory>();
            var vocabulary = provider.GetRequiredService<SearchVocabulary>();
            var log = provider.GetRequiredService<ILogger<SearchIndexer>>();
            var afterFirstPage = provider.GetRequiredService<AfterFirstPage>();
            return new SearchIndexer(async (site, previous) =>
            {
                // The node's first index waits for the first page (a search releases it).
                if (previous is null) await afterFirstPage.WaitAsync(CancellationToken.None);
                var started = System.Diagnostics.Stopwatch.StartNew();
                await using var scope = scopes.CreateAsyncScope();
                var search = await SearchSnapshotBuilder.BuildAsync(scope.ServiceProvider.GetRequiredService<SiteDb>(), site, previous, vocabulary, CancellationToken.None);
                log.LogInformation("Search index of version {Version} built: {Documents} documents ({Read} article bodies read), {Terms} terms in {Ms} ms",
                    site.Version, search.Documents.Count, search.ArticlesRead, search.Index.Ids.Count, started.ElapsedMilliseconds);
                return search;
            }, log);
        });
        services.AddSingleton<ChangeListener>();
        services.AddSingleton<IChangeNotifier>(provider => provider.GetRequiredService<ChangeListener>());
        services.AddSingleton<ReadModelStartup>();
        services.AddHostedService(provider => provider.GetRequiredService<ReadModelStartup>());
    }

    /// <summary>Registers a cache or index that keeps data derived from the read model, so every new version reaches it.</summary>
    public static void AddSnapshotSubscriber<T>(this IServiceCollection services) where T : class, ISnapshotSubscriber
    {
        services.AddSingleton<T>();
        services.AddSingleton<ISnapshotSubscriber>(provider => provider.GetRequiredService<T>());
    }

    sealed class RequestSearch(SiteSnapshot snapshot, AfterFirstPage afterFirstPage) : ISearchSnapshots
    {
        public async Task<SearchSnapshot?> CurrentAsync(CancellationToken ct)
        {
            // The first snapshot's index waits for the first page; a search may be that page.
            afterFirstPage.Release();
            return await snapshot.Search.WaitAsync(ct);
        }
    }
}
