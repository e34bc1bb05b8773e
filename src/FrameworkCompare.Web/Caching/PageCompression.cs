using System.IO.Compression;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.Options;

namespace FrameworkCompare.Web.Caching;

/// <summary>
/// Brotli and gzip at the level the response deserves: a page the output cache keeps is compressed once per
/// content version, so it gets the smallest size (Brotli 11 takes about 0.2 s for a 130 KB comparison, once);
/// everything compressed per request (search, the workspace, pages with the cache switched off) gets the fastest.
/// </summary>
public abstract class PageCompression(IHttpContextAccessor http, IOptions<PageCacheOptions> options) : ICompressionProvider
{
    public abstract string EncodingName { get; }
    public bool SupportsFlush => true;

    public Stream CreateStream(Stream outputStream)
    {
        if (!IsKeptPage()) return Compress(outputStream, CompressionLevel.Fastest);
        var compressed = Compress(outputStream, CompressionLevel.SmallestSize);
        return IsHtml() ? new IndentTrimmingStream(compressed) : compressed;
    }

    protected abstract Stream Compress(Stream output, CompressionLevel level);

    bool IsHtml() => http.HttpContext?.Response.ContentType?.StartsWith("text/html", StringComparison.OrdinalIgnoreCase) == true;

    bool IsKeptPage() =>
        options.Value.OutputCache && http.HttpContext?.GetEndpoint()?.Metadata.GetMetadata<OutputCacheAttribute>() is not null;

    public sealed class Brotli(IHttpContextAccessor http, IOptions<PageCacheOptions> options) : PageCompression(http, options)
    {
        public override string EncodingName => "br";
        protected override Stream Compress(Stream output, CompressionLevel level) => new BrotliStream(output, level, leaveOpen: true);
    }

    public sealed class Gzip(IHttpContextAccessor http, IOptions<PageCacheOptions> options) : PageCompression(http, options)
    {
        public override string EncodingName => "gzip";
        protected override Stream Compress(Stream output, CompressionLevel level) => new GZipStream(output, level, leaveOpen: true);
    }
}
