using FrameworkCompare.Tests.Infrastructure;

namespace FrameworkCompare.Tests.Search;

/// <summary>Search answers from memory, snippets included: not one database statement per search.</summary>
public sealed class SearchCommandTests : IDisposable
{
    readonly CountedSite site = new();

    public void Dispose() => site.Dispose();

    [Theory]
    [InlineData("django")] // a profile, then pages
    [InlineData("django vs flask")] // a comparison first
    [InlineData("relevant")] // an FAQ answer's snippet
    [InlineData("fastapi websockets")] // a fact
    public async Task ASearchRunsNoDatabaseStatement(string query)
    {
        var url = "/search?q=" + Uri.EscapeDataString(query);
        var page = await site.GetDocumentAsync(url);

        Assert.NotEmpty(page.QuerySelectorAll("ol.results li.result"));
        Assert.Empty(site.Commands.Of(url));
    }

    [Fact]
    public async Task SuggestionsRunNoDatabaseStatement()
    {
        var response = await site.CreateReader().GetAsync("/search/suggest?q=dja");
        response.EnsureSuccessStatusCode();
        Assert.Contains("Django", await response.Content.ReadAsStringAsync());
        Assert.Empty(site.Commands.Of("/search/suggest?q=dja"));
    }

    [Fact]
    public async Task TheCounterSeesAPageThatReadsTheDatabase()
    {
        // An article's body is read by primary key: were the hook not counting, the tests above could not fail.
        await site.GetDocumentAsync("/articles/django-vs-flask");
        Assert.NotEmpty(site.Commands.Of("/articles/django-vs-flask"));
    }
}
