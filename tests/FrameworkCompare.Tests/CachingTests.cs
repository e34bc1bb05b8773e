using System.Collections.Concurrent;
using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using AngleSharp;
using AngleSharp.Html.Dom;
using FrameworkCompare.Tests.Infrastructure;
using FrameworkCompare.Web.Caching;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace FrameworkCompare.Tests;

public sealed class CachingTests : IDisposable
{
    /// <summary>Counts the actions that ran per path: a page served from the output cache runs none.</summary>
    public sealed class RenderCounter : IActionFilter
    {
        readonly ConcurrentDictionary<string, int> counts = new();
        public int this[string path] => counts.GetValueOrDefault(path);
        public void OnActionExecuting(ActionExecutingContext context) => counts.AddOrUpdate(context.HttpContext.Request.Path, 1, (_, n) => n + 1);
        public void OnActionExecuted(ActionExecutedContext context) { }
    }

    // Several hosts are allowed, as on a site served under more than one name, so the cache must keep them apart.
    public sealed class CountingSite(bool outputCache = true) : SiteFactory(settings: new Dictionary<string, string> { ["AllowedHosts"] = "*" })
    {
        public RenderCounter Renders { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Site:OutputCache", outputCache ? "true" : "false");
            builder.ConfigureTestServices(services => services.Configure<MvcOptions>(o => o.Filters.Add(Renders)));
        }
    }

    readonly CountingSite site = new();

    public void Dispose() => site.Dispose();

    const string FaqPage = "/faq/is-django-still-relevant", ArticlePage = "/articles/django-vs-flask";

    [Fact]
    public async Task CachedPagesAreCompressedSmallestAndPerRequestAnswersFastest()
    {
        using var uncached = new CountingSite(outputCache: false);
        var kept = await BrotliAsync(site, "/compare/django-vs-flask");
        var perRequest = await BrotliAsync(uncached, "/compare/django-vs-flask");

        // The kept page also loses the views' indentation (IndentTrimmingStream); the rest is the same page.
        Assert.Equal(Unindented(Decompress(perRequest)), Decompress(kept));
        Assert.NotEqual(Decompress(perRequest), Decompress(kept));
        Assert.True(kept.Length < perRequest.Length * 0.9, $"the cached page took {kept.Length} bytes, no smaller than {perRequest.Length} compressed per request");
    }

    static async Task<byte[]> BrotliAsync(SiteFactory factory, string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("br"));
        var response = await factory.CreateReader().SendAsync(request);
        Assert.Equal("br", Assert.Single(response.Content.Headers.ContentEncoding));
        return await response.Content.ReadAsByteArrayAsync();
    }

    static string Unindented(string html) => System.Text.RegularExpressions.Regex.Replace(html, @"\n[ \t]+", "\n");

    static string Decompress(byte[] brotli)
    {
        using var stream = new BrotliStream(new MemoryStream(brotli), CompressionMode.Decompress);
        return new StreamReader(stream).ReadToEnd();
    }

    [Fact]
    public async Task RepeatedRequestsAreServedFromTheCache()
    {
        string[] paths = ["/", "/frameworks", "/frameworks/django", "/compare", "/compare/django-vs-flask", "/articles", ArticlePage, "/faq", FaqPage,
            "/sitemap.xml", "/feed.xml", "/robots.txt"];
        var reader = site.CreateReader();
        foreach (var path in paths)
        {
            Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync(path)).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync(path)).StatusCode);
            Assert.True(site.Renders[path] == 1, $"{path} was rendered {site.Renders[path]} times");
        }
    }

    [Fact]
    public async Task AChangedFaqAnswerIsServedAfterTheImportWhileArticlePagesStayCached()
    {
        await site.GetDocumentAsync(FaqPage);
        await site.GetDocumentAsync(ArticlePage);
        Assert.Equal("Is Django still relevant?", (await site.GetDocumentAsync(FaqPage)).QuerySelector("h1")!.TextContent);

        site.Content.Replace("faq/is-django-still-relevant.md", "question: Is Django still relevant?", "question: Is Django relevant in 2025?");
        await site.ImportAsync();

        Assert.Equal("Is Django relevant in 2025?", (await site.GetDocumentAsync(FaqPage)).QuerySelector("h1")!.TextContent);
        Assert.Equal(2, site.Renders[FaqPage]);
        await site.GetDocumentAsync(ArticlePage);
        Assert.Equal(1, site.Renders[ArticlePage]);
    }

    [Fact]
    public async Task AChangedArticleEvictsArticlePagesButNotTheFaq()
    {
        await site.GetDocumentAsync(ArticlePage);
        await site.GetDocumentAsync("/faq");

        site.Content.Replace("articles/django-vs-flask.md", "title: Django or Flask?", "title: Django or Flask, revisited");
        await site.ImportAsync();

        Assert.Equal("Django or Flask, revisited", (await site.GetDocumentAsync(ArticlePage)).QuerySelector("h1")!.TextContent);
        await site.GetDocumentAsync("/faq");
        Assert.Equal(1, site.Renders["/faq"]);
    }

    [Fact]
    public async Task EachHostGetsItsOwnEntryBecausePagesNameTheirHost()
    {
        foreach (var host in new[] { "one.example", "two.example", "one.example" })
        {
            var request = new HttpRequestMessage(HttpMethod.Get, "/robots.txt");
            request.Headers.Host = host;
            var robots = await (await site.CreateReader().SendAsync(request)).Content.ReadAsStringAsync();
            Assert.Contains($"Sitemap: http://{host}/sitemap.xml", robots.Split('\n'));
        }
        Assert.Equal(2, site.Renders["/robots.txt"]);
    }

    [Fact]
    public async Task AnArticlePageSuggestsAnArticleImportedAfterItWasFirstShown()
    {
        var before = await site.GetDocumentAsync(ArticlePage);
        Assert.DoesNotContain(before.QuerySelectorAll("a[href='/articles/flask-tips']"), _ => true);

        site.Content.Write("articles/flask-tips.md", TestContent.Article("flask-tips", "Flask tips", "[flask]"));
        await site.ImportAsync();

        var after = await site.GetDocumentAsync(ArticlePage);
        Assert.Single(after.QuerySelectorAll("a[href='/articles/flask-tips']"));
    }

    [Fact]
    public async Task TheContentStatusPageIsNeverCached()
    {
        await site.GetDocumentAsync("/content-status");
        await site.GetDocumentAsync("/content-status");
        Assert.Equal(2, site.Renders["/content-status"]);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task AMatchingIfNoneMatchGets304AndAChangedPageANewETag(bool outputCache)
    {
        using var counted = new CountingSite(outputCache);
        var reader = counted.CreateReader();
        var first = await reader.GetAsync("/faq");
        var etag = first.Headers.ETag;
        Assert.NotNull(etag);

        var again = await Conditional(reader, "/faq", etag);
        Assert.Equal(HttpStatusCode.NotModified, again.StatusCode);
        Assert.Empty(await again.Content.ReadAsByteArrayAsync());

        counted.Content.Replace("faq/is-django-still-relevant.md", "question: Is Django still relevant?", "question: Is Django still used?");
        await counted.ImportAsync();
        var changed = await Conditional(reader, "/faq", etag);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.NotEqual(etag, changed.Headers.ETag);
    }

    [Fact]
    public async Task WithTheOutputCacheOffEveryRequestRendersThePage()
    {
        using var uncached = new CountingSite(outputCache: false);
        await uncached.GetDocumentAsync("/faq");
        await uncached.GetDocumentAsync("/faq");
        Assert.Equal(2, uncached.Renders["/faq"]);
    }

    [Theory]
    [InlineData("br")]
    [InlineData("gzip")]
    public async Task PagesAreCompressedWhenTheReaderAcceptsIt(string encoding)
    {
        foreach (var attempt in new[] { "first", "cached" })
        {
            var request = new HttpRequestMessage(HttpMethod.Get, "/compare/django-vs-flask");
            request.Headers.AcceptEncoding.ParseAdd(encoding);
            var response = await site.CreateReader().SendAsync(request);
            Assert.Equal([encoding], response.Content.Headers.ContentEncoding);
            Assert.Contains("Accept-Encoding", response.Headers.Vary);
            var page = await ParseAsync(Decompress(encoding, await response.Content.ReadAsStreamAsync()));
            Assert.True(page.QuerySelector("h1")?.TextContent == "Django vs Flask", $"{attempt} response");
        }
        var plain = await site.CreateReader().GetAsync("/compare/django-vs-flask");
        Assert.Empty(plain.Content.Headers.ContentEncoding);
    }

    [Fact]
    public async Task FingerprintedAssetsAreImmutableForAYearAndOthersCachedBriefly()
    {
        var page = await site.GetDocumentAsync("/");
        var stylesheet = page.QuerySelector("link[rel=stylesheet]")!.GetAttribute("href")!;
        Assert.Contains("?v=", stylesheet);

        var fingerprinted = await site.CreateReader().GetAsync(stylesheet);
        Assert.Equal(HttpStatusCode.OK, fingerprinted.StatusCode);
        Assert.Equal(StaticAssets.Immutable, fingerprinted.Headers.CacheControl!.ToString());

        var plain = await site.CreateReader().GetAsync(stylesheet.Split('?')[0]);
        Assert.Equal(StaticAssets.Short, plain.Headers.CacheControl!.ToString());
    }

    static Task<HttpResponseMessage> Conditional(HttpClient reader, string path, EntityTagHeaderValue etag)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.IfNoneMatch.Add(etag);
        return reader.SendAsync(request);
    }

    static string Decompress(string encoding, Stream body)
    {
        using Stream stream = encoding == "br" ? new BrotliStream(body, CompressionMode.Decompress) : new GZipStream(body, CompressionMode.Decompress);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    static async Task<IHtmlDocument> ParseAsync(string html) =>
        (IHtmlDocument)await BrowsingContext.New(Configuration.Default).OpenAsync(r => r.Content(html));
}
