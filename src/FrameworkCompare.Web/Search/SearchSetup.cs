using FrameworkCompare.Web.Data;

namespace FrameworkCompare.Web.Search;

public static class SearchSetup
{
    /// <summary>The in-memory engine over the read model's search snapshot (built beside each snapshot).</summary>
    public static void AddSiteSearch(this IServiceCollection services)
    {
        services.AddSingleton(_ => SearchVocabulary.Shipped());
        services.AddSingleton(provider =>
        {
            var scopes = provider.GetRequiredService<IServiceScopeFactory>();
            var vocabulary = provider.GetRequiredService<SearchVocabulary>();
            var log = provider.GetRequiredService<ILogger<SearchIndexer>>();
            return new SearchIndexer(async (site, previous) =>
            {
                var started = System.Diagnostics.Stopwatch.StartNew();
                await using var scope = scopes.CreateAsyncScope();
                var search = await SearchSnapshotBuilder.BuildAsync(scope.ServiceProvider.GetRequiredService<SiteDb>(), site, previous, vocabulary, CancellationToken.None);
                log.LogInformation("Search index of version {Version} built: {Documents} documents ({Read} article bodies read), {Terms} terms in {Ms} ms",
                    site.Version, search.Documents.Count, search.ArticlesRead, search.Index.Ids.Count, started.ElapsedMilliseconds);
                return search;
            }, log);
        });
        services.AddScoped<ISearchEngine, MemorySearchEngine>();
    }
}
