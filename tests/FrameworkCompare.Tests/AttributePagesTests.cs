using FrameworkCompare.Tests.Infrastructure;

namespace FrameworkCompare.Tests;

/// <summary>One attribute across every framework (/attributes/{key}) and the list of attributes (/attributes).</summary>
public sealed class AttributePagesTests(AttributePagesTests.Site site) : IClassFixture<AttributePagesTests.Site>
{
    public sealed class Site : SiteFactory
    {
        public Site() : base(WithAStaleFact()) { }

        static TestContent WithAStaleFact()
        {
            var content = new TestContent();
            // Checked years ago: possibly out of date whatever today's date is.
            content.Write("frameworks/flask.md", TestContent.Framework("flask", "Flask", orm: "no", stars: "70000", checkedOn: "2019-01-02"));
            return content;
        }
    }

    static string Text(AngleSharp.Dom.IElement element) => string.Join(' ', element.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    [Fact]
    public async Task AnAttributePageShowsEveryFrameworksValueWithItsSourceAndMarks()
    {
        var page = await site.GetDocumentAsync("/attributes/orm");
        Assert.Equal("Built-in ORM across every framework", Text(page.QuerySelector("h1")!));
        var rows = page.QuerySelectorAll("table.attribute-across tbody tr");
        Assert.Equal(["Django", "FastAPI", "Flask"], rows.Select(r => r.QuerySelector("th a")!.TextContent));
        Assert.Equal(["/frameworks/django", "/frameworks/fastapi", "/frameworks/flask"], rows.Select(r => r.QuerySelector("th a")!.GetAttribute("href")));
        Assert.Equal("https://django.example.org/orm", rows[0].QuerySelector("td a[href^='https://django']")!.GetAttribute("href"));
        Assert.Contains("Yes", Text(rows[0].QuerySelector("td")!));
        Assert.Contains("No", Text(rows[2].QuerySelector("td")!));
        Assert.NotNull(rows[2].QuerySelector("td .stale"));
        Assert.Null(rows[0].QuerySelector("td .stale"));
        Assert.Contains("Known for 3 of 3 frameworks; 1 possibly out of date", Text(page.QuerySelector("main")!));
        Assert.Equal("http://localhost/attributes/orm", page.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
    }

    [Fact]
    public async Task SortingByValuePutsTheLargestNumberFirstAndKeepsThePlainPageCanonical()
    {
        var page = await site.GetDocumentAsync("/attributes/github-stars?sort=value");
        Assert.Equal(["FastAPI", "Django", "Flask"], page.QuerySelectorAll("table.attribute-across tbody th a").Select(a => a.TextContent));
        Assert.Equal("http://localhost/attributes/github-stars", page.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
        Assert.Equal("/attributes/github-stars", page.QuerySelector(".sort-links a")!.GetAttribute("href"));

        var yesFirst = await site.GetDocumentAsync("/attributes/orm?sort=value");
        Assert.Equal("Django", yesFirst.QuerySelector("table.attribute-across tbody th a")!.TextContent);
    }

    [Fact]
    public async Task AnUnknownAttributeIsNotFoundAndUpperCaseRedirects()
    {
        await site.GetDocumentAsync("/attributes/no-such-fact", 404);
        await site.GetDocumentAsync("/attributes/%20", 404);
        var odd = await site.CreateReader().GetAsync("/attributes/orm?sort=price");
        Assert.Equal(301, (int)odd.StatusCode);
        Assert.Equal("/attributes/orm", odd.Headers.Location!.OriginalString);
        var response = await site.CreateReader().GetAsync("/attributes/ORM?sort=value");
        Assert.Equal(301, (int)response.StatusCode);
        Assert.Equal("/attributes/orm?sort=value", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task TheListNamesEveryAttributeByCategoryAndComparisonRowsLinkToThem()
    {
        var list = await site.GetDocumentAsync("/attributes");
        Assert.Equal(["Overview", "Data", "Use-case fit"], list.QuerySelectorAll("main h2").Select(h => h.TextContent));
        Assert.Equal(["/attributes/license", "/attributes/first-release", "/attributes/github-stars"],
            list.QuerySelectorAll("section[aria-labelledby=c-overview] li a").Select(a => a.GetAttribute("href")));
        Assert.Contains("known for 0 of 3", Text(list.QuerySelector("a[href='/attributes/rest-api']")!.ParentElement!));

        var comparison = await site.GetDocumentAsync("/compare/django-vs-flask");
        Assert.Equal("/attributes/orm", comparison.QuerySelector("section[aria-labelledby=facts] tr#orm th a")!.GetAttribute("href"));

        var sitemap = await (await site.CreateReader().GetAsync("/sitemap.xml")).Content.ReadAsStringAsync();
        Assert.Contains("http://localhost/attributes/orm</loc>", sitemap);
        Assert.Contains("http://localhost/attributes</loc>", sitemap);
    }

    [Fact]
    public async Task TheAttributeDownloadsAsCsvAndJsonWithItsSources()
    {
        var client = site.CreateReader();
        var csv = await client.GetAsync("/attributes/orm?format=csv");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        var lines = (await csv.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("attribute,label,framework,status,value,note,source,checked,possibly_stale", lines[0]);
        Assert.StartsWith("orm,Built-in ORM,flask,known,no,Note about Flask's ORM,https://flask.example.org/orm,2019-01-02,yes", lines[3]);

        var json = System.Text.Json.JsonDocument.Parse(await client.GetStringAsync("/attributes/github-stars?format=json")).RootElement;
        Assert.Equal("overview", json.GetProperty("category").GetString());
        Assert.Equal("github-stars", json.GetProperty("row").GetProperty("attribute").GetString());
        Assert.Equal(["86000", "90000", "70000"], json.GetProperty("row").GetProperty("values").EnumerateArray().Select(v => v.GetProperty("value").GetString()));
        Assert.Equal(400, (int)(await client.GetAsync("/attributes/orm?format=xml")).StatusCode);
    }
}
