using System.Text.Json.Nodes;
using FrameworkCompare.Web.Outbound;
using Microsoft.Extensions.Options;

namespace FrameworkCompare.Web.Registries;

/// <summary>Hex's package API: latest_stable_version, dated by that release's inserted_at.</summary>
public sealed class HexRegistry(OutboundClient outbound, IOptions<RegistryOptions> options) : JsonRegistry(outbound, options)
{
    public override string Name => "hex";

    public override async Task<PackageRelease?> LatestStableAsync(string package, CancellationToken ct)
    {
        var doc = await GetJsonAsync(RegistryUrl.Build(Settings.Hex, "api", "packages", package), ct);
        if (doc?["latest_stable_version"]?.GetValue<string>() is not { } version) return null;
        var release = (doc["releases"] as JsonArray ?? []).FirstOrDefault(r => r?["version"]?.GetValue<string>() == version);
        return new PackageRelease(version, Date(release?["inserted_at"]), $"https://hex.pm/packages/{package}/{version}");
    }
}
