using System.Xml.Linq;
using FrameworkCompare.Tests.Infrastructure;

namespace FrameworkCompare.Tests;

public sealed class FindabilityTests(FindabilityTests.Site site) : IClassFixture<FindabilityTests.Site>
{
    public sealed class Site() : SiteFactory(FindabilityContent());

    static readonly XNamespace Sitemap = "http://www.sitemaps.org/schemas/sitemap/0.9", Atom = "http://www.w3.org/2005/Atom";
    const string Root = "http://localhost";

    // Alphabetical slug order is the reverse of date order, so a feed that forgets to sort shows.
    static TestContent FindabilityContent()
    {
        var content = new TestContent();
        content.Write("articles/async-basics.md", Article("async-basics", "Async basics", published: "2024-01-05"));
        content.Write("articles/zeta-news.md", Article("zeta-news", "Zeta news", published: "2025-08-20"));
        content.Write("faq/which-is-faster.md", TestContent.Faq("Which is faster?", "[flask]"));
        return content;
    }

    static string Article(string slug, string title, string published) => $"""
        ---
        title: {title}
        slug: {slug}
        summary: About {title}.
        author: Ada Writer
        published: {published}
        frameworks: [flask]
        ---
        Text of {title}.
        """;

    [Fact]
    public async Task RobotsAllowsAllButTheStatusAndSearchPagesAndPointsToTheSitemap()
    {
        var response = await site.CreateReader().GetAsync("/robots.txt");
        Assert.Equal("text/plain", response.Content.Headers.ContentType!.MediaType);
        var lines = (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal(["User-agent: *", "Allow: /", "Disallow: /content-status", "Disallow: /search", "Disallow: /facts/", "Disallow: /questions/", "Disallow: /account/", "Disallow: /editor/", $"Sitemap: {Root}/sitemap.xml"], lines);
    }

    [Fact]
    public async Task SitemapListsEveryPublicPageAndEveryPairOnce()
    {
        var urls = (await GetXml("/sitemap.xml", "application/xml")).Root!.Elements(Sitemap + "url").ToList();
        string[] expected =
        [
            "/", "/frameworks", "/frameworks/django", "/frameworks/fastapi", "/frameworks/flask",
            "/compare/django-vs-fastapi", "/compare/django-vs-flask", "/compare/fastapi-vs-flask",
            "/articles", "/articles/async-basics", "/articles/django-vs-flask", "/articles/zeta-news",
            "/faq", "/faq/is-django-still-relevant", "/faq/which-is-faster", "/methodology",
            "/attributes", "/attributes/databases", "/attributes/first-release", "/attributes/github-stars", "/attributes/license", "/attributes/orm", "/attributes/rest-api",
            "/changes", "/changes/django", "/changes/fastapi", "/changes/flask",
            "/authors", "/authors/test-author",
        ];
        Assert.Equal(expected.Select(p => Root + p).Order(StringComparer.Ordinal),
            urls.Select(u => u.Element(Sitemap + "loc")!.Value).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task SitemapDatesArticlesByTheirLastUpdate()
    {
        var urls = (await GetXml("/sitemap.xml", "application/xml")).Root!.Elements(Sitemap + "url");
        var dated = urls.Where(u => u.Element(Sitemap + "lastmod") is not null)
            .ToDictionary(u => u.Element(Sitemap + "loc")!.Value, u => u.Element(Sitemap + "lastmod")!.Value);
        Assert.Equal(new Dictionary<string, string>
        {
            [$"{Root}/articles/async-basics"] = "2024-01-05",   // never updated: its publication date
            [$"{Root}/articles/django-vs-flask"] = "2025-06-10", // updated after publication
            [$"{Root}/articles/zeta-news"] = "2025-08-20",
        }, dated);
    }

    [Fact]
    public async Task FeedListsArticlesNewestFirst()
    {
        var feed = (await GetXml("/feed.xml", "application/atom+xml")).Root!;
        Assert.Equal(Atom + "feed", feed.Name);
        var entries = feed.Elements(Atom + "entry").ToList();
        Assert.Equal(["Zeta news", "Django or Flask?", "Async basics"], entries.Select(e => e.Element(Atom + "title")!.Value));
        Assert.Equal("2025-08-20T00:00:00Z", feed.Element(Atom + "updated")!.Value);
        Assert.Equal($"{Root}/feed.xml", feed.Elements(Atom + "link").Single(l => (string?)l.Attribute("rel") == "self").Attribute("href")!.Value);
    }

    [Fact]
    public async Task FeedEntriesCarryLinkIdDatesSummaryAndAuthor()
    {
        var entry = (await GetXml("/feed.xml", "application/atom+xml")).Root!.Elements(Atom + "entry").ElementAt(1);
        Assert.Equal($"{Root}/articles/django-vs-flask", entry.Element(Atom + "link")!.Attribute("href")!.Value);
        Assert.Equal($"{Root}/articles/django-vs-flask", entry.Element(Atom + "id")!.Value);
        Assert.Equal("2025-03-01T00:00:00Z", entry.Element(Atom + "published")!.Value);
        Assert.Equal("2025-06-10T00:00:00Z", entry.Element(Atom + "updated")!.Value);
        Assert.Equal("A summary of Django or Flask?", entry.Element(Atom + "summary")!.Value);
        Assert.Equal("Test Author", entry.Element(Atom + "author")!.Element(Atom + "name")!.Value);
    }

    async Task<XDocument> GetXml(string url, string mediaType)
    {
        var response = await site.CreateReader().GetAsync(url);
        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType!.MediaType);
        return XDocument.Parse(await response.Content.ReadAsStringAsync());
    }
}
