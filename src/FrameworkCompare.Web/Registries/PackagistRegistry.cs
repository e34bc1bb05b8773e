using System.Text.Json.Nodes;
using FrameworkCompare.Web.Outbound;
using Microsoft.Extensions.Options;

namespace FrameworkCompare.Web.Registries;

/// <summary>Packagist's p2 metadata (tagged releases only): the highest stable normalized version, dated by its time.</summary>
public sealed class PackagistRegistry(OutboundClient outbound, IOptions<RegistryOptions> options) : JsonRegistry(outbound, options)
{
    public override string Name => "packagist";

    public override async Task<PackageRelease?> LatestStableAsync(string package, CancellationToken ct)
    {
        var doc = await GetJsonAsync(RegistryUrl.Build(Settings.Packagist, ["p2", .. VendorAndPackage(package.ToLowerInvariant())]), ct);
        var versions = (doc?["packages"]?[package.ToLowerInvariant()] as JsonArray ?? []).OfType<JsonObject>();
        // The minified format repeats only changed fields; version, version_normalized and time change with every release.
        var newest = VersionOrder.Newest(versions, v => VersionOrder.Stable(v["version_normalized"]?.GetValue<string>() ?? ""));
        if (newest?["version"]?.GetValue<string>() is not { } version) return null;
        return new PackageRelease(version, Date(newest["time"]), $"https://packagist.org/packages/{package}#{version}");
    }

    /// <summary>p2/VENDOR/PACKAGE.json: the two halves of the name as two segments, never more.</summary>
    static string[] VendorAndPackage(string name) =>
        name.Split('/') is [var vendor, var package] ? [vendor, package + ".json"] : throw new RegistryNameException($"'{name}' is not vendor/package");
}
