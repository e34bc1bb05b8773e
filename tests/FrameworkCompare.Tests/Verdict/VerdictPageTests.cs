using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using FrameworkCompare.Tests.Infrastructure;

namespace FrameworkCompare.Tests.Verdict;

/// <summary>The verdict on comparison pages, rule by rule, with scores worked out by hand from <see cref="VerdictContent"/>.</summary>
public sealed class VerdictPageTests(VerdictPageTests.Site site) : IClassFixture<VerdictPageTests.Site>
{
    // Every test here asks for verdicts from the same client: the per-client limit on costly pages is tested elsewhere.
    public sealed class Site : SiteFactory
    {
        public Site() : base(settings: new Dictionary<string, string> { ["RateLimits:CostlyPagePermitLimit"] = "10000" }) => VerdictContent.WriteTo(Content);
    }

    static List<(string Place, string Name, string Score)> Ranking(IHtmlDocument page) =>
        page.QuerySelectorAll("#verdict ~ ol.ranking > li .standing").Select(s => (
            s.QuerySelector(".place")!.TextContent.Trim(), s.QuerySelector("strong")!.TextContent.Trim(), s.QuerySelector(".score")!.TextContent.Trim())).ToList();

    static string Text(IElement? e) => string.Join(' ', (e?.TextContent ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    [Fact]
    public async Task EveryComparisonPageHasThePrioritiesFormButNoVerdictUntilAsked()
    {
        var page = await site.GetDocumentAsync("/compare/django-vs-flask");
        var form = page.QuerySelector("#verdict ~ form.priorities")!;
        Assert.Equal("get", form.GetAttribute("method"));
        Assert.Equal("/compare/django-vs-flask#verdict", form.GetAttribute("action"));
        // Only categories with scored facts can be weighed; the text-only ones cannot.
        Assert.Equal(["w-overview", "w-data", "w-use-cases"], form.QuerySelectorAll("select").Select(s => s.GetAttribute("name")));
        Assert.Equal(["1", "1", "2"], form.QuerySelectorAll("select").Select(s => ((IHtmlSelectElement)s).Value));
        Assert.Equal(["rest-api"], form.QuerySelectorAll("input[type=checkbox][name=use]").Select(i => i.GetAttribute("value")));
        Assert.Empty(page.QuerySelectorAll("ol.ranking"));
        Assert.Equal("/methodology", page.QuerySelector("#verdict ~ p a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task DefaultWeightsRankByPointsPerCategory()
    {
        // Overview: stars 86,000 vs 70,000 → 100 and 81. Data: ORM yes vs no → 100 and 0. Totals 100 and (81.4 + 0) / 2 = 41.
        var page = await site.GetDocumentAsync("/compare/django-vs-flask?verdict=1");
        Assert.Equal([("1st", "Django", "100 / 100"), ("2nd", "Flask", "41 / 100")], Ranking(page));
        var rows = page.QuerySelectorAll("table.scores tbody tr").Select(tr => tr.QuerySelectorAll("th, td").Select(c => c.TextContent.Trim()).ToList()).ToList();
        Assert.Equal([["Overview (1)", "100", "81"], ["Data (1)", "100", "0"]], rows);
        Assert.Equal(["Weighted total", "100", "41"], page.QuerySelectorAll("table.scores tfoot tr > *").Select(c => c.TextContent.Trim()));
    }

    [Fact]
    public async Task TheDecidingFactsLinkToTheirRowsInTheTable()
    {
        var page = await site.GetDocumentAsync("/compare/django-vs-flask?verdict=1");
        var django = page.QuerySelectorAll("ol.ranking > li")[0];
        Assert.Equal(["#orm", "#github-stars"], django.QuerySelectorAll(".deciding .fact a").Select(a => a.GetAttribute("href")));
        Assert.Equal("Ahead on: Built-in ORM (Yes); GitHub stars (86,000 stars)", Text(django.QuerySelector(".deciding")));
        Assert.Equal("Behind on: Built-in ORM (No); GitHub stars (70,000 stars)", Text(page.QuerySelectorAll("ol.ranking > li")[1].QuerySelector(".deciding")));
        foreach (var link in page.QuerySelectorAll("ol.ranking .fact a"))
            Assert.NotNull(page.GetElementById(link.GetAttribute("href")![1..])?.QuerySelector("td"));
    }

    [Fact]
    public async Task PickedUseCasesCountAndCanTurnTheRankingAround()
    {
        // Only use-case fit: REST APIs partial (50) vs yes (100).
        var page = await site.GetDocumentAsync("/compare/django-vs-flask?verdict=1&w-overview=0&w-data=0&use=rest-api");
        Assert.Equal([("1st", "Flask", "100 / 100"), ("2nd", "Django", "50 / 100")], Ranking(page));
        Assert.True(((IHtmlInputElement)page.QuerySelector("input[name=use][value=rest-api]")!).IsChecked);
    }

    [Fact]
    public async Task EqualScoresAreShownAsATie()
    {
        var page = await site.GetDocumentAsync("/compare/bottle-vs-flask?verdict=1");
        Assert.Equal([("Joint 1st", "Bottle", "50 / 100"), ("Joint 1st", "Flask", "50 / 100")], Ranking(page));
        Assert.Equal("Bottle and Flask tie at 50: your weights do not separate them.", Text(page.QuerySelector("p.tie")));
    }

    [Theory]
    [InlineData("/compare/django-vs-flask?verdict=1&w-overview=0&w-data=0")]
    [InlineData("/compare/django-vs-flask?verdict=1&w-overview=0&w-data=0&w-use-cases=0&use=rest-api")]
    public async Task AllZeroWeightsGiveNoRankingAndSaySo(string url)
    {
        var page = await site.GetDocumentAsync(url);
        Assert.Empty(page.QuerySelectorAll("ol.ranking"));
        Assert.Contains("Every priority is at 0", page.QuerySelector("#verdict ~ p.notice")!.TextContent);
        Assert.Equal(["0", "0"], page.QuerySelectorAll("select[name=w-overview], select[name=w-data]").Select(s => ((IHtmlSelectElement)s).Value));
    }

    [Fact]
    public async Task AnUnknownValueIsLeftOutNotCountedAsNo()
    {
        // Quart's ORM is unknown: data is left out of its total (100, from stars alone). Counted as "no" it would tie Flask at 50.
        var page = await site.GetDocumentAsync("/compare/flask-vs-quart?verdict=1");
        Assert.Equal([("1st", "Quart", "100 / 100"), ("2nd", "Flask", "50 / 100")], Ranking(page));
        Assert.Equal(["Data (1)", "0", "no known facts"], page.QuerySelectorAll("table.scores tbody tr")[1].Children.Select(c => c.TextContent.Trim()));
        Assert.Equal(["Quart: 1 unknown value was left out, not counted as no."], page.QuerySelectorAll("ol.ranking .missing").Select(Text));
    }

    [Fact]
    public async Task ANotRecordedValueIsLeftOutNotCountedAsNo()
    {
        // Sanic records no stars: overview is left out and it ties Django at 100. Counted as "no" it would score 50.
        var page = await site.GetDocumentAsync("/compare/django-vs-sanic?verdict=1");
        Assert.Equal([("Joint 1st", "Django", "100 / 100"), ("Joint 1st", "Sanic", "100 / 100")], Ranking(page));
        Assert.Equal(["Sanic: 1 not-recorded value was left out, not counted as no."], page.QuerySelectorAll("ol.ranking .missing").Select(Text));
    }

    [Fact]
    public async Task FourFrameworksRankWithSharedPlaces()
    {
        // Django 100; Quart 81 (stars only, ORM unknown); Bottle and Flask (81 + 0) / 2 = 41, sharing third place.
        var page = await site.GetDocumentAsync("/compare/bottle-vs-django-vs-flask-vs-quart?verdict=1");
        Assert.Equal([("1st", "Django", "100 / 100"), ("2nd", "Quart", "81 / 100"), ("Joint 3rd", "Bottle", "41 / 100"), ("Joint 3rd", "Flask", "41 / 100")], Ranking(page));
        Assert.Equal(["Category (weight)", "Bottle", "Django", "Flask", "Quart"], page.QuerySelectorAll("table.scores thead th").Select(th => th.TextContent));
    }

    [Fact]
    public async Task SingleFactWeightsCount()
    {
        // Stars at 0 leave overview with no weighted fact, so it drops out; the ORM alone decides.
        var page = await site.GetDocumentAsync("/compare/django-vs-flask?verdict=1&a-github-stars=0");
        Assert.Equal([("1st", "Django", "100 / 100"), ("2nd", "Flask", "0 / 100")], Ranking(page));
        Assert.Equal(["Data (1)"], page.QuerySelectorAll("table.scores tbody th").Select(th => th.TextContent));
        Assert.True(page.QuerySelector("details.single-facts")!.HasAttribute("open"));
    }

    [Theory]
    [InlineData("?verdict=1&w-data=3&w-overview=1", "?verdict=1&w-data=3")]
    [InlineData("?w-use-cases=2&use=rest-api&verdict=on&w-data=2&a-orm=1", "?verdict=1&w-data=2&use=rest-api")]
    [InlineData("?verdict=1&only=differences&w-overview=0", "?only=differences&verdict=1&w-overview=0")]
    [InlineData("?verdict=&utm_source=mail", "?verdict=1")]
    public async Task AVerdictsAddressIsRewrittenToListOnlyChangedWeights(string query, string canonical)
    {
        var response = await site.CreateReader().GetAsync("/compare/django-vs-flask" + query);
        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.Equal("/compare/django-vs-flask" + canonical + "#verdict", response.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await site.CreateReader().GetAsync("/compare/django-vs-flask" + canonical)).StatusCode);
    }

    [Fact]
    public async Task TheShareLinkAndTheSubmittedFormLeadToTheSameVerdict()
    {
        const string url = "/compare/django-vs-flask?verdict=1&w-overview=3&a-orm=2&use=rest-api";
        var page = await site.GetDocumentAsync(url);
        Assert.Equal(url + "#verdict", page.QuerySelector("a#share-verdict")!.GetAttribute("href"));
        Assert.Equal("http://localhost" + url + "#verdict", ((IHtmlInputElement)page.QuerySelector("input.share-url")!).Value);

        // What a browser sends when the form is submitted unchanged: every field, defaults included.
        var form = (IHtmlFormElement)page.QuerySelector("form.priorities")!;
        var fields = form.Elements.OfType<IHtmlInputElement>().Where(i => i.Type != "checkbox" || i.IsChecked).Select(i => (i.Name, Value: (string?)i.Value))
            .Concat(form.Elements.OfType<IHtmlSelectElement>().Select(s => (s.Name, s.Value)));
        var submitted = "/compare/django-vs-flask?" + string.Join('&', fields.Select(f => $"{f.Name}={Uri.EscapeDataString(f.Value ?? "")}"));
        var response = await site.CreateReader().GetAsync(submitted);
        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.Equal(url + "#verdict", response.Headers.Location!.OriginalString);
        Assert.Equal(Ranking(page), Ranking(await site.GetDocumentAsync(url)));
    }

    public static TheoryData<string> HostileQueries => new()
    {
        "?verdict=1&w-data=banana&w-overview=-7&a-orm=99999999999999999999999&use=../../etc",
        "?verdict=1&w-data=1e3&w-data=2&w-data=3&use=rest-api&use=rest-api",
        "?verdict=1&w-nope=3&a-nope=3&w-&a-=&use=&w-data=%00",
        "?verdict=1&w-data=" + new string('9', 5000),
        "?verdict=%E2%82%AC&w-%E2%82%AC=2&w-data=%F0%9F%92%A5",
        "?verdict=1&" + string.Join('&', Enumerable.Range(0, 2000).Select(i => $"w-x{i}={i}")),
        "?verdict=1&format=html",
        "?verdict[]=1&w-data[0]=3",
    };

    [Theory]
    [MemberData(nameof(HostileQueries))]
    public async Task OddOrHostileWeightsAreIgnoredOrClampedNever500(string query)
    {
        var reader = site.CreateReader();
        var response = await reader.GetAsync("/compare/django-vs-flask" + query);
        Assert.True((int)response.StatusCode < 500, $"{query[..Math.Min(80, query.Length)]} answered {(int)response.StatusCode}");
        if (response.StatusCode != HttpStatusCode.Found) return;
        var location = response.Headers.Location!.OriginalString;
        Assert.Matches(@"^/compare/django-vs-flask\?verdict=1(&(w|a)-[a-z-]+=[0-3]|&use=[a-z-]+)*#verdict$", location);
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync(location)).StatusCode);
    }

    [Fact]
    public async Task OutOfRangeWeightsAreClamped()
    {
        var response = await site.CreateReader().GetAsync("/compare/django-vs-flask?verdict=1&w-data=7&w-overview=-2&a-orm=banana");
        Assert.Equal("/compare/django-vs-flask?verdict=1&w-overview=0&w-data=3#verdict", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task TheMethodologyPageExplainsTheRulesInUseAndIsInTheSitemap()
    {
        var page = await site.GetDocumentAsync("/methodology");
        Assert.Equal("How the verdict is worked out", page.QuerySelector("h1")!.TextContent);
        Assert.Contains("yes is worth 1, partial 0.5 and no 0 of a point", Text(page.QuerySelector("#points + p + ul")));
        Assert.Contains("Unknown is not no", page.QuerySelector("#unknown")!.TextContent);
        Assert.Equal("/methodology", page.QuerySelector("footer a[href='/methodology']")!.GetAttribute("href"));
        var sitemap = await site.CreateReader().GetStringAsync("/sitemap.xml");
        Assert.Contains("<loc>http://localhost/methodology</loc>", sitemap);
    }
}
