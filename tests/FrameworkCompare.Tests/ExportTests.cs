using System.Xml.Linq;
using AngleSharp;
using AngleSharp.Html.Dom;
using FrameworkCompare.Tests.Infrastructure;
using FrameworkCompare.Web.Commands;
using FrameworkCompare.Web.Content;

namespace FrameworkCompare.Tests;

public sealed class ExportTests : IDisposable
{
    readonly SiteFactory site = new();
    readonly string folder = Path.Combine(Directory.CreateTempSubdirectory("fc-export-").FullName, "site");

    public void Dispose()
    {
        site.Dispose();
        try { Directory.Delete(Path.GetDirectoryName(folder)!, recursive: true); } catch (IOException) { }
    }

    async Task<SiteExporter.Result> ExportAsync(bool precompress = false)
    {
        return await new SiteExporter(site.CreateReader(), folder, FrameworkCompare.Web.Caching.PageCompression.ForExportedFile).ExportAsync(precompress);
    }

    [Fact]
    public async Task EveryPageInTheSitemapBecomesAnIndexFile()
    {
        var result = await ExportAsync();
        Assert.Empty(result.Problems);

        var sitemap = XDocument.Load(Path.Combine(folder, "sitemap.xml"));
        var paths = sitemap.Descendants(XName.Get("loc", "http://www.sitemaps.org/schemas/sitemap/0.9")).Select(l => new Uri(l.Value).AbsolutePath).ToList();
        Assert.Contains("/compare/django-vs-flask", paths);
        Assert.All(paths, p => Assert.True(File.Exists(PageFile(p)), $"{p} was not exported"));
        foreach (var file in new[] { "index.html", "404.html", "robots.txt", "feed.xml", "favicon.svg", "css/site.css", "compare/django-vs-flask/index.html",
                     "changes/index.html", "changes/feed.xml", "changes/django/index.html", "changes/django/feed.xml",
                     "corrections/index.html", "corrections/feed.xml", "methodology/index.html" })
            Assert.True(File.Exists(Path.Combine(folder, file)), $"{file} is missing");

        var page = await OpenAsync(PageFile("/compare/django-vs-flask"));
        Assert.Equal("Django vs Flask", page.QuerySelector("h1")!.TextContent);
        var notFound = await OpenAsync(Path.Combine(folder, "404.html"));
        Assert.NotNull(notFound.QuerySelector("h1"));
    }

    [Fact]
    public async Task EveryLinkInsideTheExportResolvesToAnExportedFile()
    {
        Assert.Empty((await ExportAsync()).Problems);
        var checkedLinks = 0;
        foreach (var file in Directory.EnumerateFiles(folder, "*.html", SearchOption.AllDirectories))
        {
            var page = await OpenAsync(file);
            var links = page.QuerySelectorAll("a[href], link[href]").Select(e => e.GetAttribute("href")!)
                .Concat(page.QuerySelectorAll("[src]").Select(e => e.GetAttribute("src")!));
            foreach (var link in links.Where(l => l.StartsWith('/') && !l.StartsWith("//")))
            {
                // A static server ignores the query string, as it does for the stylesheet's ?v= fingerprint.
                var path = link.Split('?', '#')[0];
                if (SiteExporter.IsDynamic(path)) continue; // the readers' forms: a static host passes them to the site
                var target = Path.HasExtension(path) ? Path.Combine(folder, path.TrimStart('/')) : PageFile(path);
                Assert.True(File.Exists(target), $"{Path.GetRelativePath(folder, file)} links to {link}, which is not in the export");
                checkedLinks++;
            }
        }
        Assert.True(checkedLinks > 50, $"only {checkedLinks} links checked");
    }

    [Fact]
    public async Task PrecompressWritesBrotliAndGzipBesideEachPage()
    {
        await ExportAsync(precompress: true);
        Assert.True(File.Exists(PageFile("/faq") + ".br"));
        Assert.True(File.Exists(PageFile("/faq") + ".gz"));
        Assert.True(File.Exists(Path.Combine(folder, "css", "site.css.br")));
    }

    [Theory]
    [InlineData("br")]
    [InlineData("gzip")]
    public async Task PrecompressedPagesAreTheBytesTheSitesCacheServes(string encoding)
    {
        await ExportAsync(precompress: true);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/compare/django-vs-flask");
        request.Headers.AcceptEncoding.Add(new System.Net.Http.Headers.StringWithQualityHeaderValue(encoding));
        var served = await (await site.CreateReader().SendAsync(request)).Content.ReadAsByteArrayAsync();
        var exported = await File.ReadAllBytesAsync(PageFile("/compare/django-vs-flask") + (encoding == "br" ? ".br" : ".gz"));
        Assert.Equal(served, exported);
    }

    [Fact]
    public async Task TheCommandExportsTheContentFolderUnderTheGivenBaseUrl()
    {
        using var content = new TestContent();
        var database = Path.Combine(Path.GetDirectoryName(folder)!, "export.db");
        var output = new StringWriter();

        var exit = await Cli.RunAsync(
            ["export", folder, "--base-url", "https://frameworks.example.org", $"--Content:Path={content.Root}", $"--ConnectionStrings:Site=Data Source={database}"], output);

        Assert.True(exit == 0, output.ToString());
        var page = await OpenAsync(PageFile("/compare/django-vs-flask"));
        Assert.Equal("https://frameworks.example.org/compare/django-vs-flask", page.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
        Assert.Contains("Sitemap: https://frameworks.example.org/sitemap.xml", File.ReadAllLines(Path.Combine(folder, "robots.txt")));
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }

    [Fact]
    public async Task TheCommandRefusesAFolderThatIsNotEmpty()
    {
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "keep.txt"), "mine");
        var output = new StringWriter();

        Assert.Equal(2, await Cli.RunAsync(["export", folder], output));
        Assert.Contains("not empty", output.ToString());
        Assert.Equal(["keep.txt"], Directory.EnumerateFileSystemEntries(folder).Select(Path.GetFileName));
    }

    string PageFile(string path) => Path.Combine(folder, path.Trim('/'), "index.html");

    static async Task<IHtmlDocument> OpenAsync(string file) =>
        (IHtmlDocument)await BrowsingContext.New(Configuration.Default).OpenAsync(r => r.Content(File.ReadAllText(file)));
}
