using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using FrameworkCompare.Web.Outbound;
using Microsoft.Extensions.Options;

namespace FrameworkCompare.Web.Registries;

/// <summary>
/// What the registry clients share: their base URL from settings, request URLs built by <see cref="RegistryUrl"/>, and
/// reading a JSON document (null on 404) through the outbound client, bounded in redirects, size and time.
/// </summary>
public abstract class JsonRegistry(OutboundClient outbound, IOptions<RegistryOptions> options) : IPackageRegistry
{
    public abstract string Name { get; }
    public abstract Task<PackageRelease?> LatestStableAsync(string package, CancellationToken ct);

    protected RegistryOptions Settings => options.Value;

    protected async Task<HttpResponseMessage?> GetAsync(Uri url, CancellationToken ct, HttpMethod? method = null)
    {
        var response = await outbound.SendAsync(method ?? HttpMethod.Get, url, Settings.UserAgent, ct);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            response.Dispose();
            return null;
        }
        if (!response.IsSuccessStatusCode)
        {
            response.Dispose();
            throw new HttpRequestException($"{url} answered {(int)response.StatusCode}", null, response.StatusCode);
        }
        return response;
    }

    protected async Task<JsonNode?> GetJsonAsync(Uri url, CancellationToken ct)
    {
        using var response = await GetAsync(url, ct);
        return response is null ? null : await JsonNode.ParseAsync(await response.Content.ReadAsStreamAsync(ct), cancellationToken: ct);
    }

    protected static DateOnly? Date(JsonNode? node) =>
        node?.GetValue<string>() is { } text && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
            ? DateOnly.FromDateTime(at.UtcDateTime) : null;
}
