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
