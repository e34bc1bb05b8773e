using FrameworkCompare.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace FrameworkCompare.BrowserTests;

/// <summary>
/// Fact history in Chromium over the shipped content, whose history comes from this repository's git log
/// (Tornado's contributor count was re-counted in it, within the last 90 days of the real clock the site runs on).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class FactHistoryBrowserTests(BrowserSite site)
{
    const string History = "/facts/tornado/contributors/history";

    [Fact]
    public async Task AReaderFollowsAChangedFactToItsHistoryAndTrend()
    {
        await using var reader = await site.OpenAsync("/frameworks/tornado");
        var cell = reader.Page.Locator("tr#contributors td");
        await Assertions.Expect(cell.Locator(".recent")).ToHaveTextAsync("Changed recently");
        await cell.GetByRole(AriaRole.Link, new() { Name = "History", Exact = true }).ClickAsync();
        await reader.Page.WaitForURLAsync("**" + History);

        var chart = reader.Page.GetByRole(AriaRole.Img, new() { Name = "Contributors over time" });
        await Assertions.Expect(chart).ToBeVisibleAsync();
        Assert.True(await reader.Page.Locator("table.trend-data tbody tr").CountAsync() >= 2);
        Assert.True(await reader.Page.Locator("table.fact-history tbody tr").CountAsync() >= 1);
        reader.AssertNoProblems();
    }

    [Fact]
    public async Task TheChangesPageFiltersByFrameworkWithoutJavaScriptTricks()
    {
        await using var reader = await site.OpenAsync("/changes");
        await reader.Page.GetByLabel("Framework").SelectOptionAsync("tornado");
        await reader.Page.GetByRole(AriaRole.Button, new() { Name = "Show", Exact = true }).ClickAsync();
        await reader.Page.WaitForURLAsync("**/changes/tornado");
        var titles = await reader.Page.Locator("ol.changes h2 a").AllInnerTextsAsync();
        Assert.NotEmpty(titles);
        Assert.All(titles, t => Assert.StartsWith("Tornado: ", t));
        reader.AssertNoProblems();
    }

    [Theory]
    [InlineData("/changes", ColorScheme.Light)]
    [InlineData(History, ColorScheme.Light)]
    [InlineData(History, ColorScheme.Dark)]
    public async Task HistoryPagesHaveNoAccessibilityViolations(string path, ColorScheme scheme)
    {
        await using var watched = await site.OpenAsync(path, colorScheme: scheme, bypassCsp: true);
        var results = await AccessibilityTests.RunAxeAsync(watched.Page);
        Assert.True(results.Violations.Count == 0, string.Join('\n', results.Violations.Select(AccessibilityTests.Describe)));
    }
}
