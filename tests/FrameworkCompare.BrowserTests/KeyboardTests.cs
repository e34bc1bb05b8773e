using FrameworkCompare.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace FrameworkCompare.BrowserTests;

/// <summary>The comparison page used with the keyboard alone.</summary>
[Collection(BrowserCollection.Name)]
public sealed class KeyboardTests(BrowserSite site)
{
    const string Comparison = "/compare/django-vs-flask";

    [Fact]
    public async Task TheFirstTabReachesTheSkipLinkWhichMovesFocusToMain()
    {
        await using var watched = await site.OpenAsync(Comparison);
        var page = watched.Page;

        await page.Keyboard.PressAsync("Tab");
        var skip = await FocusProbe.FocusedAsync(page);
        Assert.Equal("a", skip.Tag);
        Assert.Equal("Skip to content", skip.Text);
        Assert.True(skip.InViewport, "The focused skip link is off screen.");
        Assert.True(skip.HasVisibleFocus, $"The focused skip link shows no focus indicator (outline: {skip.Outline}).");

        await page.Keyboard.PressAsync("Enter");
        Assert.Equal("main", (await FocusProbe.FocusedAsync(page)).Id);

        // The next Tab continues from main: the first focusable element inside it.
        await page.Keyboard.PressAsync("Tab");
        Assert.True(await page.EvaluateAsync<bool>("() => document.querySelector('main').contains(document.activeElement)"),
            "Tab after the skip link left main.");
        watched.AssertNoProblems();
    }

    [Fact]
    public async Task TabbingVisitsEveryFocusableElementInDocumentOrderWithVisibleFocus()
    {
        await using var watched = await site.OpenAsync(Comparison);
        var page = watched.Page;
        var expected = await page.EvaluateAsync<string[]>(
            """
            () => [...document.querySelectorAll('a[href], button, input:not([type=hidden]), select, textarea, summary, [tabindex]:not([tabindex="-1"])')]
                .filter(e => !e.disabled && e.checkVisibility({ visibilityProperty: true }))
                .filter(e => !e.closest('details:not([open])') || e.parentElement.tagName === 'DETAILS')
                .map((e, i) => e.dataset.kbd = String(i))
            """);
        Assert.True(expected.Length > 50, $"Only {expected.Length} focusable elements found.");

        var visited = new List<FocusProbe.Focused>();
        for (var i = 0; i < expected.Length + 5; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            var focused = await FocusProbe.FocusedAsync(page);
            if (focused.Tag == "body" || (visited.Count > 0 && focused.Key == visited[0].Key)) break;
            visited.Add(focused);
        }

        var withoutFocusRing = visited.Where(f => !f.HasVisibleFocus).Select(f => $"{f.Tag} \"{f.Text}\" (outline: {f.Outline})").ToList();
        Assert.True(withoutFocusRing.Count == 0, "No visible focus on:\n" + string.Join('\n', withoutFocusRing));
        var hidden = visited.Where(f => !f.Unobscured).Select(f => $"{f.Tag} \"{f.Text}\"").ToList();
        Assert.True(hidden.Count == 0, "Focused but covered by something else (WCAG 2.4.11):\n" + string.Join('\n', hidden));
        Assert.Equal(expected, visited.Select(f => f.Key));
        watched.AssertNoProblems();
    }

    [Fact]
    public async Task AFrameworkCanBeAddedWithTheKeyboardAlone()
    {
        await using var watched = await site.OpenAsync(Comparison);
        var page = watched.Page;

        for (var i = 0; i < 100 && (await FocusProbe.FocusedAsync(page)).Label != "Framework 3"; i++) await page.Keyboard.PressAsync("Tab");
        Assert.Equal("Framework 3", (await FocusProbe.FocusedAsync(page)).Label);
        await page.Keyboard.PressAsync("ArrowDown"); // (none) -> the first framework of the first language group: ASP.NET Core (C#)
        await page.Keyboard.PressAsync("Tab");      // Framework 4
        await page.Keyboard.PressAsync("Tab");      // Compare
        Assert.Equal("Compare", (await FocusProbe.FocusedAsync(page)).Text);
        await page.Keyboard.PressAsync("Enter");

        await page.WaitForURLAsync(new Uri(site.BaseAddress, "/compare/aspnet-core-vs-django-vs-flask").ToString());
        watched.AssertNoProblems();
    }
}
