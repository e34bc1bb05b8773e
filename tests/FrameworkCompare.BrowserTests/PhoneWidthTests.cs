using FrameworkCompare.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace FrameworkCompare.BrowserTests;

/// <summary>
/// Every kind of page at 360 px, a small phone: nothing scrolls the page sideways (wide tables and code scroll inside
/// their own boxes), and axe finds nothing, including scroll boxes that keyboard users could not reach.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class PhoneWidthTests(BrowserSite site, ITestOutputHelper output)
{
    const int Width = 360;

    public static TheoryData<string, int> Pages => PageTypes.Theory();

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task PageDoesNotScrollSidewaysAndHasNoAxeViolations(string path, int status)
    {
        await using var watched = await site.OpenAsync(path, status, width: Width, bypassCsp: true);
        var page = watched.Page;

        var width = await page.EvaluateAsync<int>("() => document.scrollingElement.scrollWidth");
        if (width > Width) output.WriteLine(string.Join('\n', await WidestAsync(page)));
        Assert.True(width <= Width, $"{path} is {width} px wide at {Width} px, so it scrolls sideways; widest elements:\n{string.Join('\n', await WidestAsync(page))}");

        var results = await AccessibilityTests.RunAxeAsync(page);
        Assert.True(results.Violations.Count == 0,
            $"axe found {results.Violations.Count} violation(s) on {path} at {Width} px:\n{string.Join('\n', results.Violations.Select(AccessibilityTests.Describe))}");
        watched.AssertNoProblems();
    }

    /// <summary>The check can fail: a planted wide element and an unreachable scroll box are both caught.</summary>
    [Fact]
    public async Task PlantedOverflowAndUnreachableScrollBoxAreCaught()
    {
        await using var watched = await site.OpenAsync("/faq", width: Width, bypassCsp: true);
        var page = watched.Page;
        await page.EvaluateAsync("""
            () => document.querySelector('main').insertAdjacentHTML('beforeend',
                '<div id="wide" style="width: 600px">wide</div><pre style="overflow-x: auto">' + 'a long line of code '.repeat(30) + '</pre>')
            """);
        Assert.True(await page.EvaluateAsync<int>("() => document.scrollingElement.scrollWidth") > Width);
        var results = await AccessibilityTests.RunAxeAsync(page);
        Assert.Contains("scrollable-region-focusable", results.Violations.Select(v => v.Id));
    }

    /// <summary>Elements whose right edge passes the screen, widest first, outside boxes that scroll on their own.</summary>
    static Task<string[]> WidestAsync(IPage page) => page.EvaluateAsync<string[]>(
        """
        () => [...document.querySelectorAll('body *')]
            .filter(e => { for (let a = e.parentElement; a; a = a.parentElement) if (getComputedStyle(a).overflowX !== 'visible') return false; return true; })
            .map(e => ({ e, right: e.getBoundingClientRect().right }))
            .filter(x => x.right > document.documentElement.clientWidth + 1)
            .sort((a, b) => b.right - a.right).slice(0, 10)
            .map(x => `${Math.round(x.right)} px: ${x.e.tagName.toLowerCase()}${x.e.className ? '.' + x.e.className : ''} ${(x.e.textContent ?? '').trim().slice(0, 40)}`)
        """);
}
