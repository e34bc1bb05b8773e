using System.Text.RegularExpressions;
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
        // Each source is named by its site, not a row of identical "Source" links.
        Assert.Equal(["django.example.org", "flask.example.org"], orm.Select(td => td.QuerySelector(".source a")!.TextContent));
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
        Assert.Equal(["Django", "FastAPI", "Flask"], page.QuerySelectorAll(".cards .card h4").Select(h => h.TextContent));
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

/// <summary>A catalog of a dozen frameworks in four languages: pickers and lists grouped by language, related links capped and same-language first, the sitemap with pairs only.</summary>
public sealed class ManyLanguagesTests(ManyLanguagesTests.Site site) : IClassFixture<ManyLanguagesTests.Site>
{
    public sealed class Site() : SiteFactory(Content());

    static readonly (string Slug, string Name, string Language)[] Extra =
    [
        ("rails", "Rails", "Ruby"), ("sinatra", "Sinatra", "Ruby"), ("hanami", "Hanami", "Ruby"),
        ("laravel", "Laravel", "PHP"), ("symfony", "Symfony", "PHP"), ("slim", "Slim", "PHP"),
        ("gin", "Gin", "Go"), ("echo", "Echo", "Go"), ("fiber", "Fiber", "Go"),
    ];

    static TestContent Content()
    {
        var content = new TestContent();
        foreach (var (slug, name, language) in Extra)
            content.Write($"frameworks/{slug}.md", TestContent.Framework(slug, name).Replace("language: Python", $"language: {language}"));
        return content;
    }

    [Fact]
    public async Task HomeGroupsFrameworksUnderALanguageHeading()
    {
        var page = await site.GetDocumentAsync("/");
        var sections = page.QuerySelectorAll("section.language").ToList();
        Assert.Equal(["Go", "PHP", "Python", "Ruby"], sections.Select(s => s.QuerySelector("h3")!.TextContent));
        Assert.All(sections, s => Assert.Equal(s.QuerySelector("h3")!.Id, s.GetAttribute("aria-labelledby")));
        Assert.Equal(["Hanami", "Rails", "Sinatra"], sections[3].QuerySelectorAll(".card h4").Select(h => h.TextContent));
        // The quick picker groups its options the same way, without script.
        var select = page.QuerySelector("form.picker select[name=f]")!;
        Assert.Equal(["Go", "PHP", "Python", "Ruby"], select.QuerySelectorAll("optgroup").Select(g => g.GetAttribute("label")));
        Assert.Equal(["django", "fastapi", "flask"], select.QuerySelectorAll("optgroup[label=Python] option").Select(o => o.GetAttribute("value")));
        Assert.Empty(PageScripts.Disallowed(page));
    }

    [Fact]
    public async Task HomeLinksEveryPairOnceWithinAndAcrossLanguages()
    {
        var page = await site.GetDocumentAsync("/");
        var pairs = page.QuerySelectorAll("ul.pairs a").Select(a => a.GetAttribute("href")!).ToList();
        Assert.Equal(12 * 11 / 2, pairs.Count);
        Assert.Equal(pairs.Count, pairs.Distinct().Count());
        Assert.Equal(["Within Go", "Within PHP", "Within Python", "Within Ruby", "Across languages"],
            page.QuerySelectorAll("h2 ~ h3[id^=pairs-]").Select(h => h.TextContent));
        Assert.Equal(["/compare/hanami-vs-rails", "/compare/hanami-vs-sinatra", "/compare/rails-vs-sinatra"],
            page.QuerySelectorAll("ul.pairs[aria-labelledby=pairs-ruby] a").Select(a => a.GetAttribute("href")));
        Assert.Equal(3, page.QuerySelectorAll("details.pairs-group summary").Length);
    }

    [Fact]
    public async Task ThePickerHasAFieldsetPerLanguage()
    {
        var page = await site.GetDocumentAsync("/compare");
        var groups = page.QuerySelectorAll("form.picker fieldset.language").ToList();
        Assert.Equal(["Go", "PHP", "Python", "Ruby"], groups.Select(g => g.QuerySelector("legend")!.TextContent));
        Assert.Equal(["laravel", "slim", "symfony"], groups[1].QuerySelectorAll("input[type=checkbox][name=f]").Select(i => i.GetAttribute("value")));
        Assert.Equal(12, page.QuerySelectorAll("form.picker input[name=f]").Length);

        var compare = await site.GetDocumentAsync("/compare/django-vs-rails");
        var select = compare.QuerySelector("form.picker select[name=f]")!;
        Assert.Equal(["Go", "PHP", "Python", "Ruby"], select.QuerySelectorAll("optgroup").Select(g => g.GetAttribute("label")));
        Assert.Equal("django", select.QuerySelector("option[selected]")!.GetAttribute("value"));
    }

    [Fact]
    public async Task RelatedComparisonsAreAtMostEightAndSameLanguageFirst()
    {
        var page = await site.GetDocumentAsync("/compare/django-vs-rails");
        var related = page.QuerySelectorAll("section[aria-labelledby=related] a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(8, related.Count);
        Assert.Equal(["/compare/django-vs-fastapi", "/compare/django-vs-flask", "/compare/hanami-vs-rails", "/compare/rails-vs-sinatra"], related.Take(4));

        var three = await site.GetDocumentAsync("/compare/gin-vs-laravel-vs-rails");
        var links = three.QuerySelectorAll("section[aria-labelledby=related] a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(8, links.Count);
        // The pairs inside the selection come first, then same-language neighbours.
        Assert.Equal(["/compare/gin-vs-laravel", "/compare/gin-vs-rails", "/compare/laravel-vs-rails", "/compare/echo-vs-gin", "/compare/fiber-vs-gin"], links.Take(5));
    }

    [Fact]
    public async Task TheCatalogFiltersByAnyLanguage()
    {
        var page = await site.GetDocumentAsync("/frameworks?language=PHP");
        Assert.Equal(["Laravel", "Slim", "Symfony"], page.QuerySelectorAll("table.catalog tbody th a").Select(a => a.TextContent));
        Assert.Equal(["Any", "Go", "PHP", "Python", "Ruby"], page.QuerySelectorAll("select[name=language] option").Select(o => o.TextContent));
        Assert.Equal("PHP", page.QuerySelector("select[name=language] option[selected]")!.TextContent);
    }

    [Fact]
    public async Task TheSitemapListsOnlyComparisonsOfTwo()
    {
        var response = await site.CreateReader().GetAsync("/sitemap.xml");
        var xml = System.Xml.Linq.XDocument.Parse(await response.Content.ReadAsStringAsync());
        System.Xml.Linq.XNamespace ns = "http://www.sitemaps.org/schemas/sitemap/0.9";
        var comparisons = xml.Root!.Elements(ns + "url").Select(u => u.Element(ns + "loc")!.Value).Where(u => u.Contains("/compare/")).ToList();
        Assert.Equal(12 * 11 / 2, comparisons.Count);
        Assert.All(comparisons, u => Assert.Single(Regex.Matches(u, "-vs-")));
        // Larger comparisons are not listed but still answer.
        await site.GetDocumentAsync("/compare/gin-vs-laravel-vs-rails");
    }
}
