using FrameworkCompare.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace FrameworkCompare.BrowserTests;

/// <summary>What a reader does, click by click, in a real browser; any console error or failed request fails the journey.</summary>
[Collection(BrowserCollection.Name)]
public sealed class JourneyTests(BrowserSite site)
{
    [Fact]
    public async Task PickingFrameworksWithCheckboxesLandsOnTheCanonicalComparison()
    {
        await using var watched = await site.OpenAsync("/compare");
        var page = watched.Page;

        await page.GetByRole(AriaRole.Checkbox, new() { Name = "Flask" }).CheckAsync();
        await page.GetByRole(AriaRole.Checkbox, new() { Name = "Django" }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Compare", Exact = true }).ClickAsync();

        await page.WaitForURLAsync(Url("/compare/django-vs-flask"));
        Assert.Equal("Django vs Flask", await page.Locator("h1").InnerTextAsync());
        Assert.Equal(Url("/compare/django-vs-flask"), await page.Locator("link[rel=canonical]").GetAttributeAsync("href"));
        watched.AssertNoProblems();
    }

    [Fact]
    public async Task AddingAFrameworkWithTheSelectPickerLandsOnTheCanonicalComparison()
    {
        await using var watched = await site.OpenAsync("/compare/django-vs-flask");
        var page = watched.Page;
        var picker = page.Locator("main form.picker");

        await picker.GetByLabel("Framework 3").SelectOptionAsync(new SelectOptionValue { Label = "FastAPI" });
        await picker.GetByRole(AriaRole.Button, new() { Name = "Compare" }).ClickAsync();

        await page.WaitForURLAsync(Url("/compare/django-vs-fastapi-vs-flask"));
        Assert.Equal(["Attribute", "Django", "FastAPI", "Flask"], await page.Locator("#facts ~ .table-scroll table thead th").AllInnerTextsAsync());
        watched.AssertNoProblems();
    }

    [Fact]
    public async Task OnlyDifferencesHidesIdenticalRowsAndKeepsUnknownOnes()
    {
        // Express records some facts as unknown, so this pair has rows that must survive the filter.
        await using var watched = await site.OpenAsync("/compare/django-vs-express");
        var page = watched.Page;
        var before = await ReadRowsAsync(page);
        var unknownRows = before.Where(r => r.HasUnknown).Select(r => r.Id).ToList();
        var identicalRows = before.Where(r => !r.HasUnknown && r.Values.Distinct().Count() == 1).Select(r => r.Id).ToList();
        Assert.NotEmpty(unknownRows);
        Assert.NotEmpty(identicalRows);

        await page.GetByRole(AriaRole.Link, new() { Name = "Show only differences" }).ClickAsync();
        await page.WaitForURLAsync(Url("/compare/django-vs-express?only=differences"));

        var after = await ReadRowsAsync(page);
        var shown = after.Select(r => r.Id).ToList();
        Assert.Equal(before.Count - identicalRows.Count, after.Count);
        Assert.All(identicalRows, id => Assert.DoesNotContain(id, shown));
        Assert.All(unknownRows, id => Assert.Contains(id, shown));
        Assert.All(after, r => Assert.True(r.HasUnknown || r.Values.Distinct().Count() > 1, $"Row {r.Id} is identical but still shown."));
        Assert.Contains($"{identicalRows.Count} identical rows hidden", await page.Locator("#facts + p").InnerTextAsync());

        await page.GetByRole(AriaRole.Link, new() { Name = "Show all rows" }).ClickAsync();
        await page.WaitForURLAsync(Url("/compare/django-vs-express"));
        Assert.Equal(before.Count, (await ReadRowsAsync(page)).Count);
        watched.AssertNoProblems();
    }

    [Fact]
    public async Task SearchingFromTheHeaderOpensAResult()
    {
        await using var watched = await site.OpenAsync("/");
        var page = watched.Page;

        await page.Locator("form.site-search input[name=q]").FillAsync("job market");
        await page.Locator("form.site-search input[name=q]").PressAsync("Enter");
        await page.WaitForURLAsync(Url("/search?q=job+market"));

        var first = page.Locator("main ol.results li a").First;
        var title = (await first.InnerTextAsync()).Trim();
        var href = await first.GetAttributeAsync("href");
        Assert.False(string.IsNullOrEmpty(href));
        await first.ClickAsync();
        await page.WaitForURLAsync(Url(href!));
        Assert.Equal(title, (await page.Locator("h1").InnerTextAsync()).Trim());
        watched.AssertNoProblems();
    }

    [Fact]
    public async Task AnFaqAnswerOpensInPlaceAndByItsPermalink()
    {
        await using var watched = await site.OpenAsync("/compare/django-vs-flask");
        var page = watched.Page;
        var question = page.Locator("details.faq").First;
        var answer = question.Locator(".answer");
        Assert.False(await answer.IsVisibleAsync());

        await question.Locator("summary").ClickAsync();
        Assert.True(await answer.IsVisibleAsync());
        var asked = (await question.Locator("summary").InnerTextAsync()).Trim();

        var permalink = question.GetByRole(AriaRole.Link, new() { Name = "Permalink to this answer" });
        var href = await permalink.GetAttributeAsync("href");
        Assert.Matches("^/faq/[a-z0-9-]+$", href);
        await permalink.ClickAsync();
        await page.WaitForURLAsync(Url(href!));
        Assert.Equal(asked, (await page.Locator("h1").InnerTextAsync()).Trim());
        Assert.True(await page.Locator("main .prose").IsVisibleAsync());
        watched.AssertNoProblems();
    }

    string Url(string path) => new Uri(site.BaseAddress, path).ToString();

    sealed record Row(string Id, bool HasUnknown, IReadOnlyList<string> Values);

    static async Task<List<Row>> ReadRowsAsync(IPage page)
    {
        var rows = await page.EvaluateJsonAsync<Row[]>(
            """
            () => [...document.querySelectorAll('#facts ~ .table-scroll table tbody tr[id]')].map(tr => ({
                id: tr.id,
                hasUnknown: tr.querySelector('td .unknown, td .unrecorded') !== null,
                values: [...tr.querySelectorAll('td')].map(td => td.querySelector('.value')?.textContent.trim() ?? '')
            }))
            """);
        return [.. rows];
    }
}
