using System.Net;
using Microsoft.Extensions.Options;

namespace FrameworkCompare.Web.Outbound;

/// <summary>
/// The one way the site asks other servers: every URL (each redirect hop included) passes <see cref="OutboundPolicy"/>, the
/// handler connects only to checked addresses, and redirects, body size and time are bounded by <see cref="OutboundOptions"/>.
/// </summary>
public sealed class OutboundClient(IHttpClientFactory clients, OutboundPolicy policy, IOptions<OutboundOptions> options)
{
    public const string ClientName = "outbound";

    public int MaxRedirects => Math.Max(0, options.Value.MaxRedirects);

    /// <summary>One request, its redirect not followed; throws <see cref="OutboundRefusedException"/> before sending a refused URL.</summary>
    public async Task<HttpResponseMessage> SendOnceAsync(HttpMethod method, Uri uri, string userAgent, HttpCompletionOption completion, CancellationToken ct)
    {
        policy.CheckUrl(uri);
        // HTTP/1.1: HTTP/3 (QUIC) would not go through the handler's ConnectCallback.
        using var request = new HttpRequestMessage(method, uri) { Version = HttpVersion.Version11, VersionPolicy = HttpVersionPolicy.RequestVersionOrLower };
        request.Headers.TryAddWithoutValidation("User-Agent", userAgent);
        return await clients.CreateClient(ClientName).SendAsync(request, completion, ct);
    }

    /// <summary>The final answer after following at most <see cref="MaxRedirects"/> redirects, each one checked; its body read (bounded).</summary>
    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, Uri uri, string userAgent, CancellationToken ct)
    {
        for (var redirects = 0; ; redirects++)
        {
            var response = await SendOnceAsync(method, uri, userAgent, HttpCompletionOption.ResponseContentRead, ct);
            if (RedirectTarget(uri, response) is not { } next) return response;
            response.Dispose();
            if (redirects == MaxRedirects) throw new HttpRequestException($"{uri.GetLeftPart(UriPartial.Path)}: too many redirects (more than {MaxRedirects})");
            uri = next;
        }
    }

    /// <summary>Where a 3xx answer with a Location points, resolved against the request's URL; null for any other answer.</summary>
    public static Uri? RedirectTarget(Uri requested, HttpResponseMessage response) =>
        (int)response.StatusCode is >= 300 and < 400 && response.Headers.Location is { } location ? new Uri(requested, location) : null;
}
