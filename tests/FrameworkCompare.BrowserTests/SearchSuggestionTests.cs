using FrameworkCompare.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace FrameworkCompare.BrowserTests;

/// <summary>The search box's suggestions as you type: an ARIA combobox, used with the keyboard and the mouse.</summary>
[Collection(BrowserCollection.Name)]
public sealed class SearchSuggestionTests(BrowserSite site)
{
    string Url(string path) => new Uri(site.BaseAddress, path).ToString();

    [Fact]
    public async Task TypingTwoNamesOffersTheirComparisonAndTheKeyboardOpensIt()
    {
        await using var watched = await site.OpenAsync("/");
        var page = watched.Page;
        var box = page.Locator("form.site-search input[name=q]");
        Assert.Equal("combobox", await box.GetAttributeAsync("role"));
        Assert.Equal("false", await box.GetAttributeAsync("aria-expanded"));

        await box.PressSequentiallyAsync("django vs fl", new() { Delay = 30 });
        var list = page.GetByRole(AriaRole.Listbox, new() { Name = "Suggestions" });
        var option = list.GetByRole(AriaRole.Option, new() { Name = "Django vs Flask" });
        await option.WaitForAsync();
        Assert.Equal("true", await box.GetAttributeAsync("aria-expanded"));
        Assert.Equal(await list.GetAttributeAsync("id"), await box.GetAttributeAsync("aria-controls"));

        await box.PressAsync("ArrowDown");
        Assert.Equal(await option.GetAttributeAsync("id"), await box.GetAttributeAsync("aria-activedescendant"));
        Assert.Equal("true", await option.GetAttributeAsync("aria-selected"));
        await box.PressAsync("Enter");
        await page.WaitForURLAsync(Url("/compare/django-vs-flask"));
        watched.AssertNoProblems();
    }

    [Fact]
    public async Task AnOptionChosenWithTheKeyboardStaysChosenWhenALaterAnswerRedrawsTheList()
    {
        await using var watched = await site.OpenAsync("/");
        var page = watched.Page;
        // The answer for the last keystroke arrives after the reader has already moved to an option of the previous list.
        var released = new TaskCompletionSource();
        await page.RouteAsync("**/search/suggest?q=django%20vs%20fl*", async route =>
        {
            await released.Task;
            await route.ContinueAsync();
        });
        var box = page.Locator("form.site-search input[name=q]");
        await box.PressSequentiallyAsync("django vs f", new() { Delay = 30 });
        var option = page.GetByRole(AriaRole.Listbox, new() { Name = "Suggestions" })
            .GetByRole(AriaRole.Option, new() { Name = "Django vs Flask" });
        await option.WaitForAsync();
        var late = page.WaitForResponseAsync(r => r.Url.Contains("q=django%20vs%20fl", StringComparison.Ordinal));
        await box.PressAsync("l");
        await page.WaitForRequestAsync(r => r.Url.Contains("q=django%20vs%20fl", StringComparison.Ordinal));
        for (var presses = 0; presses < 10 && await option.GetAttributeAsync("aria-selected") != "true"; presses++)
            await box.PressAsync("ArrowDown");
        Assert.Equal("true", await option.GetAttributeAsync("aria-selected"));

        released.SetResult();
        await late;
        await page.WaitForFunctionAsync("() => document.querySelector('form.site-search [role=listbox]').dataset.answered === 'django vs fl'");
        Assert.Equal("true", await option.GetAttributeAsync("aria-selected"));
        Assert.Equal(await option.GetAttributeAsync("id"), await box.GetAttributeAsync("aria-activedescendant"));
        await box.PressAsync("Enter");
        await page.WaitForURLAsync(Url("/compare/django-vs-flask"));
        watched.AssertNoProblems();
    }

    [Fact]
    public async Task EscapeClosesTheListAndEnterThenSearchesForTheWordsTyped()
    {
        await using var watched = await site.OpenAsync("/search");
        var page = watched.Page;
        var box = page.Locator("main form input[name=q]");
        await box.PressSequentiallyAsync("fasta", new() { Delay = 30 });
        await page.GetByRole(AriaRole.Option, new() { Name = "FastAPI Framework" }).WaitForAsync();

        await box.PressAsync("Escape");
        Assert.Equal("false", await box.GetAttributeAsync("aria-expanded"));
        Assert.False(await page.GetByRole(AriaRole.Listbox).First.IsVisibleAsync());
        await box.PressAsync("Enter");
        await page.WaitForURLAsync(Url("/search?q=fasta"));
        Assert.Equal("/frameworks/fastapi", await page.Locator("main ol.results li.result h2 a").First.GetAttributeAsync("href"));
        watched.AssertNoProblems();
    }

    [Fact]
    public async Task WithoutJavaScriptTheBoxIsAPlainSearchForm()
    {
        await using var context = await site.Browser.NewContextAsync(new() { JavaScriptEnabled = false });
        var page = await context.NewPageAsync();
        await page.GotoAsync(Url("/"));
        var box = page.Locator("form.site-search input[name=q]");
        Assert.Null(await box.GetAttributeAsync("role"));
        await box.FillAsync("django vs flask");
        await box.PressAsync("Enter");
        await page.WaitForURLAsync(Url("/search?q=django+vs+flask"));
        Assert.Equal("/compare/django-vs-flask", await page.Locator("main ol.results li.result h2 a").First.GetAttributeAsync("href"));
    }
}
