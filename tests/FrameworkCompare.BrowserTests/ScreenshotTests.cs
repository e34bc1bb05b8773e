using FrameworkCompare.BrowserTests.Infrastructure;
using Xunit.Abstractions;

namespace FrameworkCompare.BrowserTests;

/// <summary>Full-page screenshots at phone and desktop widths, kept in TestResults/screenshots for people to look at.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ScreenshotTests(BrowserSite site, ITestOutputHelper output)
{
    [Theory]
    [InlineData("comparison", "/compare/django-vs-flask", 360)]
    [InlineData("comparison", "/compare/django-vs-flask", 1280)]
    [InlineData("verdict", "/compare/django-vs-fastapi-vs-flask-vs-litestar?verdict=1&w-security=3&a-orm=2&use=rest-api", 360)]
    [InlineData("verdict", "/compare/django-vs-fastapi-vs-flask-vs-litestar?verdict=1&w-security=3&a-orm=2&use=rest-api", 1280)]
    [InlineData("methodology", "/methodology", 360)]
    [InlineData("article", "/articles/django-versus-flask", 360)]
    [InlineData("article", "/articles/django-versus-flask", 1280)]
    [InlineData("faq-answer", "/faq/is-django-mvc", 360)]
    [InlineData("faq-answer", "/faq/is-django-mvc", 1280)]
    [InlineData("faq", "/faq", 360)]
    [InlineData("faq", "/faq", 1280)]
    public async Task PageFitsTheWidthAndIsKeptAsAScreenshot(string name, string path, int width)
    {
        await using var watched = await site.OpenAsync(path, width: width);
        var page = watched.Page;

        var file = Path.Combine(Repository.OutputFolder("screenshots"), $"{name}-{width}.png");
        await page.ScreenshotAsync(new() { Path = file, FullPage = true });
        output.WriteLine(file);

        // Nothing may push the page sideways: wide content scrolls inside its own box.
        var overflowing = await page.EvaluateAsync<string[]>(
            """
            () => [...document.querySelectorAll('body *')]
                .filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1 && !e.closest('.table-scroll, pre, .skip, .visually-hidden'))
                .map(e => e.tagName.toLowerCase() + (e.getAttribute('class') ? '.' + e.getAttribute('class') : '') + ': ' + (e.textContent ?? '').trim().slice(0, 40))
            """);
        Assert.True(overflowing.Length == 0, $"{path} at {width} px is wider than the screen because of:\n{string.Join('\n', overflowing.Take(10))}");
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= document.documentElement.clientWidth"),
            $"{path} scrolls sideways at {width} px.");

        // An SVG clips what spills out of it, so a chart label can be cut off without widening the page.
        var clipped = await page.EvaluateAsync<string[]>(
            """
            () => [...document.querySelectorAll('svg text')].filter(t => {
                const text = t.getBoundingClientRect(), svg = t.ownerSVGElement.getBoundingClientRect();
                return text.left < svg.left - 1 || text.right > svg.right + 1 || text.top < svg.top - 1 || text.bottom > svg.bottom + 1;
            }).map(t => t.textContent)
            """);
        Assert.True(clipped.Length == 0, $"{path} at {width} px cuts off chart text: {string.Join(", ", clipped)}");
        watched.AssertNoProblems();
    }
}
