using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace FrameworkCompare.Web.Content;

/// <summary>
/// Writes the running site as static files: every page of the sitemap and every page they link to, with pretty
/// URLs (/compare/a-vs-b becomes compare/a-vs-b/index.html), the files they link to (stylesheet, icon), the sitemap,
/// robots.txt, the feed and 404.html.
/// </summary>
/// <param name="compress">Turns a file's bytes into its .br or .gz copy (the encoding "br" or "gzip"); the site's own page compression, so both serve the same bytes.</param>
public sealed partial class SiteExporter(HttpClient site, string folder, Func<string, byte[], string, byte[]> compress, IProgress<SiteExporter.Progress>? progress = null)
{
    public sealed record Result(int Pages, int Files, IReadOnlyList<string> Problems);

    /// <summary>Pages written so far, and pages known so far (the crawl finds more as it goes).</summary>
    public sealed record Progress(int Pages, int Known);

    const int ProgressEvery = 500;

    /// <summary>Files fetched from the site as they are; asset links carry a ?v= fingerprint that static servers ignore.</summary>
    static readonly string[] SiteFiles = ["/sitemap.xml", "/robots.txt", "/feed.xml"];

    /// <summary>
    /// Pages that only the running site can answer (search, the editors' status page, readers' report and question
    /// forms, the embed and badges other sites load, the JSON API): links to them are not followed; a static host sends those paths on to the site.
    /// </summary>
    static readonly string[] Dynamic = ["/search", "/content-status", "/facts", "/questions", "/embed", "/badge", "/api/v1"];

    public static bool IsDynamic(string path) => Dynamic.Any(d => path == d || path.StartsWith(d + "/", StringComparison.Ordinal));

    static readonly string[] Compressible = [".html", ".css", ".svg", ".xml", ".txt", ".json", ".js"];
    const string NotFoundProbe = "/static-export-404-probe";

    [GeneratedRegex("""\s(?:href|src)="([^"]*)"?""")]
    private static partial Regex LinkPattern();

    public async Task<Result> ExportAsync(bool precompress, CancellationToken ct = default)
    {
        Directory.CreateDirectory(folder);
        var problems = new ConcurrentQueue<string>();
        var linkedFiles = new ConcurrentDictionary<string, string>();
        var sitemap = await FetchAsync("/sitemap.xml", ct);
        var seen = new HashSet<string>(XDocument.Parse(Encoding.UTF8.GetString(sitemap))
            .Descendants(XName.Get("loc", "http://www.sitemaps.org/schemas/sitemap/0.9"))
            .Select(loc => new Uri(loc.Value.Trim()).AbsolutePath), StringComparer.Ordinal) { "/" };
        var level = seen.Order(StringComparer.Ordinal).ToList();
        var pages = 0;
        while (level.Count > 0)
        {
            var links = new ConcurrentBag<(string From, string Link)>();
            // Rendering is CPU work in this process: one page per core, and one more each while another writes its file.
            await Parallel.ForEachAsync(level, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount * 2, CancellationToken = ct }, async (path, token) =>
            {
                using var response = await site.GetAsync(path, token);
                if (response.StatusCode is HttpStatusCode.MovedPermanently or HttpStatusCode.Found && response.Headers.Location is { } location)
                {
                    var target = location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString;
                    await WriteAsync(PageFile(path), Encoding.UTF8.GetBytes(RedirectPage(target)), token);
                    links.Add((path, target));
                    return;
                }
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    problems.Enqueue($"{path}: the site answered {(int)response.StatusCode}");
                    return;
                }
                var html = await response.Content.ReadAsByteArrayAsync(token);
                await WriteAsync(PageFile(path), html, token);
                if (Interlocked.Increment(ref pages) % ProgressEvery == 0) progress?.Report(new Progress(pages, seen.Count));
                foreach (Match m in LinkPattern().Matches(Encoding.UTF8.GetString(html))) links.Add((path, m.Groups[1].Value));
            });
            level = [];
            foreach (var (from, link) in links)
            {
                if (LocalPath(link) is not { } path || IsDynamic(path)) continue;
                if (Path.HasExtension(path)) linkedFiles.TryAdd(path, from);
                else if (seen.Add(path)) level.Add(path);
            }
            level.Sort(StringComparer.Ordinal);
        }

        foreach (var file in SiteFiles) await WriteAsync(LocalFile(file), file == "/sitemap.xml" ? sitemap : await FetchAsync(file, ct), ct);
        using (var missing = await site.GetAsync(NotFoundProbe, ct))
        {
            if (missing.StatusCode == HttpStatusCode.NotFound) await WriteAsync(LocalFile("/404.html"), await missing.Content.ReadAsByteArrayAsync(ct), ct);
            else problems.Enqueue($"{NotFoundProbe}: expected 404 for the not-found page, got {(int)missing.StatusCode}");
        }
        var files = SiteFiles.Length + 1;
        foreach (var (file, from) in linkedFiles.OrderBy(f => f.Key, StringComparer.Ordinal).Where(f => !File.Exists(LocalFile(f.Key))))
        {
            using var response = await site.GetAsync(file, ct);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                problems.Enqueue($"{from}: links to {file}, which the site answers with {(int)response.StatusCode}");
                continue;
            }
            await WriteAsync(LocalFile(file), await response.Content.ReadAsByteArrayAsync(ct), ct);
            files++;
        }
        if (precompress) await PrecompressAsync(ct);
        return new Result(pages, files, [.. problems.Order(StringComparer.Ordinal)]);
    }

    /// <summary>The site-relative path a link points to, without query and fragment, or null for other sites and anchors.</summary>
    static string? LocalPath(string link)
    {
        var href = WebUtility.HtmlDecode(link);
        if (!href.StartsWith('/') || href.StartsWith("//", StringComparison.Ordinal)) return null;
        var end = href.IndexOfAny(['?', '#']);
        return end < 0 ? href : href[..end];
    }

    async Task<byte[]> FetchAsync(string path, CancellationToken ct)
    {
        using var response = await site.GetAsync(path, ct);
        if (response.StatusCode != HttpStatusCode.OK)
            throw new InvalidOperationException($"{path}: the site answered {(int)response.StatusCode}");
        return await response.Content.ReadAsByteArrayAsync(ct);
    }

    string PageFile(string path) => LocalFile(path.TrimEnd('/') + "/index.html");

    string LocalFile(string path)
    {
        var full = Path.GetFullPath(Path.Combine(folder, Uri.UnescapeDataString(path).TrimStart('/')));
        if (!full.StartsWith(Path.GetFullPath(folder) + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            throw new InvalidOperationException($"{path}: outside the export folder");
        return full;
    }

    static async Task WriteAsync(string file, byte[] bytes, CancellationToken ct)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        await File.WriteAllBytesAsync(file, bytes, ct);
    }

    static string RedirectPage(string target)
    {
        var url = WebUtility.HtmlEncode(target);
        return $"""<!DOCTYPE html><meta charset="utf-8"><meta http-equiv="refresh" content="0; url={url}"><link rel="canonical" href="{url}"><a href="{url}">Moved here</a>""";
    }

    /// <summary>Writes .br and .gz beside each text file, for servers that send precompressed files (nginx's gzip_static, brotli_static).</summary>
    async Task PrecompressAsync(CancellationToken ct)
    {
        var texts = Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Where(f => Compressible.Contains(Path.GetExtension(f))).ToList();
        await Parallel.ForEachAsync(texts, ct, async (file, token) =>
        {
            var bytes = await File.ReadAllBytesAsync(file, token);
            await File.WriteAllBytesAsync(file + ".br", compress(file, bytes, "br"), token);
            await File.WriteAllBytesAsync(file + ".gz", compress(file, bytes, "gzip"), token);
        });
    }
}
