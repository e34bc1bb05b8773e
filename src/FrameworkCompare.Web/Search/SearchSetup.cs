using FrameworkCompare.Web.Content;

namespace FrameworkCompare.Web.Search;

public static class SearchSetup
{
    /// <summary>The in-memory engine, built once the start-up import is done and again after every import. Register after the content services.</summary>
    public static void AddSiteSearch(this IServiceCollection services)
    {
        services.AddSingleton(_ => SearchVocabulary.Shipped());
        services.AddSingleton<MemorySearchIndex>();
        services.AddScoped<ISearchEngine, MemorySearchEngine>();
        services.AddHostedService<RebuildOnImport>();
    }

    sealed class RebuildOnImport(ContentImporter importer, MemorySearchIndex engine) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            importer.Imported += Rebuild;
            // Not awaited: the site answers other pages while the index builds; searches wait for it.
            engine.Rebuild();
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken)
        {
            importer.Imported -= Rebuild;
            return Task.CompletedTask;
        }

        void Rebuild(ImportPlan plan) => engine.Rebuild();
    }
}
