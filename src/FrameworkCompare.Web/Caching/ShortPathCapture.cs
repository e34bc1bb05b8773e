using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.ResponseCompression;

namespace FrameworkCompare.Web.Caching;

/// <summary>
/// What the pipeline rendered for a request the short path could not answer: set as a feature by <see cref="ShortPath"/>,
/// filled by <see cref="ETagMiddleware"/>, the one step that sees both the page's bytes and its output-cache policy.
/// It is filled only for a page the output cache would store and the short path can key without routing.
/// </summary>
public sealed class ShortPathCapture
{
    public string Hash { get; private set; } = "";
    public ReadOnlyMemory<byte> Page { get; private set; }
    public string[] Tags { get; private set; } = [];
    /// <summary>The tags' versions the page was rendered under (ContentVersions.Of, as the output-cache key holds them).</summary>
    public string Version { get; private set; } = "";
    public string[] QueryKeys { get; private set; } = [];
    public TimeSpan Lifetime { get; private set; }
    /// <summary>Headers the page set itself; the rest were added around it (security headers, Date) and are sent with a 304 too.</summary>
    public HashSet<string> PageHeaders { get; } = new(StringComparer.OrdinalIgnoreCase);
    public bool Filled { get; private set; }

    // The output cache's own default, for a policy without Expire.
    static readonly TimeSpan DefaultLifetime = TimeSpan.FromSeconds(60);

    public void Offer(HttpContext context, string hash, ReadOnlyMemory<byte> page)
    {
        if (context.Features.Get<IOutputCacheFeature>()?.Context is not { EnableOutputCaching: true, AllowCacheLookup: true, AllowCacheStorage: true } cache) return;
        var rules = cache.CacheVaryByRules;
        // Only what the short path can key ahead of routing: the path, the host, listed query keys, the encoding and the versions.
        if (rules.HeaderNames.Count > 0 || rules.RouteValueNames.Count > 0 || rules.QueryKeys.Contains("*")) return;
        if (rules.VaryByValues.Keys.Any(k => k is not ("enc" or "ae" or "v"))) return;
        // Only pages the pipeline compresses: their Vary and Content-Encoding are known for every Accept-Encoding.
        if (!context.RequestServices.GetRequiredService<IResponseCompressionProvider>().ShouldCompressResponse(context)) return;
        Hash = hash;
        Page = page.ToArray(); // the pipeline's buffer goes back to its pool when the request ends
        Tags = [.. cache.Tags];
        Version = rules.VaryByValues.TryGetValue("v", out var version) ? version : "";
        QueryKeys = [.. rules.QueryKeys.Where(k => !string.IsNullOrEmpty(k)).Select(k => k!)];
        Lifetime = cache.ResponseExpirationTimeSpan ?? DefaultLifetime;
        foreach (var header in context.Response.Headers) PageHeaders.Add(header.Key);
        Filled = true;
    }
}
