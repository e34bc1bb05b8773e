using FrameworkCompare.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace FrameworkCompare.BrowserTests;

/// <summary>Editors' journeys through the workspace in Chromium: edit, preview, publish, conflicts, an ended session, the keyboard.</summary>
[Collection(WorkspaceCollection.Name)]
public sealed class WorkspaceJourneyTests(WorkspaceSite site)
{
    /// <summary>Deadline for things that happen on their own (autosave every 5 s, the public page updating); never asserted as a duration.</summary>
    static readonly TimeSpan Patience = TimeSpan.FromSeconds(20), PublicPageDeadline = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task AnEditIsPreviewedThenPublishedAndReadersSeeIt()
    {
        const string file = "articles/django-vs-flask.md";
        var marker = $"as a browser test confirmed ({Guid.NewGuid():N})";
        await using var editor = await site.NewPageAsync();
        await site.SignInAsync(editor, WorkspaceSite.EditorAna);
        await editor.GotoAsync($"/editor/edit/{file}");
        var page = editor.Page;
        var content = Content(page);
        await content.FillAsync(Replace(await content.InputValueAsync(), "used for serious production work.", $"used for serious production work, {marker}."));

        await Button(page, "Preview").ClickAsync();
        await page.WaitForURLAsync($"**/editor/preview/{file}");
        await Assertions.Expect(page.Locator(".preview-banner")).ToContainTextAsync("Preview, not published.");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync(marker);

        await page.GetByRole(AriaRole.Link, new() { Name = "Back to the editor" }).ClickAsync();
        await page.WaitForURLAsync($"**/editor/edit/{file}");
        Assert.Contains(marker, await Content(page).InputValueAsync());
        await Button(page, "Publish").ClickAsync();
        await Assertions.Expect(page.Locator(".notice[role=status]")).ToHaveTextAsync("Published. Readers see the change now.");
        Assert.Contains(marker, await File.ReadAllTextAsync(site.ContentFile(file)));

        await using var reader = await site.NewPageAsync();
        await PollUntilAsync(async () =>
        {
            await reader.GotoAsync("/articles/django-versus-flask");
            return (await reader.Page.Locator("main").InnerTextAsync()).Contains(marker);
        }, "The public article never showed the published change.");

        // Leaving the editor must not bring back a draft of what was just published.
        await editor.GotoAsync($"/editor/edit/{file}");
        await Assertions.Expect(page.GetByText("You are editing your draft")).ToHaveCountAsync(0);
        editor.AssertNoProblems();
        reader.AssertNoProblems();
    }

    [Fact]
    public async Task TwoEditorsPublishingTheSameFileLoseNoEdit()
    {
        const string file = "articles/flask-vs-fastapi.md", path = $"/editor/edit/{file}";
        const string lineA = "look alike on the surface.", lineB = "is in what they are optimised for.";
        string changeA = $"look alike on the surface (Ana {Guid.NewGuid():N}).", changeB = $"is in what they are optimised for (Ben {Guid.NewGuid():N}).";
        await using var ana = await site.NewPageAsync();
        await using var ben = await site.NewPageAsync();
        await site.SignInAsync(ana, WorkspaceSite.EditorAna);
        await site.SignInAsync(ben, WorkspaceSite.EditorBen);
        await ana.GotoAsync(path);
        await ben.GotoAsync(path);

        await Content(ana.Page).FillAsync(Replace(await Content(ana.Page).InputValueAsync(), lineA, changeA));
        await Button(ana.Page, "Publish").ClickAsync();
        await Assertions.Expect(ana.Page.Locator(".notice[role=status]")).ToHaveTextAsync("Published. Readers see the change now.");

        // Ben loaded the file before Ana published: his publish must stop at the conflict page, with his text intact.
        var typedByBen = Replace(await Content(ben.Page).InputValueAsync(), lineB, changeB);
        await Content(ben.Page).FillAsync(typedByBen);
        ben.ExpectErrorStatus(path);
        var conflict = await ben.Page.RunAndWaitForResponseAsync(() => Button(ben.Page, "Publish").ClickAsync(),
            r => r.Request.Method == "POST" && r.Url.EndsWith(path));
        Assert.Equal(409, conflict.Status);
        await Assertions.Expect(ben.Page.Locator("h1")).ToContainTextAsync("Someone else changed");
        Assert.Equal(typedByBen, await Content(ben.Page).InputValueAsync());
        var onDisk = await File.ReadAllTextAsync(site.ContentFile(file));
        Assert.Contains(changeA, onDisk);
        Assert.DoesNotContain(changeB, onDisk);

        // Ben merges: their whole version, with his line changed again.
        var theirs = await ben.Page.Locator("pre.whole-text").TextContentAsync() ?? "";
        await Content(ben.Page).FillAsync(Replace(theirs, lineB, changeB));
        await Button(ben.Page, "Publish").ClickAsync();
        await Assertions.Expect(ben.Page.Locator(".notice[role=status]")).ToHaveTextAsync("Published. Readers see the change now.");
        var merged = await File.ReadAllTextAsync(site.ContentFile(file));
        Assert.Contains(changeA, merged);
        Assert.Contains(changeB, merged);
        ana.AssertNoProblems();
        ben.AssertNoProblems();
    }

    [Fact]
    public async Task WithScriptATextTypedAfterTheSessionEndedSurvivesSigningInAgain()
    {
        const string file = "faq/can-django-build-apis.md", path = $"/editor/edit/{file}";
        var added = $"\nAdded while the session ended ({Guid.NewGuid():N}).\n";
        await using var editor = await site.NewPageAsync();
        await site.SignInAsync(editor, WorkspaceSite.EditorBen);
        await editor.GotoAsync(path);
        var page = editor.Page;
        var typed = await Content(page).InputValueAsync() + "\nTyped before." + added;
        await Content(page).FillAsync(typed[..^added.Length]);

        await WorkspaceSite.EndSessionAsync(editor);
        // Both of the editor's background requests meet the ended session.
        editor.ExpectErrorStatus("/editor/autosave");
        editor.ExpectErrorStatus("/editor/check");
        await Content(page).FillAsync(typed);
        await Assertions.Expect(page.Locator("#autosave-status")).ToContainTextAsync("Your session has ended", new() { Timeout = (float)Patience.TotalMilliseconds });
        var kept = await page.EvaluateJsonAsync<KeptText>("key => JSON.parse(localStorage.getItem(key))", $"fc-draft:{file}");
        Assert.Equal(typed, kept.Text);

        var tab = await site.NewTabAsync(editor);
        await site.SignInAsync(tab, WorkspaceSite.EditorBen);
        await page.ReloadAsync();
        Assert.Equal(typed, await Content(page).InputValueAsync());
        editor.AssertNoProblems();
        tab.AssertNoProblems();
    }

    [Fact]
    public async Task WithoutScriptATextSavedAfterTheSessionEndedIsKeptThroughSignIn()
    {
        const string file = "faq/django-flask-or-react.md", path = $"/editor/edit/{file}";
        await using var editor = await site.NewPageAsync(javaScript: false);
        await site.SignInAsync(editor, WorkspaceSite.EditorAna);
        await editor.GotoAsync(path);
        var page = editor.Page;
        var typed = await Content(page).InputValueAsync() + $"\nTyped without script ({Guid.NewGuid():N}).\n";
        await Content(page).FillAsync(typed);

        await WorkspaceSite.EndSessionAsync(editor);
        editor.ExpectErrorStatus(path);
        var signedOut = await page.RunAndWaitForResponseAsync(() => Button(page, "Save draft").ClickAsync(),
            r => r.Request.Method == "POST" && r.Url.EndsWith(path));
        Assert.Equal(401, signedOut.Status);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Your session has ended");
        Assert.Equal(typed, await Content(page).InputValueAsync());

        await WorkspaceSite.FillSignInFormAsync(page, WorkspaceSite.EditorAna);
        await page.WaitForURLAsync($"**{path}");
        await Assertions.Expect(page.GetByText("You are editing your draft")).ToBeVisibleAsync();
        Assert.Equal(typed, await Content(page).InputValueAsync());
        editor.AssertNoProblems();
    }

    [Fact]
    public async Task TheEditorFormIsUsableByKeyboardAlone()
    {
        const string file = "articles/choosing-a-python-web-framework.md", path = $"/editor/edit/{file}";
        var typed = $" Typed by keyboard {Guid.NewGuid():N}.";
        await using var editor = await site.NewPageAsync();
        await site.SignInAsync(editor, WorkspaceSite.EditorAna);
        await editor.GotoAsync(path);
        var page = editor.Page;

        for (var i = 0; i < 200 && (await FocusProbe.FocusedAsync(page)).Id != "content"; i++) await page.Keyboard.PressAsync("Tab");
        var order = new List<FocusProbe.Focused> { await FocusProbe.FocusedAsync(page) };
        await page.Keyboard.PressAsync("Control+End");
        await page.Keyboard.TypeAsync(typed);
        for (var i = 0; i < 4; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            order.Add(await FocusProbe.FocusedAsync(page));
        }

        Assert.Equal(["textarea#content", "input#message", "button Save draft", "button Preview", "button Publish"],
            order.Select(f => f.Tag == "button" ? $"button {f.Text}" : $"{f.Tag}#{f.Id}"));
        var unringed = order.Where(f => !f.HasVisibleFocus || !f.Unobscured).Select(f => $"{f.Tag}#{f.Id} {f.Text} (outline: {f.Outline}, unobscured: {f.Unobscured})").ToList();
        Assert.True(unringed.Count == 0, "Focused without a visible, unobscured focus ring:\n" + string.Join('\n', unringed));

        await page.Keyboard.PressAsync("Shift+Tab");
        await page.Keyboard.PressAsync("Shift+Tab");
        Assert.Equal("Save draft", (await FocusProbe.FocusedAsync(page)).Text);
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator(".notice[role=status]")).ToHaveTextAsync("Draft saved.");
        Assert.EndsWith(typed.TrimEnd(), (await Content(page).InputValueAsync()).TrimEnd());
        editor.AssertNoProblems();
    }

    sealed record KeptText(string Text);

    static ILocator Content(IPage page) => page.GetByLabel("Content", new() { Exact = true });

    static ILocator Button(IPage page, string name) => page.GetByRole(AriaRole.Button, new() { Name = name, Exact = true });

    /// <summary>Replaces text that occurs exactly once, so an edit can never silently miss.</summary>
    static string Replace(string text, string old, string replacement)
    {
        var at = text.IndexOf(old, StringComparison.Ordinal);
        Assert.True(at >= 0 && text.IndexOf(old, at + 1, StringComparison.Ordinal) < 0, $"\"{old}\" is not in the text exactly once.");
        return string.Concat(text.AsSpan(0, at), replacement, text.AsSpan(at + old.Length));
    }

    static async Task PollUntilAsync(Func<Task<bool>> condition, string failure)
    {
        var deadline = DateTime.UtcNow + PublicPageDeadline;
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, failure);
            await Task.Delay(500);
        }
    }
}
