using FrameworkCompare.Tests.Infrastructure;

namespace FrameworkCompare.Tests;

public sealed class ComparePageTests(ComparePageTests.Site site) : IClassFixture<ComparePageTests.Site>
{
    public sealed class Site : SiteFactory;

    [Fact]
    public async Task ShowsBothFrameworksValuesWithSourcesAndDates()
    {
        var page = await site.GetDocumentAsync("/compare/django-vs-flask");
        Assert.Equal("Django vs Flask", page.QuerySelector("h1")!.TextContent);
        Assert.Equal(["Attribute", "Django", "Flask"], page.QuerySelectorAll("section[aria-labelledby=facts] thead th").Select(th => th.TextContent));

        var orm = page.QuerySelectorAll("tr#orm td");
        Assert.Equal(["Yes", "No"], orm.Select(td => td.QuerySelector(".value")!.TextContent));
        Assert.Equal(["https://django.example.org/orm", "https://flask.example.org/orm"],
            orm.Select(td => td.QuerySelector(".source a")!.GetAttribute("href")));
        Assert.All(orm, td => Assert.Equal("2025-04-02", td.QuerySelector(".source time")!.GetAttribute("datetime")));
        Assert.Equal("Note about Django's ORM", orm[0].QuerySelector(".note")!.TextContent);
    }

    [Fact]
    public async Task RendersEachValueByItsType()
    {
        var page = await site.GetDocumentAsync("/compare/django-vs-flask");
        Assert.Equal("86,000 stars", page.QuerySelector("tr#github-stars td .value")!.TextContent);
        Assert.Equal(["PostgreSQL", "SQLite"], page.QuerySelectorAll("tr#databases td:first-of-type ul.list li").Select(li => li.TextContent));
        Assert.Equal("Unknown", page.QuerySelector("tr#rest-api td .value")!.TextContent);
        Assert.Equal("Nobody has checked this yet.", page.QuerySelector("tr#rest-api td .note")!.TextContent);
    }

    [Fact]
    public async Task GroupsRowsByCategoryInCatalogOrder()
    {
        var page = await site.GetDocumentAsync("/compare/django-vs-flask");
        Assert.Equal(["Overview", "Data"], page.QuerySelectorAll("tr.category th").Select(th => th.TextContent));
        Assert.Equal(["license", "first-release", "github-stars"],
            page.QuerySelectorAll("table.compare tbody")[0].QuerySelectorAll("tr[id]").Select(tr => tr.Id));
    }

    [Fact]
    public async Task ShowsEachFrameworksProsAndCons()
    {
        var page = await site.GetDocumentAsync("/compare/django-vs-flask");
        Assert.Equal(["Django has a strong point. source", "Flask has a strong point. source"],
            page.QuerySelectorAll("ul.pros li").Select(li => string.Join(' ', li.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))));
        Assert.Equal(["Django has a weak point.", "Flask has a weak point."], page.QuerySelectorAll("ul.cons li").Select(li => li.TextContent.Trim()));
    }

    [Theory]
    [InlineData("/compare/flask-vs-django", "/compare/django-vs-flask")]
    [InlineData("/compare/Django-VS-Flask", "/compare/django-vs-flask")]
    [InlineData("/compare/flask-vs-fastapi-vs-django?only=differences", "/compare/django-vs-fastapi-vs-flask?only=differences")]
    public async Task NonCanonicalSelectionsRedirectPermanently(string url, string canonical)
    {
        var response = await site.CreateReader().GetAsync(url);
        Assert.Equal(301, (int)response.StatusCode);
        Assert.Equal(canonical, response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task UnknownFrameworkGets404WithTheClosestSuggestions()
    {
        var page = await site.GetDocumentAsync("/compare/djang-vs-flask", expectedStatus: 404);
        Assert.Equal("Framework not found", page.QuerySelector("h1")!.TextContent);
        Assert.Equal("Django", page.QuerySelector("ul.suggestions li a")!.TextContent);
    }

    [Theory]
    [InlineData("/compare/django", "Pick at least two frameworks")]
    [InlineData("/compare/django-vs-django", "A framework is repeated")]
    [InlineData("/compare/a-vs-b-vs-c-vs-d-vs-e", "Too many frameworks")]
    public async Task BadSelectionsGet400WithAnExplanation(string url, string title)
    {
        var page = await site.GetDocumentAsync(url, expectedStatus: 400);
        Assert.Equal(title, page.QuerySelector("h1")!.TextContent);
    }

    [Fact]
    public async Task OnlyDifferencesHidesAgreeingRowsButNeverUnknowns()
    {
        var page = await site.GetDocumentAsync("/compare/django-vs-flask?only=differences");
        var rows = page.QuerySelectorAll("table.compare tr[id]").Select(tr => tr.Id).ToList();
        Assert.Contains("orm", rows);           // yes vs no
        Assert.Contains("github-stars", rows);  // different numbers
        Assert.Contains("rest-api", rows);      // unknown on both sides: not known to agree
        Assert.DoesNotContain("license", rows); // same everywhere
        Assert.DoesNotContain("databases", rows);
    }

    [Fact]
    public async Task HomeListsFrameworksAndLinksToEveryPair()
    {
        var page = await site.GetDocumentAsync("/");
        Assert.Equal(["Django", "FastAPI", "Flask"], page.QuerySelectorAll(".cards .card h3").Select(h => h.TextContent));
        Assert.Equal(["/compare/django-vs-fastapi", "/compare/django-vs-flask", "/compare/fastapi-vs-flask"],
            page.QuerySelectorAll("ul.pairs a").Select(a => a.GetAttribute("href")).Order());
    }

    [Fact]
    public async Task UnknownUrlGetsTheNotFoundPage()
    {
        var page = await site.GetDocumentAsync("/no/such/page", expectedStatus: 404);
        Assert.Equal("Page not found", page.QuerySelector("h1")!.TextContent);
    }
}

public sealed class StaleFactTests : IDisposable
{
    readonly SiteFactory site;

    public StaleFactTests()
    {
        var content = new TestContent();
        content.Write("frameworks/flask.md", TestContent.Framework("flask", "Flask", orm: "no", checkedOn: "2020-01-15"));
        site = new SiteFactory(content);
    }

    public void Dispose() => site.Dispose();

    [Fact]
    public async Task FactsOlderThanTheStaleAgeAreMarked()
    {
        var page = await site.GetDocumentAsync("/compare/django-vs-flask");
        var orm = page.QuerySelectorAll("tr#orm td");
        Assert.Null(orm[0].QuerySelector(".stale"));
        Assert.Equal("possibly out of date", orm[1].QuerySelector(".stale")!.TextContent);
    }
}
