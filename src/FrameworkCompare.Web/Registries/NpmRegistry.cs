using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;

namespace FrameworkCompare.Web.Registries;

/// <summary>The npm registry's package document: the dist-tag "latest", dated by its time entry.</summary>
public sealed class NpmRegistry(IHttpClientFactory clients, IOptions<RegistryOptions> options) : JsonRegistry(clients, options)
{
    public override string Name => "npm";

    public override async Task<PackageRelease?> LatestStableAsync(string package, CancellationToken ct)
    {
        // Scoped names keep their @ but encode the slash: @nestjs%2Fcore.
        var doc = await GetJsonAsync(Join(Settings.Npm, "/" + package.Replace("/", "%2F", StringComparison.Ordinal)), ct);
        if (doc?["dist-tags"]?["latest"]?.GetValue<string>() is not { } version) return null;
        return new PackageRelease(version, Date(doc["time"]?[version]), $"https://www.npmjs.com/package/{package}/v/{version}");
    }
}
