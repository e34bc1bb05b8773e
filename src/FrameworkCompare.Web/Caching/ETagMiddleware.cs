using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace FrameworkCompare.Web.Caching;

/// <summary>
/// Buffers each page, gives a 200 a strong ETag (a hash of the body plus the encoding it will be sent in) and answers
/// a matching If-None-Match with 304. It sits inside compression, which then gets the page in one write and
/// compresses it as a whole instead of flush by flush; the output cache outside stores the ETag and answers 304s on hits.
/// A kept HTML page loses the views' indentation here, in every encoding, so the short path's gzip copy is also its identity copy.
/// </summary>
public sealed class ETagMiddleware(RequestDelegate next, IOptions<PageCacheOptions> options)
{
    public async Task InvokeAsync(HttpContext context)
    {
        // Static files set their own ETags; only endpoints (pages) are buffered here.
        if (context.GetEndpoint() is null || !(HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method)))
        {
            await next(context);
            return;
        }
        var response = context.Response;
        var original = response.Body;
        using var buffer = new PooledBufferStream();
        response.Body = buffer;
        try
        {
            await next(context);
        }
        finally
        {
            response.Body = original;
        }
        if (buffer.Length == 0) return;
        var page = buffer.Written;
        string? hash = null;
        if (response.StatusCode == StatusCodes.Status200OK && !response.Headers.ContainsKey(HeaderNames.ETag))
        {
            hash = Hash(page.Span);
            var etag = new EntityTagHeaderValue(Tag(hash, PageCache.Encoding(context).Value));
            response.Headers.ETag = etag.ToString();
            if (Matches(context.Request, etag))
            {
                response.StatusCode = StatusCodes.Status304NotModified;
                response.ContentLength = null;
                return;
            }
        }
        if (IsHtml(response) && PageCompression.IsKeptPage(context, options.Value)) page = IndentTrimmingStream.Trim(page.Span);
        if (hash is not null) context.Features.Get<ShortPathCapture>()?.Offer(context, hash, page);
        await original.WriteAsync(page, context.RequestAborted);
    }

    /// <summary>The ETag of a page whose body hashes to <paramref name="hash"/>, sent in <paramref name="encoding"/>.</summary>
    public static string Tag(string hash, string encoding) => $"\"{hash}-{encoding}\"";

    static bool IsHtml(HttpResponse response) => response.ContentType?.StartsWith("text/html", StringComparison.OrdinalIgnoreCase) == true;

    static string Hash(ReadOnlySpan<byte> body)
    {
        var hash = SHA256.HashData(body);
        return Convert.ToBase64String(hash, 0, 16).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    static bool Matches(HttpRequest request, EntityTagHeaderValue etag) =>
        EntityTagHeaderValue.TryParseList(request.Headers.IfNoneMatch, out var tags)
        && tags.Any(t => t.Equals(EntityTagHeaderValue.Any) || t.Compare(etag, useStrongComparison: false));
}
