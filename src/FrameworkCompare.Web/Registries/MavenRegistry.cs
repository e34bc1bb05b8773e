using System.Xml.Linq;
using FrameworkCompare.Web.Outbound;
using Microsoft.Extensions.Options;

namespace FrameworkCompare.Web.Registries;

/// <summary>
/// Maven Central for group:artifact: the highest stable version in maven-metadata.xml, dated by the Last-Modified of its POM
/// (the metadata holds no per-version dates).
/// </summary>
public sealed class MavenRegistry(OutboundClient outbound, IOptions<RegistryOptions> options) : JsonRegistry(outbound, options)
{
    public override string Name => "maven";

    public override async Task<PackageRelease?> LatestStableAsync(string package, CancellationToken ct)
    {
        if (package.Split(':') is not [var group, var artifact]) return null;
        string[] folder = [.. group.Split('.'), artifact];
        using var metadata = await GetAsync(RegistryUrl.Build(Settings.Maven, [.. folder, "maven-metadata.xml"]), ct);
        if (metadata is null) return null;
        var xml = XDocument.Parse(await metadata.Content.ReadAsStringAsync(ct));
        var versions = xml.Descendants("version").Select(v => v.Value.Trim());
        // Stable Maven versions are plain numbers, sometimes with .RELEASE or .Final (Spring, Hibernate).
        var version = VersionOrder.Newest(versions, v => VersionOrder.Stable(StripQualifier(v)));
        if (version is null) return null;
        using var pom = await GetAsync(RegistryUrl.Build(Settings.Maven, [.. folder, version, $"{artifact}-{version}.pom"]), ct, HttpMethod.Head);
        var released = pom?.Content.Headers.LastModified is { } at ? DateOnly.FromDateTime(at.UtcDateTime) : (DateOnly?)null;
        return new PackageRelease(version, released, $"https://central.sonatype.com/artifact/{group}/{artifact}/{version}");
    }

    static string StripQualifier(string version) =>
        version.EndsWith(".RELEASE", StringComparison.OrdinalIgnoreCase) || version.EndsWith(".Final", StringComparison.OrdinalIgnoreCase)
            ? version[..version.LastIndexOf('.')] : version;
}
