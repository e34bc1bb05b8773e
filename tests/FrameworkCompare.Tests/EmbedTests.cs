using System.Xml.Linq;
using FrameworkCompare.Tests.Infrastructure;

namespace FrameworkCompare.Tests;

/// <summary>The comparison other sites show in an iframe: its rows, addresses, errors and framing headers.</summary>
public sealed class EmbedTests(EmbedTests.Site site) : IClassFixture<EmbedTests.Site>
{
    public sealed class Site : SiteFactory;

    [Fact]
    public async Task ShowsTheChosenRowsInTheirOrderWithSourcesAndLinksBack()
    {
        var page = await site.GetDocumentAsync("/embed/compare/django-vs-flask?rows=orm,no-such-row,license,orm");
        Assert.Equal("Django vs Flask", page.QuerySelector("h1")!.TextContent);
        Assert.Equal(["Attribute", "Django", "Flask"], page.QuerySelectorAll("thead th").Select(th => th.TextContent));
        Assert.Equal(["orm", "license"], page.QuerySelectorAll("tbody tr[id]").Select(tr => tr.Id));
        var orm = page.QuerySelectorAll("tr#orm td");
        Assert.Equal(["Yes", "No"], orm.Select(td => td.QuerySelector(".value")!.TextContent));
        Assert.Equal(["https://django.example.org/orm", "https://flask.example.org/orm"], orm.Select(td => td.QuerySelector(".source a")!.GetAttribute("href")));
        Assert.All(orm, td => Assert.Equal("2025-04-02", td.QuerySelector(".source time")!.GetAttribute("datetime")));

        var back = page.QuerySelector("p.full-link a")!;
        Assert.Equal("Full comparison on FrameworkCompare", back.TextContent);
        Assert.Equal("http://localhost/compare/django-vs-flask", back.GetAttribute("href"));
        Assert.Equal("_blank", back.GetAttribute("target"));
        Assert.Equal("noopener", back.GetAttribute("rel"));
        Assert.Equal("http://localhost/compare/django-vs-flask#orm", page.QuerySelector("tr#orm th a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task IsLightAndPointsSearchEnginesAtTheFullPage()
    {
        var response = await site.CreateReader().GetAsync("/embed/compare/django-vs-flask");
        Assert.Equal("noindex", response.Headers.GetValues("X-Robots-Tag").Single());
        var page = await Html.ParseAsync(response);
        Assert.Empty(page.QuerySelectorAll("script, nav, form, .site-header, a.report"));
        Assert.Equal("noindex", page.QuerySelector("meta[name=robots]")!.GetAttribute("content"));
        Assert.Equal("http://localhost/compare/django-vs-flask", page.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
        Assert.Equal("_blank", page.QuerySelector("base")!.GetAttribute("target"));
        Assert.Single(page.QuerySelectorAll("link[rel=stylesheet]"), l => l.GetAttribute("href")!.StartsWith("/css/embed.css"));
        var table = page.QuerySelector("div.table-scroll[role=region][tabindex='0'][aria-labelledby=embed-title] > table.compare")!;
        Assert.NotNull(table);
    }

    [Theory]
    [InlineData("/embed/compare/django-vs-flask")]
    [InlineData("/embed/compare/django-vs-flask?rows=")]
    [InlineData("/embed/compare/django-vs-flask?rows=%27%3B--,%3Cscript%3E")]
    public async Task WithoutKnownRowsShowsTheDefaultFew(string url)
    {
        var page = await site.GetDocumentAsync(url);
        // The test catalog has two of the default keys.
        Assert.Equal(["license", "orm"], page.QuerySelectorAll("tbody tr[id]").Select(tr => tr.Id));
    }

    [Fact]
    public async Task UseCaseRowsCanBeChosenToo()
    {
        var page = await site.GetDocumentAsync("/embed/compare/django-vs-fastapi-vs-flask?rows=rest-api,github-stars");
        Assert.Equal(["rest-api", "github-stars"], page.QuerySelectorAll("tbody tr[id]").Select(tr => tr.Id));
        Assert.Equal(["Attribute", "Django", "FastAPI", "Flask"], page.QuerySelectorAll("thead th").Select(th => th.TextContent));
    }

    [Theory]
    [InlineData("/embed/compare/flask-vs-django?rows=orm", "/embed/compare/django-vs-flask?rows=orm")]
    [InlineData("/embed/compare/Django-VS-Flask", "/embed/compare/django-vs-flask")]
    public async Task NonCanonicalSelectionsRedirectToTheCanonicalEmbed(string url, string canonical)
    {
        var response = await site.CreateReader().GetAsync(url);
        Assert.Equal(301, (int)response.StatusCode);
        Assert.Equal(canonical, response.Headers.Location!.OriginalString);
    }

    [Theory]
    [InlineData("/embed/compare/djang-vs-flask", 404)]
    [InlineData("/embed/compare/django", 400)]
    [InlineData("/embed/compare/django-vs-django", 400)]
    [InlineData("/embed/compare/a-vs-b-vs-c-vs-d-vs-e", 400)]
    public async Task BadSelectionsAnswerLikeTheComparisonPage(string url, int status)
    {
        var response = await site.CreateReader().GetAsync(url);
        Assert.Equal(status, (int)response.StatusCode);
    }

    [Fact]
    public async Task OnlyTheEmbedMayBeFramedByOtherSites()
    {
        var embed = await site.CreateReader().GetAsync("/embed/compare/django-vs-flask");
        var directives = Directives(embed);
        Assert.Equal("frame-ancestors *", directives["frame-ancestors"]);
        Assert.Equal("default-src 'none'", directives["default-src"]);
        Assert.Equal("script-src 'self'", directives["script-src"]);
        Assert.Equal("style-src 'self'", directives["style-src"]);
        Assert.False(embed.Headers.Contains("X-Frame-Options"));

        foreach (var url in new[] { "/compare/django-vs-flask", "/frameworks/django", "/", "/embed/compare/djang-vs-flask", "/embed/nothing-here" })
        {
            var response = await site.CreateReader().GetAsync(url);
            Assert.Equal("frame-ancestors 'none'", Directives(response)["frame-ancestors"]);
            Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        }
    }

    [Fact]
    public async Task TheComparisonPageOffersCopyReadyEmbedCode()
    {
        var page = await site.GetDocumentAsync("/compare/django-vs-flask");
        var section = page.QuerySelector("section[aria-labelledby=embed]")!;
        Assert.Equal("Embed this comparison", section.QuerySelector("h2#embed")!.TextContent);
        var iframe = section.QuerySelector("details textarea#embed-iframe[readonly]")!;
        Assert.Equal("Comparison in an iframe (HTML)", section.QuerySelector("label[for=embed-iframe]")!.TextContent);
        var code = new AngleSharp.Html.Parser.HtmlParser().ParseFragment(iframe.TextContent, page.Body!).OfType<AngleSharp.Dom.IElement>().Single();
        Assert.Equal("iframe", code.LocalName);
        Assert.Equal("http://localhost/embed/compare/django-vs-flask?rows=license,orm", code.GetAttribute("src"));
        Assert.Equal("Django vs Flask on FrameworkCompare", code.GetAttribute("title"));

        // The code it offers works.
        Assert.Equal(200, (int)(await site.CreateReader().GetAsync(new Uri(code.GetAttribute("src")!).PathAndQuery)).StatusCode);

        // Badges are offered on each fact's history page, which the section links to.
        var example = section.QuerySelector("a[href='/facts/django/license/history#badge']")!;
        Assert.Equal("Django's license", example.TextContent);
    }

    [Fact]
    public async Task EachFactsHistoryPageOffersCopyReadyBadgeCode()
    {
        var page = await site.GetDocumentAsync("/facts/django/license/history");
        var section = page.QuerySelector("section[aria-labelledby=badge]")!;
        Assert.Equal("http://localhost/badge/django/license.svg", section.QuerySelector("img")!.GetAttribute("src"));
        Assert.Equal("[![Django · License: BSD-3-Clause](http://localhost/badge/django/license.svg)](http://localhost/frameworks/django#license)",
            section.QuerySelector("textarea#badge-markdown[readonly]")!.TextContent);
        var html = new AngleSharp.Html.Parser.HtmlParser().ParseFragment(section.QuerySelector("textarea#badge-html")!.TextContent, page.Body!);
        var link = html.OfType<AngleSharp.Dom.IElement>().Single();
        Assert.Equal("http://localhost/frameworks/django#license", link.GetAttribute("href"));
        Assert.Equal("http://localhost/badge/django/license.svg", link.QuerySelector("img")!.GetAttribute("src"));
        Assert.Contains("alt=\"Django · License: BSD-3-Clause\"", section.QuerySelector("textarea#badge-html")!.TextContent);
        Assert.Equal(200, (int)(await site.CreateReader().GetAsync("/badge/django/license.svg")).StatusCode);
    }

    [Fact]
    public async Task StaysOutOfTheSitemap()
    {
        var sitemap = await site.CreateReader().GetStringAsync("/sitemap.xml");
        Assert.Contains("/compare/django-vs-flask", sitemap);
        Assert.DoesNotContain("/embed/", sitemap);
        Assert.DoesNotContain("/badge/", sitemap);
    }

    [Fact]
    public async Task IsOutputCachedAndAnswersConditionalRequests()
    {
        var first = await site.CreateReader().GetAsync("/embed/compare/django-vs-flask?rows=orm");
        var etag = first.Headers.ETag!;
        var again = new HttpRequestMessage(HttpMethod.Get, "/embed/compare/django-vs-flask?rows=orm");
        again.Headers.IfNoneMatch.Add(etag);
        Assert.Equal(304, (int)(await site.CreateReader().SendAsync(again)).StatusCode);
        var other = await site.CreateReader().GetAsync("/embed/compare/django-vs-flask?rows=license");
        Assert.NotEqual(etag, other.Headers.ETag);
    }

    internal static Dictionary<string, string> Directives(HttpResponseMessage response) =>
        string.Join(' ', response.Headers.GetValues("Content-Security-Policy"))
            .Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .ToDictionary(d => d.Split(' ')[0], d => d);
}

/// <summary>The SVG badge per fact: what it says, that it escapes everything, and the headers that let other sites show it.</summary>
public sealed class BadgeTests : IDisposable
{
    static readonly XNamespace Svg = "http://www.w3.org/2000/svg";
    const string Hostile = "<script>alert(\"x\")</script> & ]]> '\u0001";
    readonly SiteFactory site;

    public BadgeTests()
    {
        var content = new TestContent();
        content.Replace("frameworks/fastapi.md", "value: BSD-3-Clause", $"value: '{Hostile.Replace("'", "''")}'");
        content.Replace("frameworks/fastapi.md", "name: FastAPI", "name: 'Fast<img src=x onerror=alert(1)>&amp;'");
        site = new SiteFactory(content);
    }

    public void Dispose() => site.Dispose();

    [Fact]
    public async Task SaysTheFrameworkTheAttributeAndTheValueWithAnAccessibleTitle()
    {
        var response = await site.CreateReader().GetAsync("/badge/django/orm.svg");
        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal("image/svg+xml; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        var svg = XDocument.Parse(await response.Content.ReadAsStringAsync()).Root!;
        Assert.Equal(Svg + "svg", svg.Name);
        Assert.Equal("img", svg.Attribute("role")!.Value);
        var title = svg.Element(Svg + "title")!.Value;
        Assert.Equal("Django · Built-in ORM: yes (checked 2 Apr 2025) · FrameworkCompare", title);
        Assert.Equal(title, svg.Attribute("aria-label")!.Value);
        Assert.Equal(["Django · Built-in ORM", "yes"], svg.Descendants(Svg + "text").Select(t => t.Value));
    }

    [Theory]
    [InlineData("/badge/django/rest-api.svg", "unknown")]
    [InlineData("/badge/django/github-stars.svg", "86,000 stars")]
    [InlineData("/badge/django/databases.svg", "PostgreSQL, SQLite")]
    public async Task ShowsEachKindOfValueAsText(string url, string value)
    {
        var svg = XDocument.Parse(await site.CreateReader().GetStringAsync(url)).Root!;
        Assert.Equal(value, svg.Descendants(Svg + "text").Last().Value);
    }

    [Fact]
    public async Task EscapesHostileNamesAndValues()
    {
        var response = await site.CreateReader().GetAsync("/badge/fastapi/license.svg");
        Assert.Equal(200, (int)response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("<script", text);
        Assert.DoesNotContain("<img", text);
        var svg = XDocument.Parse(text).Root!; // well-formed despite a control character in the value
        Assert.Equal(["svg", "title", "rect", "rect", "g", "text", "text"], svg.DescendantsAndSelf().Select(e => e.Name.LocalName));
        Assert.Equal("<script>alert(\"x\")</script> & ]]> ' ", svg.Descendants(Svg + "text").Last().Value);
        Assert.StartsWith("Fast<img src=x onerror=alert(1)>&amp; · License", svg.Element(Svg + "title")!.Value);
    }

    [Fact]
    public async Task OtherSitesMayShowItAndItMayRunNothing()
    {
        var response = await site.CreateReader().GetAsync("/badge/django/license.svg");
        Assert.Equal("cross-origin", response.Headers.GetValues("Cross-Origin-Resource-Policy").Single());
        var directives = EmbedTests.Directives(response);
        Assert.Equal("default-src 'none'", directives["default-src"]);
        Assert.DoesNotContain("script-src", directives.Keys);
        Assert.DoesNotContain("unsafe-inline", string.Join(' ', response.Headers.GetValues("Content-Security-Policy")));
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Contains("public", response.Headers.CacheControl!.ToString());

        var again = new HttpRequestMessage(HttpMethod.Get, "/badge/django/license.svg");
        again.Headers.IfNoneMatch.Add(response.Headers.ETag!);
        Assert.Equal(304, (int)(await site.CreateReader().SendAsync(again)).StatusCode);

        // Pages keep their own rule.
        Assert.Equal("same-origin", (await site.CreateReader().GetAsync("/compare/django-vs-flask")).Headers.GetValues("Cross-Origin-Resource-Policy").Single());
    }

    [Theory]
    [InlineData("/badge/nope/license.svg")]
    [InlineData("/badge/django/nope.svg")]
    [InlineData("/badge/django/license.png")]
    [InlineData("/badge/%3Cscript%3E/%27%3B--.svg")]
    public async Task UnknownFrameworksAndAttributesAre404(string url)
    {
        var response = await site.CreateReader().GetAsync(url);
        Assert.Equal(404, (int)response.StatusCode);
    }
}

/// <summary>The one facts-table partial: every page that shows facts draws them in the same labelled, focusable scroll box.</summary>
public sealed class FactsTableTests(EmbedTests.Site site) : IClassFixture<EmbedTests.Site>
{
    [Theory]
    [InlineData("/compare/django-vs-flask", "facts", new[] { "license", "first-release", "github-stars", "orm", "databases" })]
    [InlineData("/compare/django-vs-flask", "use-cases", new[] { "rest-api" })]
    [InlineData("/frameworks/django", "facts", new[] { "license", "first-release", "github-stars", "orm", "databases", "rest-api" })]
    [InlineData("/embed/compare/django-vs-flask?rows=databases,rest-api", "embed-title", new[] { "databases", "rest-api" })]
    public async Task EachTableSitsInAFocusableRegionNamedByItsHeading(string url, string heading, string[] rows)
    {
        var page = await site.GetDocumentAsync(url);
        var box = page.QuerySelector($"div.table-scroll[aria-labelledby='{heading}']")!;
        Assert.Equal(("region", "0"), (box.GetAttribute("role"), box.GetAttribute("tabindex")));
        Assert.NotNull(page.GetElementById(heading));
        Assert.Equal(rows, box.QuerySelectorAll("table.compare tbody tr[id]").Select(tr => tr.Id));
        Assert.All(box.QuerySelectorAll("tbody td"), td => Assert.NotNull(td.QuerySelector(".value")));
    }
}
