using FrameworkCompare.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace FrameworkCompare.BrowserTests;

/// <summary>axe-core with the WCAG 2.2 A and AA rules over every workspace page, light and dark.</summary>
[Collection(WorkspaceCollection.Name)]
public sealed class WorkspaceAccessibilityTests(WorkspaceSite site, ITestOutputHelper output)
{
    public static TheoryData<string> Pages => WorkspacePages.Theory();

    [Theory]
    [MemberData(nameof(Pages))]
    public Task LightPageHasNoViolations(string page) => AssertNoViolationsAsync(page, ColorScheme.Light);

    [Theory]
    [MemberData(nameof(Pages))]
    public Task DarkPageHasNoViolations(string page) => AssertNoViolationsAsync(page, ColorScheme.Dark);

    async Task AssertNoViolationsAsync(string name, ColorScheme scheme)
    {
        var (watched, _) = await WorkspacePages.OpenAsync(site, name, scheme, bypassCsp: true);
        await using (watched)
        {
            var results = await AccessibilityTests.RunAxeAsync(watched.Page);
            foreach (var review in results.Incomplete) output.WriteLine($"needs review: {AccessibilityTests.Describe(review)}");
            Assert.True(results.Violations.Count == 0,
                $"axe found {results.Violations.Count} violation(s) on {name} ({scheme}):\n{string.Join('\n', results.Violations.Select(AccessibilityTests.Describe))}");
            watched.AssertNoProblems();
        }
    }
}
