using Microsoft.Playwright;

namespace FrameworkCompare.BrowserTests.Infrastructure;

/// <summary>What has keyboard focus, and whether it shows a focus ring and is not covered (shared by the keyboard tests).</summary>
public static class FocusProbe
{
    public sealed record Focused(string Tag, string Id, string Key, string Text, string Label, bool InViewport, bool HasVisibleFocus, bool Unobscured, string Outline);

    public static Task<Focused> FocusedAsync(IPage page) => page.EvaluateJsonAsync<Focused>(
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
