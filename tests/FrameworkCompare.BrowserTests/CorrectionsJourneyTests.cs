using FrameworkCompare.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace FrameworkCompare.BrowserTests;

/// <summary>Readers' reports and questions going through the editors' review queue, in Chromium over https.</summary>
[Collection(WorkspaceCollection.Name)]
public sealed class CorrectionsJourneyTests(WorkspaceSite site)
{
    const string Comparison = "/compare/django-vs-flask";

    [Fact]
    public async Task AReaderReportIsAcceptedAndTheComparisonAndCorrectionsLogShowTheNewValue()
    {
        var newValue = $"Django Software Foundation, checked by a browser test ({Guid.NewGuid():N})";
        const string evidence = "https://docs.djangoproject.com/en/6.0/internals/organization/";
        await using var reader = await site.NewPageAsync();
        await reader.GotoAsync(Comparison);
        var djangoCell = reader.Page.Locator("tr#governance td").First;
        var oldValue = (await djangoCell.Locator(".value").InnerTextAsync()).Trim();
        Assert.Contains("Django Software Foundation", oldValue);

        await djangoCell.GetByRole(AriaRole.Link, new() { Name = "Report a problem", Exact = true }).ClickAsync();
        await reader.Page.WaitForURLAsync("**/facts/django/governance");
        await reader.Page.GetByLabel("What is wrong?").FillAsync("The governance changed; see the organisation page.");
        await reader.Page.GetByLabel("The correct value").FillAsync(newValue);
        await reader.Page.GetByLabel("Evidence").FillAsync(evidence);
        await Button(reader.Page, "Send the report").ClickAsync();
        await Assertions.Expect(reader.Page.Locator(".notice[role=status]")).ToContainTextAsync("Thank you. Your report is with the editors");

        await using var editor = await site.NewSignedInPageAsync(WorkspaceSite.EditorAna);
        var id = await OpenQueueItemAsync(editor, "Django: Maintainer and governance");
        await editor.Page.GetByRole(AriaRole.Link, new() { Name = "Accept: edit the fact with this evidence" }).ClickAsync();
        await editor.Page.WaitForURLAsync($"**/editor/facts/django/governance?review={id}");
        // Prefilled from the report: the proposed value, and its evidence as the source.
        Assert.Equal(newValue, await editor.Page.Locator("#fact-value").InputValueAsync());
        Assert.Equal(evidence, await editor.Page.Locator("#fact-source").InputValueAsync());
        await Button(editor.Page, "Save this fact").ClickAsync();
        await Assertions.Expect(editor.Page.Locator(".notice[role=status]")).ToHaveTextAsync("Saved. Readers see the new value now.");

        await reader.GotoAsync(Comparison);
        await Assertions.Expect(reader.Page.Locator("tr#governance td").First.Locator(".value")).ToHaveTextAsync(newValue);
        await reader.GotoAsync("/corrections");
        var entry = reader.Page.Locator($"#correction-{id}");
        await Assertions.Expect(entry.Locator(".old-value")).ToHaveTextAsync(oldValue);
        await Assertions.Expect(entry.Locator(".new-value")).ToHaveTextAsync(newValue);
        var link = entry.Locator($"a[href='{evidence}']");
        await Assertions.Expect(link).ToHaveAttributeAsync("rel", new System.Text.RegularExpressions.Regex(@"\bugc\b"));
        reader.AssertNoProblems();
        editor.AssertNoProblems();
    }

    [Fact]
    public async Task AReaderQuestionReachesTheQueueAndIsDeclinedWithAReason()
    {
        var question = $"Does Flask run on Python 3.15 yet? ({Guid.NewGuid():N})";
        const string reason = "Too early to say: Python 3.15 is not released.";
        await using var reader = await site.NewPageAsync();
        await reader.GotoAsync(Comparison);
        await reader.Page.GetByRole(AriaRole.Link, new() { Name = "Ask the editors", Exact = true }).ClickAsync();
        await reader.Page.WaitForURLAsync("**/questions/ask?about=%2Fcompare%2Fdjango-vs-flask");
        await reader.Page.GetByLabel("Your question", new() { Exact = true }).FillAsync(question);
        await Button(reader.Page, "Send the question").ClickAsync();
        await Assertions.Expect(reader.Page.Locator(".notice[role=status]")).ToHaveTextAsync("Thank you. Your question is with the editors.");

        await using var editor = await site.NewSignedInPageAsync(WorkspaceSite.EditorBen);
        var id = await OpenQueueItemAsync(editor, question);
        await Assertions.Expect(editor.Page.Locator("blockquote.reader-text")).ToHaveTextAsync(question);
        await Assertions.Expect(editor.Page.Locator("dd code")).ToHaveTextAsync(Comparison);
        await editor.Page.GetByLabel("Reason for declining").FillAsync(reason);
        await Button(editor.Page, "Decline").ClickAsync();
        await Assertions.Expect(editor.Page.Locator(".notice[role=status]")).ToHaveTextAsync($"Item {id} declined.");
        await Assertions.Expect(editor.Page.Locator("tr", new() { HasText = question })).ToHaveCountAsync(0);
        await editor.GotoAsync($"/editor/review/{id}");
        await Assertions.Expect(editor.Page.Locator("dd", new() { HasText = "declined" })).ToHaveTextAsync($"declined: {reason}");
        reader.AssertNoProblems();
        editor.AssertNoProblems();
    }

    /// <summary>Opens the newest open queue item whose row mentions <paramref name="about"/> and returns its id.</summary>
    static async Task<int> OpenQueueItemAsync(WatchedPage editor, string about)
    {
        await editor.GotoAsync("/editor/review");
        var link = editor.Page.Locator("tr", new() { HasText = about }).Last.GetByRole(AriaRole.Link);
        var id = int.Parse((await link.InnerTextAsync())["Item ".Length..]);
        await link.ClickAsync();
        await editor.Page.WaitForURLAsync($"**/editor/review/{id}");
        return id;
    }

    static ILocator Button(IPage page, string name) => page.GetByRole(AriaRole.Button, new() { Name = name, Exact = true });
}
