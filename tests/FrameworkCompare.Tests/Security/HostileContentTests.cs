using System.Text.Json;
using System.Xml.Linq;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using FrameworkCompare.Tests.Infrastructure;

namespace FrameworkCompare.Tests.Security;

/// <summary>Every XSS vector goes through article bodies and titles, FAQ answers, framework names, summaries, pros and cons.</summary>
public sealed class HostileContentTests(HostileContentTests.Site site) : IClassFixture<HostileContentTests.Site>
{
    public sealed class Site : SiteFactory
    {
        public Site() : base(XssVectors.WriteContent(new TestContent())) { }
    }

    public static TheoryData<int> Vectors => new(Enumerable.Range(0, XssVectors.All.Length));

    [Fact]
    public void EveryHostileFileWasImported()
    {
        var count = XssVectors.All.Length;
        Assert.Equal(count + 3, site.Query(db => db.Frameworks.Count()));
        Assert.Equal(count + 1, site.Query(db => db.Articles.Count()));
        Assert.Equal(count + 1, site.Query(db => db.FaqEntries.Count()));
    }

    [Theory]
    [MemberData(nameof(Vectors))]
    public async Task EveryPageCarryingTheVectorStaysInert(int i)
    {
        foreach (var url in new[] { $"/articles/xss-{i}", $"/faq/xss-{i}", $"/frameworks/x{i}", $"/compare/django-vs-x{i}" })
            AssertInert(await site.GetDocumentAsync(url), url);
        // The badge names the framework: it stays well-formed SVG with only its own elements and no event attributes.
        var badge = XDocument.Parse(await site.CreateReader().GetStringAsync($"/badge/x{i}/orm.svg")).Root!;
        Assert.Equal(["svg", "title", "rect", "rect", "g", "text", "text"], badge.DescendantsAndSelf().Select(e => e.Name.LocalName));
        Assert.DoesNotContain(badge.DescendantsAndSelf().SelectMany(e => e.Attributes()), a => a.Name.LocalName.StartsWith("on", StringComparison.OrdinalIgnoreCase) || a.Name.LocalName == "href");
    }

    [Fact]
    public async Task ListsFeedAndSitemapStayInert()
    {
        foreach (var url in new[] { "/", "/frameworks", "/compare", "/articles", "/faq" })
            AssertInert(await site.GetDocumentAsync(url), url);
        foreach (var url in new[] { "/feed.xml", "/sitemap.xml" })
            XDocument.Parse(await site.CreateReader().GetStringAsync(url));
    }

    [Fact]
    public async Task FrameworkNamesReachThePageAsText()
    {
        var page = await site.GetDocumentAsync("/frameworks/x0");
        Assert.Equal("<script>alert(1)</script>", page.QuerySelector("h1")!.TextContent);
        var article = await site.GetDocumentAsync("/articles/xss-28");
        Assert.Equal("</title><script>alert(1)</script>", article.QuerySelector("article h1")!.TextContent);
        var headline = article.QuerySelectorAll("script[type='application/ld+json']")
            .Select(s => JsonDocument.Parse(s.TextContent).RootElement)
            .Single(j => j.GetProperty("@type").GetString() == "Article").GetProperty("headline").GetString();
        Assert.Equal("</title><script>alert(1)</script>", headline);
    }

    [Fact]
    public async Task UnsafeLinksAreDroppedButTheirTextStays()
    {
        var page = await site.GetDocumentAsync("/faq/xss-4"); // [click](javascript:alert(1))
        Assert.Contains("click", page.QuerySelector(".prose")!.TextContent);
        Assert.DoesNotContain(page.QuerySelectorAll(".prose a"), a => a.TextContent == "click");
    }

    static readonly string[] ForbiddenElements = ["iframe", "object", "embed", "frame", "frameset", "base", "style", "math", "applet", "noscript", "template", "textarea:not(.embed-code textarea[readonly])", "select:not(form.picker select):not(form.filters select)"];
    static readonly string[] UrlAttributes = ["href", "src", "action", "formaction", "xlink:href", "data", "background", "poster", "srcset", "lowsrc", "dynsrc"];

    static void AssertInert(IHtmlDocument page, string url)
    {
        foreach (var script in page.QuerySelectorAll("script"))
        {
            Assert.True(PageScripts.IsAllowed(script), $"{url}: executable script {script.OuterHtml}");
            if (script.GetAttribute("type") == "application/ld+json") JsonDocument.Parse(script.TextContent);
        }
        foreach (var selector in ForbiddenElements)
            Assert.True(page.QuerySelector(selector) is null, $"{url}: element {selector}");
        Assert.True(page.Body!.QuerySelector("svg:not(.chart svg)") is null, $"{url}: svg outside a chart");
        Assert.True(page.Body.QuerySelector("link, meta") is null, $"{url}: link or meta in body");
        foreach (var element in page.All)
        {
            foreach (var attribute in element.Attributes)
            {
                Assert.False(attribute.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase), $"{url}: {element.LocalName} has {attribute.Name}");
                Assert.False(attribute.Name.Equals("style", StringComparison.OrdinalIgnoreCase), $"{url}: {element.LocalName} has a style attribute");
                if (UrlAttributes.Contains(attribute.Name.ToLowerInvariant()))
                    Assert.True(IsSafeUrl(attribute.Value), $"{url}: {element.LocalName} {attribute.Name}=\"{attribute.Value}\"");
            }
        }
        // Copy-ready embed and badge code holds names as text: each box arrives whole, none closed early, and pasted
        // into another site it is still one iframe or one link with an image: a name cannot add markup there.
        foreach (var code in page.QuerySelectorAll(".embed-code textarea"))
        {
            string[] expected = code.Id == "badge-markdown" ? ["html", "head", "body"] : code.Id == "badge-html" ? ["html", "head", "body", "a", "img"] : ["html", "head", "body", "iframe"];
            var pasted = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(code.TextContent);
            Assert.Equal(expected, pasted.All.Select(e => e.LocalName));
            Assert.All(pasted.All, e => Assert.DoesNotContain(e.Attributes, a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase)));
        }
        foreach (var form in page.QuerySelectorAll("form"))
            Assert.StartsWith("/", form.GetAttribute("action"));
    }

    static bool IsSafeUrl(string value)
    {
        var compact = new string(value.Where(c => !char.IsWhiteSpace(c) && !char.IsControl(c)).ToArray()).ToLowerInvariant();
        return !(compact.StartsWith("javascript:") || compact.StartsWith("vbscript:") || compact.StartsWith("data:"));
    }
}
