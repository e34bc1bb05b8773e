using System.Text.Json.Nodes;
using FrameworkCompare.Web.Outbound;
using Microsoft.Extensions.Options;

namespace FrameworkCompare.Web.Registries;

/// <summary>PyPI's JSON API: the newest release by PEP 440 that is neither a pre-release nor yanked, dated by its first upload.</summary>
public sealed class PyPiRegistry(OutboundClient outbound, IOptions<RegistryOptions> options) : JsonRegistry(outbound, options)
{
    public override string Name => "pypi";

    public override async Task<PackageRelease?> LatestStableAsync(string package, CancellationToken ct)
    {
        var doc = await GetJsonAsync(RegistryUrl.Build(Settings.PyPI, "pypi", package, "json"), ct);
        if (doc?["releases"] is not JsonObject releases) return null;
        var live = releases.Where(r => r.Value is JsonArray files && files.Count > 0 && files.Any(f => f?["yanked"]?.GetValue<bool>() != true));
        var newest = VersionOrder.Newest(live.Select(r => new { r.Key, Files = (JsonArray)r.Value! }), r => VersionOrder.Pep440Stable(r.Key));
        if (newest is null) return null;
        var released = newest.Files.Select(f => Date(f?["upload_time_iso_8601"] ?? f?["upload_time"])).Where(d => d is not null).Min();
        return new PackageRelease(newest.Key, released, $"https://pypi.org/project/{package}/{newest.Key}/");
    }
}
