using System.Net;
using FrameworkCompare.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace FrameworkCompare.BrowserTests;

/// <summary>The embeddable comparison inside an iframe on a page of another origin, as another site would show it.</summary>
[Collection(BrowserCollection.Name)]
public sealed class EmbedJourneyTests(BrowserSite site)
{
    [Fact]
    public async Task AnotherSiteShowsTheChosenRowsAndReadersFollowTheLinkBack()
    {
        var embed = new Uri(site.BaseAddress, "/embed/compare/django-vs-flask?rows=orm,license");
        using var other = new OtherSite(HostPage(embed));
        await using var watched = await site.NewPageAsync();
        var page = watched.Page;

        await page.GotoAsync(other.BaseAddress.ToString());
        var frame = page.FrameLocator("iframe#comparison");
        await Assertions.Expect(frame.Locator("h1")).ToHaveTextAsync("Django vs Flask");
        Assert.Equal(["orm", "license"], await frame.Locator("tbody tr").EvaluateAllAsync<string[]>("rows => rows.map(r => r.id)"));
        Assert.Equal(["Attribute", "Django", "Flask"], await frame.Locator("thead th").AllInnerTextsAsync());
        // Each value keeps its source and checked date.
        Assert.Equal(2, await frame.Locator("tr#orm td .source a").CountAsync());
        Assert.Equal(2, await frame.Locator("tr#orm td .source time").CountAsync());
        // The frame's own stylesheet applied: the table sits in its bordered scroll box.
        Assert.NotEqual("0px", await frame.Locator(".table-scroll").EvaluateAsync<string>("e => getComputedStyle(e).borderTopWidth"));

        var back = frame.GetByRole(AriaRole.Link, new() { Name = "Full comparison on FrameworkCompare" });
        var popup = await page.RunAndWaitForPopupAsync(() => back.ClickAsync());
        await popup.WaitForLoadStateAsync();
        Assert.Equal(new Uri(site.BaseAddress, "/compare/django-vs-flask").ToString(), popup.Url);
        Assert.Equal("Django vs Flask", await popup.Locator("h1").InnerTextAsync());
        watched.AssertNoProblems();
    }

    [Fact]
    public async Task TheRegularComparisonPageRefusesToLoadInAnotherSitesFrame()
    {
        var full = new Uri(site.BaseAddress, "/compare/django-vs-flask");
        using var other = new OtherSite(HostPage(full));
        await using var watched = await site.NewPageAsync();
        var page = watched.Page;

        await page.GotoAsync(other.BaseAddress.ToString());
        var refused = await WaitForAsync(() => watched.Problems.Any(p => p.Contains("frame-ancestors")));
        Assert.True(refused, "Chromium did not report the comparison page refusing the frame: " + string.Join('\n', watched.Problems));
        var frame = page.Frames.Single(f => f != page.MainFrame);
        // Chromium shows its own error page in the frame instead of the comparison.
        Assert.NotEqual(full.ToString(), frame.Url);
        Assert.Equal(0, await frame.Locator("table.compare").CountAsync());
        Assert.Equal(0, await frame.GetByText("Django vs Flask").CountAsync());
    }

    static string HostPage(Uri framed) => $"""
        <!DOCTYPE html>
        <html lang="en">
        <head><meta charset="utf-8"><title>Another site</title></head>
        <body>
            <h1>Another site's article</h1>
            <iframe id="comparison" title="A comparison from FrameworkCompare" src="{WebUtility.HtmlEncode(framed.ToString())}" width="640" height="420"></iframe>
        </body>
        </html>
        """;

    /// <summary>Polls for something the browser reports by itself (a console message), without asserting on time taken.</summary>
    static async Task<bool> WaitForAsync(Func<bool> condition)
    {
        for (var i = 0; i < 100 && !condition(); i++) await Task.Delay(100);
        return condition();
    }
}
