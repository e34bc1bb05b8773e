using FrameworkCompare.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace FrameworkCompare.BrowserTests;

/// <summary>axe-core, injected into every kind of page, with the WCAG 2.2 A and AA rules.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AccessibilityTests(BrowserSite site, ITestOutputHelper output)
{
    static readonly string[] WcagTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

    public static TheoryData<string, int> Pages => PageTypes.Theory();

    [Theory]
    [MemberData(nameof(Pages))]
    public Task LightPageHasNoViolations(string path, int status) => AssertNoViolationsAsync(path, status, ColorScheme.Light);

    /// <summary>The stylesheet has a dark palette; its contrast must hold too.</summary>
    [Theory]
    [MemberData(nameof(Pages))]
    public Task DarkPageHasNoViolations(string path, int status) => AssertNoViolationsAsync(path, status, ColorScheme.Dark);

    /// <summary>The check itself can fail: a page given an image without alt text and an unlabelled field is caught.</summary>
    [Fact]
    public async Task PlantedViolationsAreReported()
    {
        await using var watched = await site.OpenAsync("/faq", bypassCsp: true);
        await watched.Page.EvaluateAsync("() => document.querySelector('main').insertAdjacentHTML('beforeend', '<img src=\"/favicon.svg\"><input type=\"text\">')");
        var results = await RunAxeAsync(watched.Page);
        Assert.Equal(["image-alt", "label"], results.Violations.Select(v => v.Id).Order());
    }

    /// <summary>axe is injected as a script the site's Content-Security-Policy would refuse, so these pages bypass it.</summary>
    async Task AssertNoViolationsAsync(string path, int status, ColorScheme scheme)
    {
        await using var watched = await site.OpenAsync(path, status, colorScheme: scheme, bypassCsp: true);
        var results = await RunAxeAsync(watched.Page);

        foreach (var review in results.Incomplete) output.WriteLine($"needs review: {Describe(review)}");
        Assert.True(results.Violations.Count == 0,
            $"axe found {results.Violations.Count} violation(s) on {path} ({scheme}):\n{string.Join('\n', results.Violations.Select(Describe))}");
        watched.AssertNoProblems();
    }

    internal static async Task<AxeResults> RunAxeAsync(IPage page)
    {
        await page.AddScriptTagAsync(new() { Path = Repository.NodeModuleFile("axe-core/axe.min.js") });
        return await page.EvaluateJsonAsync<AxeResults>(
            """
            async tags => {
                const results = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations', 'incomplete'] });
                const brief = list => list.map(v => ({ id: v.id, impact: v.impact ?? '', help: v.help, targets: v.nodes.map(n => n.target.join(' ')) }));
                return { violations: brief(results.violations), incomplete: brief(results.incomplete) };
            }
            """, WcagTags);
    }

    internal static string Describe(AxeRule rule) =>
        $"{rule.Id} ({rule.Impact}): {rule.Help}\n    " + string.Join("\n    ", rule.Targets.Take(15)) + (rule.Targets.Count > 15 ? $"\n    … and {rule.Targets.Count - 15} more" : "");

    internal sealed record AxeRule(string Id, string Impact, string Help, List<string> Targets);

    internal sealed record AxeResults(List<AxeRule> Violations, List<AxeRule> Incomplete);
}
