using System.IO.Compression;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace FrameworkCompare.Web.Caching;

/// <summary>
/// One page as the short path serves it: Brotli and gzip bytes compressed once, and the headers of every answer
/// (each encoding, with and without Vary, 200 and 304) built once from the headers the pipeline sent when it rendered the page.
/// </summary>
public sealed class ShortPathEntry
{
    public required string Key { get; init; }
    public required string Path { get; init; }
    public required bool HasQuery { get; init; }
    public required string[] Tags { get; init; }
    public required string Version { get; init; }
    public required long ExpiresAt { get; init; }
    public long Created { get; } = Environment.TickCount64;
    /// <summary>When a request last found it, for the store's least-recently-used eviction.</summary>
    public long LastUsed;
    public required Representation Brotli { get; init; }
    public required Representation Gzip { get; init; }
    public required Representation Identity { get; init; }
    public long Size => Brotli.Body.Length + Gzip.Body.Length + 4096;

    public sealed record Representation(byte[] Body, long Length, string ETag, Headers WithVary, Headers WithoutVary, Headers NotModifiedWithVary, Headers NotModifiedWithoutVary);

    public sealed class Headers(KeyValuePair<string, StringValues>[] all)
    {
        public KeyValuePair<string, StringValues>[] All => all;
        public StringValues this[string name] => all.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value;
    }

    // Set by the server or per answer, never replayed: the output cache's own hit adds Age and the length in the same way.
    static readonly HashSet<string> PerAnswer = new(StringComparer.OrdinalIgnoreCase)
    {
        HeaderNames.ContentLength, HeaderNames.TransferEncoding, HeaderNames.Age, HeaderNames.Connection, HeaderNames.KeepAlive,
        HeaderNames.ETag, HeaderNames.ContentEncoding, HeaderNames.Vary,
    };

    // What the output cache copies from its entry into a 304 (its HeadersToIncludeIn304); headers added around the page are set anyway.
    static readonly HashSet<string> KeptIn304 = new(StringComparer.OrdinalIgnoreCase)
    {
        HeaderNames.CacheControl, HeaderNames.ContentLocation, HeaderNames.Date, HeaderNames.ETag, HeaderNames.Expires, HeaderNames.Vary,
        // Set while the cache key is computed (the key reads the request's snapshot), so the output cache's 304 has it too.
        ReadModel.RequestSnapshot.VersionHeader,
    };

    /// <param name="sent">The headers the pipeline sent with the rendered page, less those set before the short path (HSTS).</param>
    public static ShortPathEntry Build(string key, string path, bool hasQuery, ShortPathCapture capture, IEnumerable<KeyValuePair<string, StringValues>> sent, HashSet<string> before)
    {
        var kept = sent.Where(h => !PerAnswer.Contains(h.Key) && !before.Contains(h.Key)).ToArray();
        var pageOwn = capture.PageHeaders.Where(h => !before.Contains(h)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var page = capture.Page.Span;
        return new ShortPathEntry
        {
            Key = key, Path = path, HasQuery = hasQuery, Tags = capture.Tags, Version = capture.Version,
            ExpiresAt = Environment.TickCount64 + (long)capture.Lifetime.TotalMilliseconds,
            Brotli = Represent(PageCompression.Smallest("br", page), page.Length, "br"),
            Gzip = Represent(PageCompression.Smallest("gzip", page), page.Length, "gzip"),
            Identity = Represent([], page.Length, null),
        };

        Representation Represent(byte[] body, long length, string? encoding)
        {
            var etag = ETagMiddleware.Tag(capture.Hash, encoding ?? "identity");
            List<KeyValuePair<string, StringValues>> headers = [.. kept, new(HeaderNames.ETag, etag)];
            if (encoding is not null) headers.Add(new(HeaderNames.ContentEncoding, encoding));
            KeyValuePair<string, StringValues>[] withVary = [.. headers, new(HeaderNames.Vary, HeaderNames.AcceptEncoding)];
            return new Representation(body, encoding is null ? length : body.Length, etag, new([.. withVary]), new([.. headers]),
                new(NotModified(withVary)), new(NotModified(headers)));
        }

        KeyValuePair<string, StringValues>[] NotModified(IEnumerable<KeyValuePair<string, StringValues>> headers) =>
            [.. headers.Where(h => KeptIn304.Contains(h.Key) || !(pageOwn.Contains(h.Key) || h.Key.Equals(HeaderNames.ContentEncoding, StringComparison.OrdinalIgnoreCase)))];
    }

    public bool IsCurrent(ContentVersions versions, long now) => now < ExpiresAt && versions.Of(Tags) == Version;

    /// <summary>The answer to a request whose Accept-Encoding chose <paramref name="encoding"/>, as the output cache would give it.</summary>
    public Task ServeAsync(HttpContext context, string? encoding, bool acceptsCompression)
    {
        LastUsed = Environment.TickCount64;
        var representation = encoding switch { "br" => Brotli, "gzip" => Gzip, _ => Identity };
        var response = context.Response;
        if (NotModified(context.Request, representation))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            Set(response, acceptsCompression ? representation.NotModifiedWithVary : representation.NotModifiedWithoutVary);
            return Task.CompletedTask;
        }
        Set(response, acceptsCompression ? representation.WithVary : representation.WithoutVary);
        response.Headers.Age = AgeSeconds();
        response.ContentLength = representation.Length;
        if (HttpMethods.IsHead(context.Request.Method)) return Task.CompletedTask;
        return representation == Identity ? WriteIdentityAsync(context) : response.Body.WriteAsync(representation.Body, context.RequestAborted).AsTask();
    }

    async Task WriteIdentityAsync(HttpContext context)
    {
        await using var page = new GZipStream(new MemoryStream(Gzip.Body, writable: false), CompressionMode.Decompress);
        await page.CopyToAsync(context.Response.Body, context.RequestAborted);
    }

    static void Set(HttpResponse response, Headers headers)
    {
        var target = response.Headers;
        foreach (var (name, value) in headers.All) target[name] = value;
    }

    string AgeSeconds() => ((Environment.TickCount64 - Created) / 1000).ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The output cache's rule for its hits: If-None-Match (a lone * or a weakly equal tag), else If-Modified-Since against Last-Modified or Date.</summary>
    static bool NotModified(HttpRequest request, Representation representation)
    {
        var ifNoneMatch = request.Headers.IfNoneMatch;
        if (!StringValues.IsNullOrEmpty(ifNoneMatch))
        {
            if (ifNoneMatch.Count == 1 && string.Equals(ifNoneMatch[0], "*", StringComparison.OrdinalIgnoreCase)) return true;
            return EntityTagHeaderValue.TryParse(representation.ETag, out var etag) && EntityTagHeaderValue.TryParseList(ifNoneMatch, out var tags)
                && tags.Any(t => etag.Compare(t, useStrongComparison: false));
        }
        var ifModifiedSince = request.Headers.IfModifiedSince;
        if (StringValues.IsNullOrEmpty(ifModifiedSince)) return false;
        var headers = representation.WithoutVary;
        if (!HeaderUtilities.TryParseDate(headers[HeaderNames.LastModified].ToString(), out var modified) &&
            !HeaderUtilities.TryParseDate(headers[HeaderNames.Date].ToString(), out modified)) return false;
        return HeaderUtilities.TryParseDate(ifModifiedSince.ToString(), out var since) && modified <= since;
    }
}
