using System.Text.Json.Nodes;
using FrameworkCompare.Web.Outbound;
using Microsoft.Extensions.Options;

namespace FrameworkCompare.Web.Registries;

/// <summary>crates.io's crate API: max_stable_version, dated by that version's created_at.</summary>
public sealed class CratesRegistry(OutboundClient outbound, IOptions<RegistryOptions> options) : JsonRegistry(outbound, options)
{
    public override string Name => "crates";

    public override async Task<PackageRelease?> LatestStableAsync(string package, CancellationToken ct)
    {
        var doc = await GetJsonAsync(RegistryUrl.Build(Settings.Crates, "api", "v1", "crates", package), ct);
        if (doc?["crate"]?["max_stable_version"]?.GetValue<string>() is not { } version) return null;
        var release = (doc["versions"] as JsonArray ?? []).FirstOrDefault(v => v?["num"]?.GetValue<string>() == version);
        return new PackageRelease(version, Date(release?["created_at"]), $"https://crates.io/crates/{package}/{version}");
    }
}
