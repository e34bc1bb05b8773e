using System.IO.Compression;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.Options;

namespace FrameworkCompare.Web.Caching;

/// <summary>
/// Brotli and gzip at the level the response deserves: a page the output cache keeps is compressed once per
/// content version, so it gets the smallest size (Brotli 11 takes about 0.2 s for a 130 KB comparison, once);
/// everything compressed per request (search, the workspace, verdicts, pages with the cache switched off) gets the fastest.
/// </summary>
public abstract class PageCompression(IHttpContextAccessor http, IOptions<PageCacheOptions> options) : ICompressionProvider
{
    public abstract string EncodingName { get; }
    public bool SupportsFlush => true;

    public Stream CreateStream(Stream outputStream) =>
        Compress(outputStream, http.HttpContext is { } context && IsKeptPage(context, options.Value) ? CompressionLevel.SmallestSize : CompressionLevel.Fastest);

    protected abstract Stream Compress(Stream output, CompressionLevel level);

    /// <summary>A page the output cache keeps. A verdict is rendered for one reader and never kept: compressing it at the smallest
    /// size (about 0.15 s of Brotli 11 for a comparison) would be paid on every request.</summary>
    public static bool IsKeptPage(HttpContext context, PageCacheOptions options) =>
        options.OutputCache && context.GetEndpoint()?.Metadata.GetMetadata<OutputCacheAttribute>() is not null
        && !Services.VerdictQuery.IsRequested(context.Request.Query);

    /// <summary>An exported file's .br or .gz: for a page, the bytes the site's cache serves (without indentation, smallest size).</summary>
    public static byte[] ForExportedFile(string file, byte[] bytes, string encoding) =>
        Smallest(encoding, file.EndsWith(".html", StringComparison.Ordinal) ? IndentTrimmingStream.Trim(bytes) : bytes);

    /// <summary>A kept page's bytes as the pipeline sends them in <paramref name="encoding"/> ("br" or "gzip").</summary>
    public static byte[] Smallest(string encoding, ReadOnlySpan<byte> page)
    {
        var output = new MemoryStream(page.Length / 4);
        using (var stream = encoding == "br" ? Brotli.Stream(output, CompressionLevel.SmallestSize) : Gzip.Stream(output, CompressionLevel.SmallestSize))
            stream.Write(page);
        return output.ToArray();
    }

    public sealed class Brotli(IHttpContextAccessor http, IOptions<PageCacheOptions> options) : PageCompression(http, options)
    {
        public override string EncodingName => "br";
        protected override Stream Compress(Stream output, CompressionLevel level) => Stream(output, level);
        // Per request, quality 0: on a 108 KB comparison about 0.18 ms against 0.28 ms at quality 1 (Fastest), for 7% more bytes.
        internal static Stream Stream(Stream output, CompressionLevel level) => level == CompressionLevel.Fastest
            ? new BrotliStream(output, new BrotliCompressionOptions { Quality = 0 }, leaveOpen: true)
            : new BrotliStream(output, level, leaveOpen: true);
    }

    public sealed class Gzip(IHttpContextAccessor http, IOptions<PageCacheOptions> options) : PageCompression(http, options)
    {
        public override string EncodingName => "gzip";
        protected override Stream Compress(Stream output, CompressionLevel level) => Stream(output, level);
        internal static Stream Stream(Stream output, CompressionLevel level) => new GZipStream(output, level, leaveOpen: true);
    }
}
