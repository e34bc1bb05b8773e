using System.Text.Json.Nodes;
using FrameworkCompare.Web.Outbound;
using Microsoft.Extensions.Options;

namespace FrameworkCompare.Web.Registries;

/// <summary>RubyGems' version list: the highest version not marked pre-release, dated by its creation.</summary>
public sealed class RubyGemsRegistry(OutboundClient outbound, IOptions<RegistryOptions> options) : JsonRegistry(outbound, options)
{
    public override string Name => "rubygems";

    public override async Task<PackageRelease?> LatestStableAsync(string package, CancellationToken ct)
    {
        var doc = await GetJsonAsync(RegistryUrl.Build(Settings.RubyGems, "api", "v1", "versions", package + ".json"), ct);
        var stable = (doc as JsonArray ?? []).OfType<JsonObject>().Where(v => v["prerelease"]?.GetValue<bool>() != true && v["platform"]?.GetValue<string>() is null or "ruby");
        var newest = VersionOrder.Newest(stable, v => VersionOrder.Stable(v["number"]?.GetValue<string>() ?? ""));
        if (newest is null) return null;
        var version = newest["number"]!.GetValue<string>();
        return new PackageRelease(version, Date(newest["created_at"]), $"https://rubygems.org/gems/{package}/versions/{version}");
    }
}
