using System.Net;
using FrameworkCompare.Tests.Infrastructure;
using FrameworkCompare.Web.Caching;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace FrameworkCompare.Tests;

/// <summary>
/// The short path answers cached pages ahead of routing. Every answer is compared, byte for byte and header for header,
/// with the same request to a site with <c>Site:ShortPath=false</c>, whose answer comes from the output cache. Both sites
/// run on Kestrel, so HEAD, Date and Content-Length are the server's own. Hits in the output cache are counted: a
/// short-path answer finds nothing there, the pipeline's cached answer finds its entry.
/// </summary>
public sealed class ShortPathTests : IClassFixture<ShortPathTests.Pair>
{
    public sealed class Site : SiteFactory
    {
        readonly string environment;
        public CachingTests.RenderCounter Renders { get; } = new();
        public CountingStore CacheHits { get; private set; } = null!;

        public Site(bool shortPath, string environment = "Testing", Dictionary<string, string>? settings = null)
            : base(settings: new Dictionary<string, string>(settings ?? []) { ["Site:ShortPath"] = shortPath ? "true" : "false" })
        {
            this.environment = environment;
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseEnvironment(environment);
            builder.ConfigureTestServices(services =>
            {
                services.Configure<MvcOptions>(o => o.Filters.Add(Renders));
                var memory = services.Last(s => s.ServiceType == typeof(IOutputCacheStore));
                services.Remove(memory);
                services.AddSingleton<IOutputCacheStore>(provider => CacheHits = new CountingStore((IOutputCacheStore)memory.ImplementationFactory!(provider)));
            });
        }

        public HttpClient StartKestrel()
        {
            UseKestrel(0);
            StartServer();
            var address = Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
            return new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false, AutomaticDecompression = DecompressionMethods.None })
                { BaseAddress = new Uri(address) };
        }
    }

    /// <summary>The output cache's memory store, counting the lookups that found an entry.</summary>
    public sealed class CountingStore(IOutputCacheStore inner) : IOutputCacheStore
    {
        int hits;
        public int Count => hits;

        public async ValueTask<byte[]?> GetAsync(string key, CancellationToken cancellationToken)
        {
            var entry = await inner.GetAsync(key, cancellationToken);
            if (entry is not null) Interlocked.Increment(ref hits);
            return entry;
        }

        public ValueTask SetAsync(string key, byte[] value, string[]? tags, TimeSpan validFor, CancellationToken cancellationToken) =>
            inner.SetAsync(key, value, tags, validFor, cancellationToken);

        public ValueTask EvictByTagAsync(string tag, CancellationToken cancellationToken) => inner.EvictByTagAsync(tag, cancellationToken);
    }

    /// <summary>A site with the short path and one without, on Kestrel, shared by a class's tests: each warms what it compares.</summary>
    public class Pair : IDisposable
    {
        public Site ShortPath { get; }
        public Site Pipeline { get; }
        public HttpClient ShortClient { get; }
        public HttpClient PipelineClient { get; }

        public Pair() : this("Testing") { }

        protected Pair(string environment, Dictionary<string, string>? settings = null)
        {
            ShortPath = new Site(shortPath: true, environment, settings);
            Pipeline = new Site(shortPath: false, environment, settings);
            ShortClient = ShortPath.StartKestrel();
            PipelineClient = Pipeline.StartKestrel();
        }

        public void Dispose()
        {
            ShortClient.Dispose();
            PipelineClient.Dispose();
            ShortPath.Dispose();
            Pipeline.Dispose();
        }
    }

    public sealed class ProductionPair() : Pair("Production", new() { ["https_port"] = "443" });

    readonly Site shortPath, pipeline;
    readonly HttpClient shortClient, pipelineClient;

    public ShortPathTests(Pair sites)
    {
        (shortPath, pipeline, shortClient, pipelineClient) = (sites.ShortPath, sites.Pipeline, sites.ShortClient, sites.PipelineClient);
    }

    const string Page = "/compare/django-vs-flask";

    sealed record Answer(HttpStatusCode Status, byte[] Body, SortedDictionary<string, string> Headers);

    static async Task<Answer> SendAsync(HttpClient client, HttpMethod method, string path, Action<HttpRequestMessage>? setup)
    {
        using var request = new HttpRequestMessage(method, path);
        // Pages name their host; both sites must be asked under the same one.
        request.Headers.Host = "localhost";
        setup?.Invoke(request);
        using var response = await client.SendAsync(request);
        var headers = new SortedDictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, values) in response.Headers.Concat(response.Content.Headers)) headers[name] = string.Join(", ", values);
        return new Answer(response.StatusCode, await response.Content.ReadAsByteArrayAsync(), headers);
    }

    /// <summary>
    /// Asks both sites the same: a GET with <paramref name="setup"/>'s headers less the conditional ones (so both caches
    /// keep the page as this request sees it), then <paramref name="setup"/>'s request twice; compares the second answers
    /// and returns the short path's.
    /// </summary>
    async Task<Answer> AssertSameAsync(string path, Action<HttpRequestMessage>? setup, HttpMethod? method = null, bool fromShortPath = true)
    {
        method ??= HttpMethod.Get;
        foreach (var client in new[] { shortClient, pipelineClient })
        {
            await SendAsync(client, HttpMethod.Get, path, request =>
            {
                setup?.Invoke(request);
                request.Headers.Remove("If-None-Match");
                request.Headers.Remove("If-Modified-Since");
            });
            await SendAsync(client, method, path, setup);
        }
        var shortLookups = shortPath.CacheHits.Count;
        var pipelineLookups = pipeline.CacheHits.Count;
        var expected = await SendAsync(pipelineClient, method, path, setup);
        var actual = await SendAsync(shortClient, method, path, setup);

        Assert.Equal(expected.Status, actual.Status);
        Assert.Equal(expected.Body, actual.Body);
        // The date is the rendering's and Age counts whole seconds since, so only their presence is compared.
        Assert.Equal(Without(expected.Headers, "Date", "Age"), Without(actual.Headers, "Date", "Age"));
        Assert.Equal(expected.Headers.ContainsKey("Age"), actual.Headers.ContainsKey("Age"));
        Assert.Equal(expected.Headers.ContainsKey("Date"), actual.Headers.ContainsKey("Date"));
        if (fromShortPath)
        {
            Assert.True(pipeline.CacheHits.Count == pipelineLookups + 1, "the pipeline's answer did not come from its output cache");
            Assert.True(shortPath.CacheHits.Count == shortLookups, "the answer was not served by the short path");
        }
        return actual;
    }

    static SortedDictionary<string, string> Without(SortedDictionary<string, string> headers, params string[] names) =>
        new(headers.Where(h => !names.Contains(h.Key, StringComparer.OrdinalIgnoreCase)).ToDictionary(), StringComparer.OrdinalIgnoreCase);

    static Action<HttpRequestMessage> AcceptEncoding(string value) => r => r.Headers.TryAddWithoutValidation("Accept-Encoding", value);

    [Theory]
    [InlineData("br")]
    [InlineData("gzip")]
    [InlineData("identity")]
    [InlineData("*")]
    [InlineData("br;q=0, gzip")]
    [InlineData("gzip;q=0.5, br;q=0.9")]
    [InlineData("br;q=0")]
    [InlineData("deflate")]
    public async Task EachAcceptEncodingGetsThePipelinesAnswer(string acceptEncoding)
    {
        var answer = await AssertSameAsync(Page, AcceptEncoding(acceptEncoding));
        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal("Accept-Encoding", answer.Headers["Vary"]);
    }

    [Fact]
    public async Task NoAcceptEncodingGetsThePlainPageWithoutVary()
    {
        var answer = await AssertSameAsync(Page, null);
        Assert.Contains("<h1", System.Text.Encoding.UTF8.GetString(answer.Body));
        Assert.False(answer.Headers.ContainsKey("Vary"));
        Assert.False(answer.Headers.ContainsKey("Content-Encoding"));
    }

    [Theory]
    [InlineData("br")]
    [InlineData(null)]
    public async Task HeadGetsTheHeadersWithoutABody(string? acceptEncoding)
    {
        var answer = await AssertSameAsync(Page, acceptEncoding is null ? null : AcceptEncoding(acceptEncoding), HttpMethod.Head);
        Assert.Empty(answer.Body);
        Assert.True(long.Parse(answer.Headers["Content-Length"]) > 1000);
    }

    [Theory]
    [InlineData("br")]
    [InlineData("gzip")]
    [InlineData(null)]
    public async Task AMatchingIfNoneMatchGets304(string? acceptEncoding)
    {
        var first = await SendAsync(shortClient, HttpMethod.Get, Page, acceptEncoding is null ? null : AcceptEncoding(acceptEncoding));
        var etag = first.Headers["ETag"];
        var answer = await AssertSameAsync(Page, r =>
        {
            if (acceptEncoding is not null) r.Headers.TryAddWithoutValidation("Accept-Encoding", acceptEncoding);
            r.Headers.TryAddWithoutValidation("If-None-Match", etag);
        });
        Assert.Equal(HttpStatusCode.NotModified, answer.Status);
        Assert.Equal(etag, answer.Headers["ETag"]);
        Assert.Equal("nosniff", answer.Headers["X-Content-Type-Options"]);
    }

    [Fact]
    public async Task AnotherEncodingsETagGetsThePage()
    {
        var gzip = await SendAsync(shortClient, HttpMethod.Get, Page, AcceptEncoding("gzip"));
        var answer = await AssertSameAsync(Page, r =>
        {
            r.Headers.TryAddWithoutValidation("Accept-Encoding", "br");
            r.Headers.TryAddWithoutValidation("If-None-Match", gzip.Headers["ETag"]);
        });
        Assert.Equal(HttpStatusCode.OK, answer.Status);
    }

    [Fact]
    public async Task IfModifiedSinceIsAnsweredAsTheOutputCacheAnswersIt()
    {
        var answer = await AssertSameAsync(Page, r => r.Headers.IfModifiedSince = DateTimeOffset.UtcNow.AddDays(1));
        Assert.Equal(HttpStatusCode.NotModified, answer.Status);
    }

    [Theory]
    [InlineData("/frameworks?sort=language&dir=desc")]
    [InlineData("/frameworks?language=Python")]
    [InlineData("/faq?utm_source=newsletter")]
    [InlineData("/compare/django-vs-flask?only=differences")]
    public async Task AQueryStringGetsThePipelinesAnswer(string url)
    {
        var answer = await AssertSameAsync(url, AcceptEncoding("br"));
        Assert.Equal(HttpStatusCode.OK, answer.Status);
    }

    [Fact]
    public async Task PagesAskedWithDifferentQueryValuesAreKeptApart()
    {
        var python = await AssertSameAsync("/frameworks?language=Python", null);
        var ruby = await AssertSameAsync("/frameworks?language=Ruby", null);
        Assert.NotEqual(python.Body, ruby.Body);
    }

    [Fact]
    public async Task AHostOutsideAllowedHostsIsRefusedAsBefore()
    {
        var answer = await AssertSameAsync(Page, r => r.Headers.Host = "evil.example", fromShortPath: false);
        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
    }

    [Fact]
    public async Task XForwardedProtoFromTheLocalProxyGetsTheHttpsHeaders()
    {
        // HSTS leaves out localhost (see AddHsts), so these ask for 127.0.0.1.
        var answer = await AssertSameAsync(Page, r =>
        {
            r.Headers.Host = "127.0.0.1";
            r.Headers.TryAddWithoutValidation("X-Forwarded-Proto", "https");
            r.Headers.TryAddWithoutValidation("Accept-Encoding", "br");
        });
        Assert.Contains("max-age=31536000", answer.Headers["Strict-Transport-Security"]);
        Assert.Contains("upgrade-insecure-requests", answer.Headers["Content-Security-Policy"]);

        var plain = await AssertSameAsync(Page, r =>
        {
            r.Headers.Host = "127.0.0.1";
            r.Headers.TryAddWithoutValidation("Accept-Encoding", "br");
        });
        Assert.False(plain.Headers.ContainsKey("Strict-Transport-Security"));
        Assert.DoesNotContain("upgrade-insecure-requests", plain.Headers["Content-Security-Policy"]);
    }

    [Fact]
    public async Task ASessionCookieNeverGetsTheShortPath()
    {
        // Not a valid session, so the pipeline's answer is its cached page; the short path must still have stepped aside.
        var answer = await AssertSameAsync(Page, r => r.Headers.TryAddWithoutValidation("Cookie", "__Host-fc-session=expired"), fromShortPath: false);
        Assert.Equal(HttpStatusCode.OK, answer.Status);
        var lookups = shortPath.CacheHits.Count;
        await SendAsync(shortClient, HttpMethod.Get, Page, r => r.Headers.TryAddWithoutValidation("Cookie", "theme=dark; __Host-fc-session=expired"));
        Assert.Equal(lookups + 1, shortPath.CacheHits.Count);
    }

    [Fact]
    public async Task ASignedInReaderGetsThePageRenderedForThem()
    {
        using var site = new Site(shortPath: true);
        await site.CreateAccountAsync("editor@example.org", Web.Accounts.Roles.Editor);
        var reader = site.CreateBrowserLikeClient();
        await reader.GetAsync("/faq");
        // TestServer hands over the answer before the short path has compressed it: wait until it is kept.
        Assert.True(SpinWait.SpinUntil(() => site.Services.GetRequiredService<ShortPathStore>().Count == 1, TimeSpan.FromSeconds(30)));
        await reader.GetAsync("/faq");
        Assert.Equal((1, 0), (site.Renders["/faq"], site.CacheHits.Count));

        var editor = await site.SignInAsync("editor@example.org");
        Assert.Equal(HttpStatusCode.OK, (await editor.GetAsync("/faq")).StatusCode);
        Assert.Equal(2, site.Renders["/faq"]);
    }

    [Fact]
    public async Task AVerdictAndARateLimitedRouteTakeThePipeline()
    {
        foreach (var url in new[] { Page + "?verdict=1", "/api/v1/frameworks", Page + "?format=csv" })
        {
            await SendAsync(shortClient, HttpMethod.Get, url, null);
            var (renders, hits) = (shortPath.Renders[url.Split('?')[0]], shortPath.CacheHits.Count);
            var answer = await SendAsync(shortClient, HttpMethod.Get, url, null);
            Assert.True(answer.Status == HttpStatusCode.OK, $"{url}: {answer.Status}");
            // Each was rendered again or came from the output cache: either way the pipeline answered.
            Assert.True(shortPath.Renders[url.Split('?')[0]] > renders || shortPath.CacheHits.Count > hits, url);
        }
    }

    [Fact]
    public async Task AHitRunsNoEndpointAndNoOutputCacheLookup()
    {
        await SendAsync(shortClient, HttpMethod.Get, "/faq", AcceptEncoding("br"));
        var (renders, lookups) = (shortPath.Renders["/faq"], shortPath.CacheHits.Count);
        foreach (var encoding in new[] { "br", "gzip", "identity" })
            Assert.Equal(HttpStatusCode.OK, (await SendAsync(shortClient, HttpMethod.Get, "/faq", AcceptEncoding(encoding))).Status);
        Assert.Equal(renders, shortPath.Renders["/faq"]);
        Assert.Equal(lookups, shortPath.CacheHits.Count);

        // The counter does count: with the short path off, every hit is a lookup.
        await SendAsync(pipelineClient, HttpMethod.Get, "/faq", AcceptEncoding("br"));
        var before = pipeline.CacheHits.Count;
        await SendAsync(pipelineClient, HttpMethod.Get, "/faq", AcceptEncoding("br"));
        Assert.Equal(before + 1, pipeline.CacheHits.Count);
    }

    [Fact]
    public async Task AnImportThatChangesATagMakesTheNextRequestFresh()
    {
        const string faq = "/faq/is-django-still-relevant";
        using var site = new Site(shortPath: true);
        var client = site.StartKestrel();
        client.DefaultRequestHeaders.Host = "localhost";
        foreach (var url in new[] { faq, faq, "/articles", "/articles" }) await client.GetAsync(url);
        Assert.Equal((1, 1), (site.Renders[faq], site.Renders["/articles"]));

        site.Content.Replace("faq/is-django-still-relevant.md", "question: Is Django still relevant?", "question: Is Django relevant in 2025?");
        await site.ImportAsync();

        Assert.Contains("Is Django relevant in 2025?", await client.GetStringAsync(faq));
        Assert.Equal(2, site.Renders[faq]);
        // The new version is kept in turn, and the articles, which the import did not change, were kept throughout.
        await client.GetAsync(faq);
        await client.GetAsync("/articles");
        Assert.Equal((2, 1, 0), (site.Renders[faq], site.Renders["/articles"], site.CacheHits.Count));
    }

    [Fact]
    public async Task QueryStringsNeverPushPlainPagesOut()
    {
        using var small = new Site(shortPath: true, settings: new() { ["Site:ShortPathSizeMb"] = "1" });
        var client = small.StartKestrel();
        await SendAsync(client, HttpMethod.Get, "/faq", AcceptEncoding("br"));
        // Far more than the quarter of a megabyte that pages with a query string may use.
        for (var i = 0; i < 120; i++)
            Assert.Equal(HttpStatusCode.OK, (await SendAsync(client, HttpMethod.Get, $"/frameworks?language=x{i}", null)).Status);
        // Each entry counts at least 4 KB, so at most 64 of them fit in the quarter megabyte.
        var store = small.Services.GetRequiredService<ShortPathStore>();
        Assert.InRange(store.Count, 2, 65);

        var (renders, hits) = (small.Renders["/faq"], small.CacheHits.Count);
        await SendAsync(client, HttpMethod.Get, "/faq", AcceptEncoding("br"));
        Assert.Equal((renders, hits), (small.Renders["/faq"], small.CacheHits.Count));
    }

    [Fact]
    public async Task WithTheOutputCacheOffThereIsNoShortPath()
    {
        using var uncached = new Site(shortPath: true, settings: new() { ["Site:OutputCache"] = "false" });
        var client = uncached.StartKestrel();
        await SendAsync(client, HttpMethod.Get, "/faq", null);
        await SendAsync(client, HttpMethod.Get, "/faq", null);
        Assert.Equal(2, uncached.Renders["/faq"]);
        Assert.Equal(0, uncached.Services.GetRequiredService<ShortPathStore>().Count);
    }

    /// <summary>Production: plain http is redirected to https before the short path, and https answers carry HSTS.</summary>
    public sealed class InProduction(ProductionPair pair) : IClassFixture<ProductionPair>
    {
        readonly ShortPathTests sites = new(pair);

        [Fact]
        public async Task PlainHttpIsRedirected()
        {
            var answer = await sites.AssertSameAsync(Page, AcceptEncoding("br"), fromShortPath: false);
            Assert.Equal(HttpStatusCode.TemporaryRedirect, answer.Status);
            Assert.Equal("https://localhost" + Page, answer.Headers["Location"]);
        }

        [Fact]
        public async Task HttpsFromTheLocalProxyGetsHstsFromTheShortPath()
        {
            var answer = await sites.AssertSameAsync(Page, r =>
            {
                r.Headers.Host = "127.0.0.1";
                r.Headers.TryAddWithoutValidation("X-Forwarded-Proto", "https");
                r.Headers.TryAddWithoutValidation("Accept-Encoding", "gzip");
            });
            Assert.Contains("max-age=31536000", answer.Headers["Strict-Transport-Security"]);
        }
    }
}
