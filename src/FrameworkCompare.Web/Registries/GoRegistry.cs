using System.Text.Json.Nodes;
using FrameworkCompare.Web.Outbound;
using Microsoft.Extensions.Options;

namespace FrameworkCompare.Web.Registries;

/// <summary>The Go module proxy's @latest, which prefers the newest tagged release over pre-releases and pseudo-versions.</summary>
public sealed class GoRegistry(OutboundClient outbound, IOptions<RegistryOptions> options) : JsonRegistry(outbound, options)
{
    public override string Name => "go";

    public override async Task<PackageRelease?> LatestStableAsync(string package, CancellationToken ct)
    {
        var doc = await GetJsonAsync(RegistryUrl.Build(Settings.Go, [.. CaseEncode(package).Split('/'), "@latest"]), ct);
        if (doc?["Version"]?.GetValue<string>() is not { } version) return null;
        return new PackageRelease(version, Date(doc["Time"]), $"https://pkg.go.dev/{package}@{version}");
    }

    /// <summary>The proxy's case encoding: each capital letter becomes "!" and its lower case (github.com/BurntSushi → github.com/!burnt!sushi).</summary>
    static string CaseEncode(string module) =>
        string.Concat(module.Select(c => char.IsAsciiLetterUpper(c) ? "!" + char.ToLowerInvariant(c) : c.ToString()));
}
