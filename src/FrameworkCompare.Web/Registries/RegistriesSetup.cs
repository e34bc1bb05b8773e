using FrameworkCompare.Web.Outbound;

namespace FrameworkCompare.Web.Registries;

public static class RegistriesSetup
{
    public static void AddRegistries(this IServiceCollection services)
    {
        services.AddOptions<RegistryOptions>().BindConfiguration(RegistryOptions.Section);
        services.AddOutbound();
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
