using Microsoft.Extensions.Options;

namespace FrameworkCompare.Web.Registries;

public static class RegistriesSetup
{
    public static void AddRegistries(this IServiceCollection services)
    {
        services.AddOptions<RegistryOptions>().BindConfiguration(RegistryOptions.Section);
        // crates.io refuses requests without a User-Agent; every registry is told who is asking.
        services.AddHttpClient(RegistryOptions.ClientName, (provider, client) =>
        {
            client.DefaultRequestHeaders.UserAgent.ParseAdd(provider.GetRequiredService<IOptions<RegistryOptions>>().Value.UserAgent);
            client.Timeout = TimeSpan.FromSeconds(30);
        });
        services.AddSingleton<IPackageRegistry, PyPiRegistry>();
        services.AddSingleton<IPackageRegistry, NpmRegistry>();
        services.AddSingleton<IPackageRegistry, RubyGemsRegistry>();
        services.AddSingleton<IPackageRegistry, PackagistRegistry>();
        services.AddSingleton<IPackageRegistry, MavenRegistry>();
        services.AddSingleton<IPackageRegistry, HexRegistry>();
        services.AddSingleton<IPackageRegistry, CratesRegistry>();
        services.AddSingleton<IPackageRegistry, GoRegistry>();
        services.AddSingleton<IPackageRegistry, NuGetRegistry>();
    }
}
