using System.Text.Json.Nodes;
using FrameworkCompare.Web.Outbound;
using Microsoft.Extensions.Options;

namespace FrameworkCompare.Web.Registries;

/// <summary>The npm registry's package document: the dist-tag "latest", dated by its time entry.</summary>
public sealed class NpmRegistry(OutboundClient outbound, IOptions<RegistryOptions> options) : JsonRegistry(outbound, options)
{
    public override string Name => "npm";

    public override async Task<PackageRelease?> LatestStableAsync(string package, CancellationToken ct)
    {
        // One segment, so a scoped name keeps its @ and encodes the slash: @nestjs%2Fcore.
        var doc = await GetJsonAsync(RegistryUrl.Build(Settings.Npm, package), ct);
        if (doc?["dist-tags"]?["latest"]?.GetValue<string>() is not { } version) return null;
        return new PackageRelease(version, Date(doc["time"]?[version]), $"https://www.npmjs.com/package/{package}/v/{version}");
    }
}
