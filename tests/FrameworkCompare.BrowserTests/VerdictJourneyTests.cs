using FrameworkCompare.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace FrameworkCompare.BrowserTests;

/// <summary>A reader weighs their priorities, gets a verdict, shares its address, and whoever opens it sees the same ranking.</summary>
[Collection(BrowserCollection.Name)]
public sealed class VerdictJourneyTests(BrowserSite site)
{
    const string Comparison = "/compare/django-vs-fastapi-vs-flask";

    static Task<IReadOnlyList<string>> RankingAsync(IPage page) => page.Locator("ol.ranking > li .standing").AllInnerTextsAsync();

    [Fact]
    public async Task WeightsSetInTheFormGiveAVerdictWhoseSharedAddressShowsTheSameRanking()
    {
        await using var watched = await site.OpenAsync(Comparison);
        var page = watched.Page;
        var form = page.Locator("form.priorities");

        await form.GetByLabel("Security defaults").SelectOptionAsync("3");
        await form.GetByLabel("Data and persistence").SelectOptionAsync("0");
        await form.GetByRole(AriaRole.Checkbox, new() { Name = "REST APIs" }).CheckAsync();
        await form.GetByRole(AriaRole.Button, new() { Name = "Rank them" }).ClickAsync();

        // The site rewrites the address to list only the weights that differ from the defaults.
        await page.WaitForURLAsync(Url($"{Comparison}?verdict=1&w-data=0&w-security=3&use=rest-api#verdict"));
        var ranking = await RankingAsync(page);
        Assert.Equal(3, ranking.Count);
        Assert.All(ranking, r => Assert.Matches(@"\d+ / 100", r));
        Assert.Equal("3", await form.GetByLabel("Security defaults").InputValueAsync());
        Assert.True(await form.GetByRole(AriaRole.Checkbox, new() { Name = "REST APIs" }).IsCheckedAsync());

        // Copy the address the page offers and open it in a new browser, as a colleague would.
        await watched.Context.GrantPermissionsAsync(["clipboard-read", "clipboard-write"]);
        await page.GetByRole(AriaRole.Button, new() { Name = "Copy address" }).ClickAsync();
        var shared = await page.EvaluateAsync<string>("() => navigator.clipboard.readText()");
        Assert.Equal(await page.Locator("input.share-url").InputValueAsync(), shared);
        Assert.Equal(Url($"{Comparison}?verdict=1&w-data=0&w-security=3&use=rest-api#verdict"), shared);

        // From the verdict page the script drops unchanged weights before sending, so no redirect is needed.
        var requests = new List<string>();
        page.Request += (_, r) => { if (r.IsNavigationRequest) requests.Add(r.Url); };
        await form.GetByLabel("Testing").SelectOptionAsync("2");
        await form.GetByRole(AriaRole.Button, new() { Name = "Rank them" }).ClickAsync();
        await page.WaitForURLAsync(Url($"{Comparison}?verdict=1&w-data=0&w-security=3&w-testing=2&use=rest-api#verdict"));
        Assert.Equal([Url($"{Comparison}?verdict=1&w-data=0&w-security=3&w-testing=2&use=rest-api")], requests);

        await using var colleague = await site.NewPageAsync();
        await colleague.GotoAsync(shared);
        Assert.Equal(ranking, await RankingAsync(colleague.Page));
        Assert.Equal("3", await colleague.Page.Locator("form.priorities").GetByLabel("Security defaults").InputValueAsync());
        watched.AssertNoProblems();
        colleague.AssertNoProblems();
    }

    [Fact]
    public async Task WithoutJavaScriptTheFormStillGivesTheVerdictAtItsShortAddress()
    {
        var context = await site.Browser.NewContextAsync(new() { BaseURL = site.BaseAddress.ToString(), JavaScriptEnabled = false });
        await using var watched = new WatchedPage(context, await context.NewPageAsync(), site.BaseAddress);
        var page = watched.Page;
        await watched.GotoAsync(Comparison);

        await page.Locator("form.priorities").GetByLabel("Testing").SelectOptionAsync("2");
        await page.Locator("form.priorities").GetByRole(AriaRole.Button, new() { Name = "Rank them" }).ClickAsync();

        await page.WaitForURLAsync(Url($"{Comparison}?verdict=1&w-testing=2#verdict"));
        Assert.Equal(3, (await RankingAsync(page)).Count);
        Assert.Equal(Url($"{Comparison}?verdict=1&w-testing=2#verdict"), await page.Locator("input.share-url").InputValueAsync());
        Assert.True(await page.GetByRole(AriaRole.Button, new() { Name = "Copy address" }).IsHiddenAsync());
        watched.AssertNoProblems();
    }

    [Fact]
    public async Task TheDecidingFactsLeadToTheirRows()
    {
        await using var watched = await site.OpenAsync($"{Comparison}?verdict=1&w-security=3");
        var page = watched.Page;
        var fact = page.Locator("ol.ranking .deciding .fact a").First;
        var target = (await fact.GetAttributeAsync("href"))!;
        await fact.ClickAsync();
        await page.WaitForURLAsync(url => url.EndsWith(target));
        Assert.True(await page.Locator($"tr{target}").IsVisibleAsync());
        watched.AssertNoProblems();
    }

    string Url(string path) => new Uri(site.BaseAddress, path).ToString();
}
