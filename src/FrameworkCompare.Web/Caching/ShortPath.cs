using System.Collections.Concurrent;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace FrameworkCompare.Web.Caching;

/// <summary>
/// Answers a request for a page the output cache holds before routing, rate limiting or the output cache's own key
/// run: bytes compressed once, headers built once (<see cref="ShortPathEntry"/>). On a miss the request takes the
/// whole pipeline, and a page the output cache would store is kept here too. Anything that is not a plain cached page
/// (forms, a signed-in reader, rate-limited routes, verdicts, cross-origin requests) always takes the pipeline.
/// </summary>
public sealed class ShortPath(RequestDelegate next, ShortPathStore store, IResponseCompressionProvider compression, IOptionsMonitor<CookieAuthenticationOptions> cookies)
{
    // A signed-in reader, or one half-way through two-factor sign-in, sees pages the cache never holds.
    readonly string[] signInCookies =
        [.. new[] { IdentityConstants.ApplicationScheme, IdentityConstants.TwoFactorUserIdScheme }.Select(s => cookies.Get(s).Cookie.Name!)];

    // The encoding each Accept-Encoding value chooses, as the compression middleware would; browsers send a handful.
    readonly ConcurrentDictionary<string, (string? Encoding, bool Accepts)> encodings = new(StringComparer.Ordinal);
    const int RememberedEncodings = 64;

    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (!IsPlainRead(request))
        {
            await next(context);
            return;
        }
        if (store.Find(request) is { } entry)
        {
            var (encoding, accepts) = EncodingOf(context);
            await entry.ServeAsync(context, encoding, accepts);
            return;
        }
        if (!HttpMethods.IsGet(request.Method))
        {
            await next(context);
            return;
        }
        var capture = new ShortPathCapture();
        context.Features.Set(capture);
        // Set before this step (HSTS): the real middleware sets them on every answer, so they are not replayed.
        var before = context.Response.Headers.Keys.ToHashSet(StringComparer.OrdinalIgnoreCase);
        await next(context);
        var response = context.Response;
        if (!capture.Filled || response.StatusCode != StatusCodes.Status200OK || response.Headers.ContainsKey(HeaderNames.SetCookie)) return;
        // The reader has the page before it is compressed for the others (Brotli 11 takes about 0.2 s for a comparison);
        // the connection's next request waits, so a client asking again on it finds the page kept.
        await response.CompleteAsync();
        store.Add(request, capture, (key, path, hasQuery) => ShortPathEntry.Build(key, path, hasQuery, capture, response.Headers, before));
    }

    bool IsPlainRead(HttpRequest request)
    {
        if (!(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))) return false;
        var headers = request.Headers;
        // The output cache serves no request with credentials; CORS answers each Origin itself.
        if (headers.ContainsKey(HeaderNames.Authorization) || headers.ContainsKey(HeaderNames.Origin)) return false;
        foreach (var cookie in headers.Cookie)
            foreach (var name in signInCookies)
                if (cookie?.Contains(name, StringComparison.Ordinal) == true) return false;
        return !RateLimits.Applies(request) && !(request.QueryString.HasValue && Services.VerdictQuery.IsRequested(request.Query));
    }

    (string? Encoding, bool Accepts) EncodingOf(HttpContext context)
    {
        var header = context.Request.Headers.AcceptEncoding;
        if (header.Count == 1 && encodings.TryGetValue(header[0]!, out var known)) return known;
        var accepts = compression.CheckRequestAcceptsCompression(context);
        var chosen = (accepts ? compression.GetCompressionProvider(context)?.EncodingName : null, accepts);
        if (header.Count == 1 && encodings.Count < RememberedEncodings) encodings.TryAdd(header[0]!, chosen);
        return chosen;
    }
}

public static class ShortPathSetup
{
    /// <summary>Ahead of routing; off with either the short path or the output cache switched off.</summary>
    public static void UseShortPath(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<PageCacheOptions>>().Value;
        if (options.OutputCache && options.ShortPath) app.UseMiddleware<ShortPath>();
    }
}
