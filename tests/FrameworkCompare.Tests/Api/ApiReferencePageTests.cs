using System.Text.Json;
using FrameworkCompare.Tests.Infrastructure;

namespace FrameworkCompare.Tests.Api;

/// <summary>The reference page people read: made by the site from the OpenAPI document, with no scripts and the data's licence.</summary>
public sealed class ApiReferencePageTests(ApiReferencePageTests.Site site) : IClassFixture<ApiReferencePageTests.Site>
{
    public sealed class Site : SiteFactory;

    [Fact]
    public async Task EveryDocumentedPathHasASectionWithAnExampleThatWorks()
    {
        var document = JsonDocument.Parse(await site.CreateReader().GetStringAsync("/openapi/v1.json")).RootElement;
        var page = await site.GetDocumentAsync("/api");
        var sections = page.QuerySelectorAll("section.api-operation").ToList();
        Assert.Equal(document.GetProperty("paths").EnumerateObject().Select(p => "GET " + p.Name),
            sections.Select(s => s.QuerySelector("h2 code")!.TextContent));
        foreach (var section in sections)
        {
            var example = section.QuerySelector("p a[href^='/api/v1/']")!.GetAttribute("href")!;
            Assert.Equal(200, (int)(await site.CreateReader().GetAsync(example)).StatusCode);
            Assert.Contains("\"license\"", section.QuerySelector("details pre code")!.TextContent);
            Assert.Contains("200", section.QuerySelectorAll("table tbody th").Select(th => th.TextContent));
        }
        var slug = page.QuerySelector("section[aria-labelledby='get-api-v1-frameworks-slug'] table tbody tr")!;
        Assert.Equal(["slug", "path, required", "string"], slug.Children.Take(3).Select(c => c.TextContent));
        Assert.NotNull(page.QuerySelector("#schema-FactDto"));
        Assert.Contains(page.QuerySelectorAll("#schema-FactDto tbody th"), th => th.TextContent == "stale");
    }

    [Fact]
    public async Task ThePageStatesTheLicenceTheAttributionAndTheLimits()
    {
        var page = await site.GetDocumentAsync("/api");
        var license = page.QuerySelector("section[aria-labelledby=license]")!;
        Assert.Equal("https://creativecommons.org/licenses/by/4.0/", license.QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal("Data from FrameworkCompare (http://localhost/), CC BY 4.0.", license.QuerySelector("blockquote")!.TextContent.Trim());
        Assert.Contains("1000000 requests every 60 seconds", page.QuerySelector("section[aria-labelledby=usage]")!.TextContent);
        // Linked from every page's footer, by its route.
        var home = await site.GetDocumentAsync("/");
        Assert.NotNull(home.QuerySelector("footer a[href='/api']"));
    }

    [Fact]
    public async Task ThePageRunsNoInlineScriptAndLoadsNothingFromElsewhere()
    {
        var response = await site.CreateReader().GetAsync("/api");
        Assert.Contains("script-src 'self'", response.Headers.GetValues("Content-Security-Policy").Single());
        var page = await Html.ParseAsync(response);
        Assert.Empty(PageScripts.Disallowed(page));
        Assert.Empty(page.QuerySelectorAll("style, [style]"));
        Assert.All(page.QuerySelectorAll("link[rel=stylesheet], link[rel=icon], img[src], script[src]"),
            e => Assert.StartsWith("/", e.GetAttribute("href") ?? e.GetAttribute("src")));
    }
}
