using System.Text.Json;
using AngleSharp.Html.Dom;
using FrameworkCompare.Tests.Infrastructure;

namespace FrameworkCompare.Tests;

public sealed class ReaderPagesTests(ReaderPagesTests.Site site) : IClassFixture<ReaderPagesTests.Site>
{
    public sealed class Site : SiteFactory
    {
        public Site() : base(WithMoreContent()) { }

        static TestContent WithMoreContent()
        {
            var content = new TestContent();
            content.Write("frameworks/express.md", TestContent.Framework("express", "Express")
                .Replace("language: Python", "language: JavaScript").Replace("kind: full-stack", "kind: micro").Replace("first_release: 2010", "first_release: 2009"));
            content.Write("faq/django-or-flask.md", TestContent.Faq("Should I pick Django or Flask?", "[django, flask]").Replace("topic: Choosing", "topic: Learning"));
            content.Write("articles/flask-guide.md", TestContent.Article("flask-guide", "A Flask guide", "[flask]").Replace("published: 2025-03-01", "published: 2025-05-01"));
            return content;
        }
    }

    static IEnumerable<JsonElement> JsonLd(IHtmlDocument page) =>
        page.QuerySelectorAll("script[type='application/ld+json']").Select(s => JsonDocument.Parse(s.TextContent).RootElement);

    static JsonElement JsonLdOfType(IHtmlDocument page, string type) =>
        Assert.Single(JsonLd(page), j => j.GetProperty("@type").GetString() == type);

    static string Text(AngleSharp.Dom.IElement? element) =>
        string.Join(' ', element!.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    [Fact]
    public async Task OneSelectionDrivesEverySectionOfTheComparison()
    {
        var page = await site.GetDocumentAsync("/compare/django-vs-express-vs-flask");
        Assert.Equal(["Django", "Express", "Flask"], page.QuerySelectorAll("section[aria-labelledby=facts] thead th").Skip(1).Select(th => th.TextContent));
        Assert.Equal(["Django", "Express", "Flask"], page.QuerySelectorAll("section[aria-labelledby=use-cases] thead th").Skip(1).Select(th => th.TextContent));
        Assert.Equal(["Choose Django when", "Choose Express when", "Choose Flask when"], page.QuerySelectorAll("#when-to-use ~ .columns h3").Select(h => h.TextContent));
        Assert.Equal(["Django", "Express", "Flask"], page.QuerySelectorAll("section[aria-labelledby=pros-cons] h3").Select(h => h.TextContent));
        // The FAQ about both Django and Flask ranks above the one about Django alone.
        Assert.Equal(["Should I pick Django or Flask?", "Is Django still relevant?"], page.QuerySelectorAll("details.faq summary").Select(s => s.TextContent));
        Assert.Equal(["/articles/django-vs-flask"], page.QuerySelectorAll("section[aria-labelledby=articles] a").Select(a => a.GetAttribute("href")));
        var related = page.QuerySelectorAll("section[aria-labelledby=related] a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains("/compare/django-vs-flask", related);
        Assert.Contains("/compare/django-vs-fastapi", related);
    }

    [Fact]
    public async Task ThePickerPreselectsTheFrameworksOnScreenAndLandsOnTheCanonicalUrl()
    {
        var page = await site.GetDocumentAsync("/compare/django-vs-flask");
        var selects = page.QuerySelectorAll("form.picker select[name=f]").Cast<IHtmlSelectElement>().ToList();
        Assert.Equal(4, selects.Count);
        Assert.Equal(["django", "flask", "", ""], selects.Select(s => s.Value));

        var response = await site.CreateReader().GetAsync("/compare?f=flask&f=&f=Express&f=django");
        Assert.Equal(301, (int)response.StatusCode);
        Assert.Equal("/compare/django-vs-express-vs-flask", response.Headers.Location!.OriginalString);
    }

    [Theory]
    [InlineData("/compare?f=django", 400)]
    [InlineData("/compare?f=django&f=rails", 404)]
    [InlineData("/compare?f=django&f=django", 400)]
    public async Task ThePickerExplainsABadChoice(string url, int status)
    {
        var page = await site.GetDocumentAsync(url, status);
        Assert.NotEmpty(page.QuerySelector("h1")!.TextContent);
    }

    [Fact]
    public async Task ThePickerKeepsWhatWasTickedAndSaysWhatToChange()
    {
        var one = await site.GetDocumentAsync("/compare?f=Django", 400);
        Assert.Equal(["django"], one.QuerySelectorAll("form.picker input[name=f]:checked").Select(i => i.GetAttribute("value")));
        Assert.Equal("You picked one framework: pick at least one more to compare it with.", one.QuerySelector(".error-summary li")!.TextContent);
        Assert.Equal("picker-error", one.QuerySelector("form.picker fieldset")!.GetAttribute("aria-describedby"));

        var repeated = await site.GetDocumentAsync("/compare?f=django&f=flask&f=django", 400);
        Assert.Equal(["django", "flask"], repeated.QuerySelectorAll("form.picker input[name=f]:checked").Select(i => i.GetAttribute("value")));
        Assert.Contains("only once", repeated.QuerySelector(".error-summary li")!.TextContent);

        var fine = await site.GetDocumentAsync("/compare");
        Assert.Null(fine.QuerySelector(".error-summary"));
        Assert.Empty(fine.QuerySelectorAll("form.picker input[name=f]:checked"));
    }

    [Fact]
    public async Task ComparePageWithoutSelectionOffersEveryFramework()
    {
        var page = await site.GetDocumentAsync("/compare");
        // Grouped by language (JavaScript before Python), by name inside a language.
        Assert.Equal(["express", "django", "fastapi", "flask"], page.QuerySelectorAll("form.picker input[name=f]").Select(i => i.GetAttribute("value")));
    }

    [Fact]
    public async Task OnlyDifferencesHasAControlAndSaysHowManyRowsItHid()
    {
        var full = await site.GetDocumentAsync("/compare/django-vs-flask");
        Assert.Equal("/compare/django-vs-flask?only=differences", full.QuerySelector("section[aria-labelledby=facts] p a")!.GetAttribute("href"));
        var diff = await site.GetDocumentAsync("/compare/django-vs-flask?only=differences");
        Assert.Equal("/compare/django-vs-flask", diff.QuerySelector("section[aria-labelledby=facts] p a")!.GetAttribute("href"));
        Assert.Contains("(3 identical rows hidden)", Text(diff.QuerySelector("section[aria-labelledby=facts] p")));
    }

    [Fact]
    public async Task NumbersAreDrawnAsAnAccessibleBarChart()
    {
        var page = await site.GetDocumentAsync("/compare/django-vs-flask");
        var svg = page.QuerySelector("#numbers ~ .charts svg[role=img]")!;
        Assert.Equal("Django: 86,000 stars; Flask: 70,000 stars", svg.QuerySelector("desc")!.TextContent);
        var bars = svg.QuerySelectorAll("rect.bar").Select(r => double.Parse(r.GetAttribute("width")!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.True(bars[0] > bars[1]);
    }

    [Fact]
    public async Task CsvExportHasExactlyTheRowsOnScreenWithSources()
    {
        var csv = await site.CreateReader().GetStringAsync("/compare/django-vs-flask?only=differences&format=csv");
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("attribute,label,framework,status,value,note,source,checked,possibly_stale", lines[0]);
        var attributes = lines.Skip(1).Select(l => l.Split(',')[0]).Distinct().ToList();
        Assert.Equal(["github-stars", "orm", "rest-api"], attributes.Order());
        Assert.Contains("orm,Built-in ORM,django,known,yes,Note about Django's ORM,https://django.example.org/orm,2025-04-02,no", lines);
        Assert.Contains("rest-api,REST APIs,flask,unknown,,Nobody has checked this yet.,,,no", lines);
    }

    [Fact]
    public async Task JsonExportKeepsUnknownApartFromNo()
    {
        var json = JsonDocument.Parse(await site.CreateReader().GetStringAsync("/compare/django-vs-flask?format=json")).RootElement;
        Assert.Equal("/compare/django-vs-flask", json.GetProperty("comparison").GetString());
        var rows = json.GetProperty("rows").EnumerateArray().ToDictionary(r => r.GetProperty("attribute").GetString()!);
        Assert.Equal(6, rows.Count);
        var orm = rows["orm"].GetProperty("values").EnumerateArray().ToList();
        Assert.Equal(["yes", "no"], orm.Select(v => v.GetProperty("value").GetString()));
        Assert.Equal("https://flask.example.org/orm", orm[1].GetProperty("source").GetString());
        Assert.Equal("unknown", rows["rest-api"].GetProperty("values")[0].GetProperty("status").GetString());
        Assert.Equal(["PostgreSQL", "SQLite"], rows["databases"].GetProperty("values")[0].GetProperty("value").EnumerateArray().Select(v => v.GetString()));
    }

    [Fact]
    public async Task UnknownExportFormatIs400()
    {
        var response = await site.CreateReader().GetAsync("/compare/django-vs-flask?format=xlsx");
        Assert.Equal(400, (int)response.StatusCode);
    }

    [Theory]
    [InlineData("/frameworks", new[] { "Django", "Express", "FastAPI", "Flask" })]
    [InlineData("/frameworks?sort=first-release&dir=desc", new[] { "Django", "FastAPI", "Flask", "Express" })]
    [InlineData("/frameworks?language=JavaScript", new[] { "Express" })]
    [InlineData("/frameworks?kind=full-stack&sort=name&dir=desc", new[] { "Flask", "FastAPI", "Django" })]
    [InlineData("/frameworks?sort=%27%3B--&dir=sideways&language=", new[] { "Django", "Express", "FastAPI", "Flask" })]
    public async Task CatalogSortsAndFiltersOnTheServer(string url, string[] names)
    {
        var page = await site.GetDocumentAsync(url);
        Assert.Equal(names, page.QuerySelectorAll("table.catalog tbody th a").Select(a => a.TextContent));
    }

    [Fact]
    public async Task CatalogMarksTheSortedColumn()
    {
        var page = await site.GetDocumentAsync("/frameworks?sort=language");
        var sorted = Assert.Single(page.QuerySelectorAll("table.catalog th[aria-sort]"));
        Assert.Equal("ascending", sorted.GetAttribute("aria-sort"));
        Assert.StartsWith("Language", sorted.TextContent);
    }

    [Fact]
    public async Task ProfileShowsOverviewFactsProsConsAndEveryComparison()
    {
        var page = await site.GetDocumentAsync("/frameworks/flask");
        Assert.Equal("Flask", page.QuerySelector("h1")!.TextContent);
        Assert.Equal("About Flask", page.QuerySelector(".prose h2")!.TextContent);
        Assert.Equal("language-python", page.QuerySelector(".prose pre[data-lang=python] code")!.ClassName);
        Assert.Equal("\"hello\"", page.QuerySelector(".prose pre code .tok-s")!.TextContent);
        Assert.Equal("No", page.QuerySelector("tr#orm td .value")!.TextContent);
        Assert.Equal(["Flask has a strong point. source"], page.QuerySelectorAll("ul.pros li").Select(Text));
        Assert.Equal(["/compare/django-vs-flask", "/compare/express-vs-flask", "/compare/fastapi-vs-flask"],
            page.QuerySelectorAll("section[aria-labelledby=comparisons] a").Select(a => a.GetAttribute("href")).Order());
        Assert.Equal(["/faq/django-or-flask"], page.QuerySelectorAll("section[aria-labelledby=faq] a").Select(a => a.GetAttribute("href")));
    }

    [Fact]
    public async Task UnknownProfileIs404WithSuggestions()
    {
        var page = await site.GetDocumentAsync("/frameworks/flaks", 404);
        Assert.Equal("Flask", page.QuerySelector("ul.suggestions a")!.TextContent);
    }

    [Fact]
    public async Task ArticleHasMetaTableOfContentsAndRelatedLinks()
    {
        var page = await site.GetDocumentAsync("/articles/django-vs-flask");
        Assert.Equal("Django or Flask?", page.QuerySelector("article h1")!.TextContent);
        Assert.Equal(["2025-03-01", "2025-06-10"], page.QuerySelectorAll("article header .meta time").Select(t => t.GetAttribute("datetime")));
        Assert.EndsWith("1 min read", Text(page.QuerySelector("article header .meta")));
        Assert.Equal(["#first-part", "#detail"], page.QuerySelectorAll("nav.toc a").Select(a => a.GetAttribute("href")));
        Assert.NotNull(page.QuerySelector(".prose h2#first-part"));
        Assert.Equal(["python"], page.QuerySelectorAll("ul.tags li").Select(li => li.TextContent));
        Assert.Equal("/compare/django-vs-flask", page.QuerySelector(".callout a")!.GetAttribute("href"));
        Assert.Equal(["/articles/flask-guide"], page.QuerySelectorAll("section[aria-labelledby=related] a").Select(a => a.GetAttribute("href")));
    }

    [Fact]
    public async Task ArticleListIsNewestFirst()
    {
        var page = await site.GetDocumentAsync("/articles");
        Assert.Equal(["A Flask guide", "Django or Flask?"], page.QuerySelectorAll(".article-list h2 a").Select(a => a.TextContent));
    }

    [Fact]
    public async Task FaqIsGroupedByTopicAndEachAnswerHasItsOwnPage()
    {
        var list = await site.GetDocumentAsync("/faq");
        Assert.Equal(["Choosing", "Learning"], list.QuerySelectorAll("main section h2").Select(h => h.TextContent));
        var answer = await site.GetDocumentAsync("/faq/django-or-flask");
        Assert.Equal("Should I pick Django or Flask?", answer.QuerySelector("h1")!.TextContent);
        Assert.Equal("https://docs.djangoproject.com/", answer.QuerySelector(".prose a")!.GetAttribute("href"));
        Assert.Equal("/compare/django-vs-flask", answer.QuerySelector(".callout a")!.GetAttribute("href"));
    }

    [Theory]
    [InlineData("/articles/nope")]
    [InlineData("/faq/nope")]
    [InlineData("/compare/django-vs-flask/extra")]
    public async Task UnknownContentIs404(string url) => await site.GetDocumentAsync(url, 404);

    [Fact]
    public async Task JsonLdIsParsableAndTyped()
    {
        var faq = await site.GetDocumentAsync("/faq/django-or-flask");
        var faqPage = JsonLdOfType(faq, "FAQPage");
        var question = Assert.Single(faqPage.GetProperty("mainEntity").EnumerateArray());
        Assert.Equal("Should I pick Django or Flask?", question.GetProperty("name").GetString());
        Assert.Equal("Answer", question.GetProperty("acceptedAnswer").GetProperty("@type").GetString());
        Assert.Equal("Should I pick Django or Flask? Yes, it is. See the docs.", question.GetProperty("acceptedAnswer").GetProperty("text").GetString());

        var article = JsonLdOfType(await site.GetDocumentAsync("/articles/django-vs-flask"), "Article");
        Assert.Equal("Django or Flask?", article.GetProperty("headline").GetString());
        Assert.Equal("2025-06-10", article.GetProperty("dateModified").GetString());

        var crumbs = JsonLdOfType(await site.GetDocumentAsync("/compare/django-vs-flask"), "BreadcrumbList");
        Assert.Equal(["Home", "Compare", "Django vs Flask"], crumbs.GetProperty("itemListElement").EnumerateArray().Select(i => i.GetProperty("name").GetString()));
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/frameworks")]
    [InlineData("/frameworks/django")]
    [InlineData("/compare")]
    [InlineData("/compare/django-vs-flask")]
    [InlineData("/articles")]
    [InlineData("/articles/django-vs-flask")]
    [InlineData("/faq")]
    [InlineData("/faq/django-or-flask")]
    public async Task EveryPageHasOneH1ACanonicalUrlAndLinkPreviewTags(string url)
    {
        var page = await site.GetDocumentAsync(url);
        Assert.Single(page.QuerySelectorAll("h1"));
        Assert.Equal($"http://localhost{url}", page.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
        Assert.False(string.IsNullOrWhiteSpace(page.QuerySelector("meta[name=description]")!.GetAttribute("content")));
        Assert.Equal(page.Title!.Split(" · ")[0], page.QuerySelector("meta[property='og:title']")!.GetAttribute("content"));
        Assert.NotNull(page.QuerySelector("meta[name='twitter:card']"));
        Assert.Equal("BreadcrumbList", JsonLdOfType(page, "BreadcrumbList").GetProperty("@type").GetString());
    }

    [Theory]
    [InlineData("/", 200)]
    [InlineData("/faq", 200)]
    [InlineData("/compare/django-vs-flask", 200)]
    [InlineData("/compare/flask-vs-django", 301)]
    [InlineData("/articles/nope", 404)]
    public async Task HeadIsAnsweredLikeGet(string url, int status)
    {
        // Kestrel drops the body of a HEAD response; the test server does not, so only the status is compared.
        var response = await site.CreateReader().SendAsync(new HttpRequestMessage(HttpMethod.Head, url));
        Assert.Equal(status, (int)response.StatusCode);
    }

    [Fact]
    public async Task PageTitlesAndDescriptionsAreUnique()
    {
        string[] urls = ["/", "/frameworks", "/frameworks/django", "/frameworks/flask", "/compare", "/compare/django-vs-flask",
            "/compare/django-vs-fastapi", "/articles", "/articles/django-vs-flask", "/articles/flask-guide", "/faq", "/faq/django-or-flask"];
        var pages = await Task.WhenAll(urls.Select(u => site.GetDocumentAsync(u)));
        Assert.Equal(urls.Length, pages.Select(p => p.Title).Distinct().Count());
        Assert.Equal(urls.Length, pages.Select(p => p.QuerySelector("meta[name=description]")!.GetAttribute("content")).Distinct().Count());
    }
}
