using Microsoft.Playwright;

namespace FrameworkCompare.BrowserTests.Infrastructure;

/// <summary>Every page of the workspace, opened in Chromium as the admin (sign-in pages anonymously), with the HTML the site sent.</summary>
public static class WorkspacePages
{
    const string Article = "articles/django-vs-fastapi.md";
    /// <summary>The conflict and signed-out pages come from posting this file's editor form.</summary>
    const string PostedFile = "faq/django-or-flask-for-beginners.md";
    public const string Conflict = "conflict (409)", SignedOut = "signed out (401)", ReviewItem = "/editor/review/{id} (a reader's report)";

    /// <summary>Reader pages whose forms only show over https, so they are checked here rather than on the http reader site; opened signed out.</summary>
    static readonly string[] Public = ["/facts/django/orm", "/questions/ask", "/corrections"];

    public static readonly IReadOnlyList<string> All =
    [
        "/account/login", "/account/two-factor", "/editor", "/editor/files", "/editor/new/article",
        $"/editor/edit/{Article}", $"/editor/preview/{Article}", $"/editor/history/{Article}", $"/editor/delete/{Article}", "/editor/audit",
        "/editor/stale", "/editor/sources", "/editor/facts/django/orm", "/editor/review", ReviewItem, .. Public,
        Conflict, SignedOut,
    ];

    public static TheoryData<string> Theory() => [.. All];

    public static async Task<(WatchedPage Page, string Html)> OpenAsync(WorkspaceSite site, string name, ColorScheme scheme = ColorScheme.Light, bool bypassCsp = false)
    {
        if (name is ReviewItem or "/corrections" or "/editor/review") await ReaderReports.EnsureAsync(site);
        var watched = name == "/account/login" || Public.Contains(name)
            ? await site.NewPageAsync(colorScheme: scheme, bypassCsp: bypassCsp)
            : await site.NewSignedInPageAsync(WorkspaceSite.Admin, scheme, bypassCsp);
        var page = watched.Page;
        if (name is not (Conflict or SignedOut))
        {
            var response = await page.GotoAsync(name == ReviewItem ? $"/editor/review/{ReaderReports.OpenId}" : name);
            Assert.Equal(200, response?.Status);
            return (watched, await response!.TextAsync());
        }

        var editPath = $"/editor/edit/{PostedFile}";
        await watched.GotoAsync(editPath);
        watched.ExpectErrorStatus(editPath);
        string button;
        if (name == Conflict)
        {
            // A base the file never had: as if someone published since this page was loaded.
            await page.Locator("input[name=BaseHash]").EvaluateAsync("input => input.value = 'stale'");
            button = "Publish";
        }
        else
        {
            await WorkspaceSite.EndSessionAsync(watched);
            button = "Save draft";
        }
        var posted = await page.RunAndWaitForResponseAsync(() => page.GetByRole(AriaRole.Button, new() { Name = button, Exact = true }).ClickAsync(),
            r => r.Request.Method == "POST" && r.Url.EndsWith(editPath));
        Assert.Equal(name == Conflict ? 409 : 401, posted.Status);
        await page.WaitForLoadStateAsync();
        return (watched, await posted.TextAsync());
    }
}
