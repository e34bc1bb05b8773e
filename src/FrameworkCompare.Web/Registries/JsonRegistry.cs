using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;

namespace FrameworkCompare.Web.Registries;

/// <summary>What the registry clients share: their base URL from settings, and reading a JSON document (null on 404).</summary>
public abstract class JsonRegistry(IHttpClientFactory clients, IOptions<RegistryOptions> options) : IPackageRegistry
{
    public abstract string Name { get; }
    public abstract Task<PackageRelease?> LatestStableAsync(string package, CancellationToken ct);

    protected RegistryOptions Settings => options.Value;

    protected static string Join(string baseUrl, string path) => baseUrl.TrimEnd('/') + path;

    protected async Task<HttpResponseMessage?> GetAsync(string url, CancellationToken ct, HttpMethod? method = null)
    {
        var response = await clients.CreateClient(RegistryOptions.ClientName).SendAsync(new HttpRequestMessage(method ?? HttpMethod.Get, url), ct);
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

    protected async Task<JsonNode?> GetJsonAsync(string url, CancellationToken ct)
    {
        using var response = await GetAsync(url, ct);
        return response is null ? null : JsonNode.Parse(await response.Content.ReadAsStringAsync(ct));
    }

    protected static DateOnly? Date(JsonNode? node) =>
        node?.GetValue<string>() is { } text && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
            ? DateOnly.FromDateTime(at.UtcDateTime) : null;

    protected static string Escape(string name) => Uri.EscapeDataString(name);
}
