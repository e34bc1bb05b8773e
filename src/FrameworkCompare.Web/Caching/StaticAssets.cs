using Microsoft.Net.Http.Headers;

namespace FrameworkCompare.Web.Caching;

/// <summary>Cache headers for wwwroot: a year for fingerprinted URLs (asp-append-version's ?v=), short otherwise.</summary>
public static class StaticAssets
{
    public const string Immutable = "public, max-age=31536000, immutable", Short = "public, max-age=600";

    public static StaticFileOptions Options { get; } = new()
    {
        OnPrepareResponse = file =>
            file.Context.Response.Headers[HeaderNames.CacheControl] = file.Context.Request.Query.ContainsKey("v") ? Immutable : Short,
    };
}
