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
        var skip = await FocusedAsync(page);
        Assert.Equal("a", skip.Tag);
        Assert.Equal("Skip to content", skip.Text);
        Assert.True(skip.InViewport, "The focused skip link is off screen.");
        Assert.True(skip.HasVisibleFocus, $"The focused skip link shows no focus indicator (outline: {skip.Outline}).");

        await page.Keyboard.PressAsync("Enter");
        Assert.Equal("main", (await FocusedAsync(page)).Id);

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

        var visited = new List<Focused>();
        for (var i = 0; i < expected.Length + 5; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            var focused = await FocusedAsync(page);
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

        for (var i = 0; i < 100 && (await FocusedAsync(page)).Label != "Framework 3"; i++) await page.Keyboard.PressAsync("Tab");
        Assert.Equal("Framework 3", (await FocusedAsync(page)).Label);
        await page.Keyboard.PressAsync("ArrowDown"); // (none) -> the first framework, Bottle
        await page.Keyboard.PressAsync("Tab");      // Framework 4
        await page.Keyboard.PressAsync("Tab");      // Compare
        Assert.Equal("Compare", (await FocusedAsync(page)).Text);
        await page.Keyboard.PressAsync("Enter");

        await page.WaitForURLAsync(new Uri(site.BaseAddress, "/compare/bottle-vs-django-vs-flask").ToString());
        watched.AssertNoProblems();
    }

    sealed record Focused(string Tag, string Id, string Key, string Text, string Label, bool InViewport, bool HasVisibleFocus, bool Unobscured, string Outline);

    static Task<Focused> FocusedAsync(IPage page) => page.EvaluateJsonAsync<Focused>(
        """
        () => {
            const e = document.activeElement;
            const style = getComputedStyle(e);
            const box = e.getBoundingClientRect();
            // Focus is not obscured when some part of the element is the topmost thing on screen.
            const points = [[.5, .5], [.1, .1], [.9, .1], [.1, .9], [.9, .9]].map(([fx, fy]) => [box.left + fx * box.width, box.top + fy * box.height]);
            const unobscured = points.some(([x, y]) => { const hit = document.elementFromPoint(x, y); return hit !== null && e.contains(hit); });
            const outlined = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
            return {
                tag: e.tagName.toLowerCase(),
                id: e.id,
                key: e.dataset.kbd ?? '',
                text: (e.innerText ?? '').trim().slice(0, 60),
                label: e.labels?.[0]?.querySelector('span')?.textContent.trim() ?? '',
                inViewport: box.width > 0 && box.height > 0 && box.left >= 0 && box.top >= 0 && box.right <= innerWidth && box.bottom <= innerHeight,
                hasVisibleFocus: outlined || (style.boxShadow !== 'none' && style.boxShadow !== ''),
                unobscured,
                outline: `${style.outlineStyle} ${style.outlineWidth} ${style.outlineColor}`,
            };
        }
        """);
}
