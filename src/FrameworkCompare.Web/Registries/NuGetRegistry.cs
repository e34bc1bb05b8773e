using System.Text.Json.Nodes;
using FrameworkCompare.Web.Outbound;
using Microsoft.Extensions.Options;

namespace FrameworkCompare.Web.Registries;

/// <summary>NuGet's flat container for the version list (highest without a pre-release label), and the registration leaf for its date.</summary>
public sealed class NuGetRegistry(OutboundClient outbound, IOptions<RegistryOptions> options) : JsonRegistry(outbound, options)
{
    public override string Name => "nuget";

    public override async Task<PackageRelease?> LatestStableAsync(string package, CancellationToken ct)
    {
        var id = package.ToLowerInvariant();
        var index = await GetJsonAsync(RegistryUrl.Build(Settings.NuGet, "v3-flatcontainer", id, "index.json"), ct);
        var versions = (index?["versions"] as JsonArray ?? []).Select(v => v?.GetValue<string>()).OfType<string>();
        var version = VersionOrder.Newest(versions, v => VersionOrder.Stable(v.Split('+')[0]));
        if (version is null) return null;
        var leaf = await GetJsonAsync(RegistryUrl.Build(Settings.NuGet, "v3", "registration5-semver1", id, version.ToLowerInvariant() + ".json"), ct);
        return new PackageRelease(version, Date(leaf?["published"]), $"https://www.nuget.org/packages/{package}/{version}");
    }
}
