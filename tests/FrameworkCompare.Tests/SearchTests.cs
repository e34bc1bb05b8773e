using AngleSharp.Dom;
using FrameworkCompare.Tests.Infrastructure;
using FrameworkCompare.Web.Services;

namespace FrameworkCompare.Tests;

public sealed class SearchTests(SearchTests.Site site) : IClassFixture<SearchTests.Site>
{
    public sealed class Site() : SiteFactory(SearchContent());

    static TestContent SearchContent()
    {
        var content = new TestContent();
        // "pyramid" is in this title only...
        content.Write("articles/pyramid-in-practice.md", Article("pyramid-in-practice", "Pyramid in practice",
            "Routes and views, one at a time.", "How requests find their views."));
        // ...and three times in this body only: unless titles weigh more, this one ranks first.
        content.Write("articles/choosing-a-stack.md", Article("choosing-a-stack", "Choosing a stack",
            "Notes on picking a framework.", "A pyramid of needs: a pyramid of tests, a pyramid of layers."));
        // Markup, and the private-use characters search marks matches with, must all come out as plain text.
        content.Write("faq/is-markup-escaped.md", """
            ---
            question: <script>alert("title")</script> & <b>hostile</b> question
            topic: Safety
            frameworks: [django]
            ---
            The answer shows `<img src=x onerror=alert(1)>` next to the hostile word
            """ + "\uE000<i>fake</i>\uE001 mark.\n");
        return content;
    }

    static string Article(string slug, string title, string summary, string body) => $"""
        ---
        title: {title}
        slug: {slug}
        summary: {summary}
        author: Test Author
        published: 2025-01-01
        frameworks: [django]
        ---
        {body}
        """;

    Task<AngleSharp.Html.Dom.IHtmlDocument> Search(string query) => site.GetDocumentAsync("/search?q=" + Uri.EscapeDataString(query));

    static IEnumerable<IElement> Results(IDocument page) => page.QuerySelectorAll("ol.results li.result");

    [Fact]
    public async Task TitleMatchRanksAboveBodyOnlyMatch()
    {
        var page = await Search("pyramid");
        Assert.Equal(["/articles/pyramid-in-practice", "/articles/choosing-a-stack"],
            Results(page).Select(r => r.QuerySelector("h2 a")!.GetAttribute("href")));
    }

    [Fact]
    public async Task ResultsLinkToTheirPagesAndShowTheirKind()
    {
        var page = await Search("django");
        var results = Results(page).ToDictionary(r => r.QuerySelector("h2 a")!.GetAttribute("href")!, r => r.QuerySelector(".kind")!.TextContent);
        // A query naming one framework offers its profile first.
        Assert.Equal("/frameworks/django", Results(page).First().QuerySelector("h2 a")!.GetAttribute("href"));
        Assert.Equal("Framework", results["/frameworks/django"]);
        Assert.Equal("Article", results["/articles/django-vs-flask"]);
        Assert.Equal("FAQ", results["/faq/is-django-still-relevant"]);
        Assert.Matches(@"^\d+ results for “django”(, the best 10 shown)?\.$", page.QuerySelector(".result-count")!.TextContent);
    }

    [Fact]
    public async Task MatchesAreMarkedInTitleAndSnippet()
    {
        var result = Results(await Search("pyramid practice")).First();
        Assert.Equal(["Pyramid", "practice"], result.QuerySelectorAll("h2 a mark").Select(m => m.TextContent));
        Assert.Equal("Pyramid in practice", result.QuerySelector("h2 a")!.TextContent);
    }

    [Fact]
    public async Task SnippetHighlightsBodyMatchesWithMarkElements()
    {
        var result = Results(await Search("pyramid")).Single(r => r.QuerySelector("h2 a")!.GetAttribute("href") == "/articles/choosing-a-stack");
        var snippet = result.QuerySelector(".snippet")!;
        Assert.Equal(["pyramid", "pyramid", "pyramid"], snippet.QuerySelectorAll("mark").Select(m => m.TextContent));
        Assert.Contains("A pyramid of needs", snippet.TextContent);
    }

    [Fact]
    public async Task StoredMarkupIsShownAsTextNeverAsElements()
    {
        var result = Assert.Single(Results(await Search("hostile")));
        var title = result.QuerySelector("h2 a")!;
        Assert.Equal("<script>alert(\"title\")</script> & <b>hostile</b> question", title.TextContent);
        Assert.Equal(["hostile"], title.QuerySelectorAll("mark").Select(m => m.TextContent));
        Assert.Equal(["MARK"], title.Descendants<IElement>().Select(e => e.TagName).Distinct());

        var snippet = result.QuerySelector(".snippet")!;
        Assert.Contains("<img src=x onerror=alert(1)>", snippet.TextContent);
        Assert.Contains("\uE000<i>fake</i>\uE001", snippet.TextContent);
        Assert.Equal(["hostile"], snippet.QuerySelectorAll("mark").Select(m => m.TextContent));
        Assert.Equal(["MARK"], snippet.Descendants<IElement>().Select(e => e.TagName).Distinct());
    }

    [Fact]
    public async Task LastWordAlsoMatchesAsAPrefix()
    {
        var page = await Search("pyram");
        Assert.Equal(2, Results(page).Count());
    }

    [Fact]
    public async Task PagesWithEveryWordComeBeforePagesWithSome()
    {
        var page = await Search("pyramid needs");
        var results = Results(page).ToList();
        Assert.Equal(["/articles/choosing-a-stack", "/articles/pyramid-in-practice"], results.Select(r => r.QuerySelector("h2 a")!.GetAttribute("href")));
        Assert.DoesNotContain("partial", results[0].ClassList);
        Assert.Contains("partial", results[1].ClassList);
        Assert.Equal("1 result for “pyramid needs”.", page.QuerySelector(".result-count")!.TextContent);
    }

    [Fact]
    public async Task EmptyQueryShowsTheFormAndAHint()
    {
        var page = await site.GetDocumentAsync("/search");
        Assert.Equal("Search", Assert.Single(page.QuerySelectorAll("h1")).TextContent);
        var input = page.QuerySelector("main form[action='/search'] input[type=search][name=q]")!;
        Assert.Equal(input.Id, page.QuerySelector("main form label")!.GetAttribute("for"));
        Assert.NotNull(page.QuerySelector("main form button[type=submit]"));
        Assert.NotNull(page.QuerySelector("main p.hint"));
        Assert.Null(page.QuerySelector(".result-count"));
        Assert.Equal("noindex", page.QuerySelector("meta[name=robots]")!.GetAttribute("content"));
        Assert.Empty(Results(page));
    }

    [Theory]
    [InlineData("\"django\"")]
    [InlineData("'django'")]
    [InlineData("\"")]
    [InlineData("\"\"\"")]
    [InlineData("AND (")]
    [InlineData("django AND (flask OR")]
    [InlineData("*")]
    [InlineData("django*")]
    [InlineData("NEAR")]
    [InlineData("NEAR(django flask, 2)")]
    [InlineData("-")]
    [InlineData("django -flask")]
    [InlineData(":")]
    [InlineData("title:django")]
    [InlineData("{Title Body}: django")]
    [InlineData("^django + flask")]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\t\r\n")]
    [InlineData("日本語のフレームワーク")]
    [InlineData("إطار عمل الويب")]
    [InlineData("🎉🚀")]
    [InlineData("django 🐍 flask")]
    [InlineData("\u0000\u0001django\u001f\u007f")]
    [InlineData("\uE000django\uE001")]
    [InlineData("\uD83D")]
    public async Task HostileQueriesGetAPageNotAnError(string query)
    {
        var page = await Search(query);
        Assert.Single(page.QuerySelectorAll("h1"));
        Assert.NotNull(page.QuerySelector("main input[type=search][name=q]"));
    }

    [Fact]
    public async Task VeryLongQueriesAreCapped()
    {
        var page = await Search(string.Concat(Enumerable.Repeat("django flask ", 800)));
        var value = page.QuerySelector("main input[name=q]")!.GetAttribute("value")!;
        Assert.InRange(value.Length, 1, 200);
        Assert.NotEmpty(Results(page));
    }

    [Fact]
    public void OperatorsQuotesAndEmojiOnlySeparateWords()
    {
        Assert.Equal(["django", "and", "flask", "near", "日本語"], SearchService.Terms("Django AND (flask* \"NEAR\" -django: 日本語 🐍"));
    }

    [Fact]
    public void QueriesAreCappedInLengthAndWords()
    {
        Assert.Equal(SearchService.MaxTerms, SearchService.Terms(string.Join(' ', Enumerable.Range(1, 30).Select(i => $"w{i}"))).Count);
        var emoji = string.Concat(Enumerable.Repeat("🐍", 150));
        var cleaned = SearchService.Clean("a" + emoji);
        Assert.Equal(SearchService.MaxQueryLength - 1, cleaned.Length);
        Assert.False(char.IsHighSurrogate(cleaned[^1]));
    }

    [Fact]
    public async Task QueryWithoutWordsSaysSo()
    {
        var page = await Search("*** ---");
        Assert.Equal("0 results for “*** ---”.", page.QuerySelector(".result-count")!.TextContent);
        Assert.Empty(Results(page));
    }
}
