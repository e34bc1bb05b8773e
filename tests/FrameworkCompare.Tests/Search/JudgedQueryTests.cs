using System.Text.Json;
using AngleSharp.Dom;

namespace FrameworkCompare.Tests.Search;

/// <summary>The judged set (judged-queries.json): each query, searched on the shipped content, shows its page in the top three.</summary>
public sealed class JudgedQueryTests(ShippedContentTests.Site site) : IClassFixture<ShippedContentTests.Site>
{
    public sealed record Judged(string Kind, string Query, string Expect, bool First);

    static readonly Lazy<List<Judged>> Set = new(() =>
    {
        using var file = File.OpenRead(Path.Combine(AppContext.BaseDirectory, "Search", "judged-queries.json"));
        var json = JsonDocument.Parse(file);
        return json.RootElement.GetProperty("queries").EnumerateArray().Select(q => new Judged(
            q.GetProperty("kind").GetString()!, q.GetProperty("query").GetString()!, q.GetProperty("expect").GetString()!,
            q.TryGetProperty("first", out var first) && first.GetBoolean())).ToList();
    });

    public static TheoryData<string, string, bool> Queries()
    {
        var data = new TheoryData<string, string, bool>();
        foreach (var q in Set.Value) data.Add(q.Query, q.Expect, q.First);
        return data;
    }

    [Theory]
    [MemberData(nameof(Queries))]
    public async Task TheJudgedPageIsInTheTopThree(string query, string expect, bool first)
    {
        var page = await site.GetDocumentAsync("/search?q=" + Uri.EscapeDataString(query));
        var top = page.QuerySelectorAll("ol.results li.result h2 a").Select(a => a.GetAttribute("href")!).Take(3).ToList();
        if (first) Assert.True(top.FirstOrDefault() == expect, $"“{query}”: expected {expect} first, got {string.Join(", ", top)}");
        else Assert.True(top.Contains(expect), $"“{query}”: expected {expect} in the top three, got {string.Join(", ", top)}");
    }

    [Fact]
    public void TheSetIsLargeAndCoversEveryKindOfQuery()
    {
        Assert.True(Set.Value.Count >= 40, $"{Set.Value.Count} judged queries");
        foreach (var kind in new[] { "comparison", "fact", "typo", "synonym", "prefix", "question", "profile" })
            Assert.Contains(Set.Value, q => q.Kind == kind);
        // The examples of issue #14's first paragraph.
        Assert.Contains(Set.Value, q => q is { Query: "django vs flask", Expect: "/compare/django-vs-flask", First: true });
        Assert.Contains(Set.Value, q => q.Query == "djnago admin");
        Assert.Contains(Set.Value, q => q.Query == "job market");
        Assert.Contains(Set.Value, q => q is { Query: "fastapi websockets", First: true });
    }

    [Fact]
    public async Task AFactResultShowsItsValueSourceAndDateAndLinksToItsRows()
    {
        var page = await site.GetDocumentAsync("/search?q=fastapi+websockets");
        var fact = page.QuerySelector("ol.results li.result")!;
        Assert.Equal("fact", fact.GetAttribute("data-kind"));
        Assert.Equal("FastAPI: WebSockets", fact.QuerySelector("h2 a")!.TextContent);
        Assert.NotEmpty(fact.QuerySelector(".fact-value .value")!.TextContent.Trim());
        Assert.StartsWith("http", fact.QuerySelector(".fact-value .source a")!.GetAttribute("href"));
        Assert.NotNull(fact.QuerySelector(".fact-value .source time[datetime]"));
        Assert.Equal("/frameworks/fastapi#websockets", fact.QuerySelector("a.profile-row")!.GetAttribute("href"));
        Assert.Equal("/attributes/websockets#fastapi", fact.QuerySelector("a.attribute-row")!.GetAttribute("href"));
        Assert.Equal("WebSockets across every framework", fact.QuerySelector("a.attribute-row")!.TextContent);
        // The anchors exist on the pages the links lead to.
        var profile = await site.GetDocumentAsync("/frameworks/fastapi");
        Assert.NotNull(profile.GetElementById("websockets"));
        var across = await site.GetDocumentAsync("/attributes/websockets");
        Assert.NotNull(across.GetElementById("fastapi"));
    }

    [Fact]
    public async Task ATypoIsCorrectedWithAWayBackToTheWordsAsTyped()
    {
        var page = await site.GetDocumentAsync("/search?q=djnago+admin");
        var corrected = page.QuerySelector("p.corrected")!;
        Assert.Equal("django admin", corrected.QuerySelector("strong")!.TextContent);
        var exact = corrected.QuerySelector("a.exact")!;
        Assert.Equal("Search instead for “djnago admin”", exact.TextContent);

        var asTyped = await site.GetDocumentAsync(exact.GetAttribute("href")!);
        Assert.Null(asTyped.QuerySelector("p.corrected"));
        Assert.Equal("djnago admin", asTyped.QuerySelector("main input[name=q]")!.GetAttribute("value"));
        // No page has "djnago": what is shown has only some of the words.
        Assert.All(asTyped.QuerySelectorAll("ol.results li.result"), li => Assert.Contains("partial", li.ClassList));
    }

    [Fact]
    public async Task AnEmptyResultOffersCloseFrameworksFaqTopicsAndThePicker()
    {
        var page = await site.GetDocumentAsync("/search?q=flaskk+zzqxv&exact=1");
        Assert.Empty(page.QuerySelectorAll("ol.results li"));
        Assert.Contains(page.QuerySelectorAll(".ways-on .close-frameworks a"), a => a.GetAttribute("href") == "/frameworks/flask");
        Assert.Contains(page.QuerySelectorAll(".ways-on .faq-topics a"), a => a.GetAttribute("href")!.StartsWith("/faq#topic-"));
        Assert.Equal("/compare", page.QuerySelector(".ways-on a.picker")!.GetAttribute("href"));
        // Each topic link leads to a heading on the FAQ page.
        var faq = await site.GetDocumentAsync("/faq");
        foreach (var topic in page.QuerySelectorAll(".ways-on .faq-topics a"))
            Assert.NotNull(faq.GetElementById(topic.GetAttribute("href")!.Split('#')[1]));
    }

    [Theory]
    [InlineData("django vs fl", "Django vs Flask", "/compare/django-vs-flask")]
    [InlineData("fasta", "FastAPI", "/frameworks/fastapi")]
    [InlineData("job", "Should I learn Django or Flask to get a job?", "/faq/django-or-flask-for-a-job")]
    public async Task SuggestionsNameFrameworksComparisonsAndQuestions(string typed, string label, string url)
    {
        var response = await site.CreateReader().GetAsync("/search/suggest?q=" + Uri.EscapeDataString(typed));
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        var suggestions = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.EnumerateArray()
            .Select(s => (Label: s.GetProperty("label").GetString(), Url: s.GetProperty("url").GetString(), Kind: s.GetProperty("kind").GetString())).ToList();
        Assert.InRange(suggestions.Count, 1, 8);
        Assert.Contains(suggestions, s => s.Label == label && s.Url == url);
    }

    [Theory]
    [InlineData("")]
    [InlineData("\"")]
    [InlineData("🎉")]
    [InlineData("NEAR(django flask, 2)")]
    [InlineData("\uD83D")]
    public async Task HostileSuggestionQueriesGetAnEmptyOrShortList(string typed)
    {
        var response = await site.CreateReader().GetAsync("/search/suggest?q=" + Uri.EscapeDataString(typed));
        Assert.Equal(200, (int)response.StatusCode);
        Assert.True(JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetArrayLength() <= 8);
    }

    [Fact]
    public async Task EverySearchBoxLoadsTheSuggestionScriptFromTheSite()
    {
        var page = await site.GetDocumentAsync("/search");
        var script = Assert.Single(page.QuerySelectorAll("script[src]"), s => s.GetAttribute("src")!.StartsWith("/js/search.js"));
        var js = await site.CreateReader().GetAsync(script.GetAttribute("src"));
        Assert.Equal(200, (int)js.StatusCode);
        Assert.All(page.QuerySelectorAll("form[role=search] input[type=search]"), i => Assert.Equal("off", i.GetAttribute("autocomplete")));
    }
}
