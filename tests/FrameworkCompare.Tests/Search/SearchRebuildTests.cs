using FrameworkCompare.Tests.Infrastructure;

namespace FrameworkCompare.Tests.Search;

/// <summary>The in-memory index follows imports: a page imported is found, a page removed is not.</summary>
public sealed class SearchRebuildTests : IDisposable
{
    readonly SiteFactory site = new();

    public void Dispose() => site.Dispose();

    async Task<List<string>> FoundAsync(string query)
    {
        var page = await site.GetDocumentAsync("/search?q=" + Uri.EscapeDataString(query));
        return page.QuerySelectorAll("ol.results li.result:not(.partial) h2 a").Select(a => a.GetAttribute("href")!).ToList();
    }

    [Fact]
    public async Task AnImportedPageIsFoundAndARemovedOneIsNot()
    {
        Assert.Empty(await FoundAsync("quokka"));
        site.Content.Write("articles/quokka.md", """
            ---
            title: Quokka routing notes
            slug: quokka-routing
            summary: A made-up word to find.
            author: Test Author
            published: 2025-01-01
            frameworks: [django]
            ---
            Body text.
            """);
        await site.ImportAsync();
        Assert.Equal(["/articles/quokka-routing"], await FoundAsync("quokka"));

        site.Content.Delete("articles/quokka.md");
        await site.ImportAsync();
        Assert.Empty(await FoundAsync("quokka"));
    }
}
