namespace FrameworkCompare.Web.Search;

public static class SearchSetup
{
    /// <summary>The in-memory engine over the read model's search snapshot (built beside each snapshot by the read model's SearchIndexer).</summary>
    public static void AddSiteSearch(this IServiceCollection services)
    {
        services.AddSingleton(_ => SearchVocabulary.Shipped());
        services.AddScoped<ISearchEngine, MemorySearchEngine>();
    }
}
