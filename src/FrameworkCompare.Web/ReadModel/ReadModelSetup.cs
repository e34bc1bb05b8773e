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

    sealed class RequestSearch(SiteSnapshot snapshot) : ISearchSnapshots
    {
        public async Task<SearchSnapshot?> CurrentAsync(CancellationToken ct) => await snapshot.Search.WaitAsync(ct);
    }
}
