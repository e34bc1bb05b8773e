using System.Net;
using FrameworkCompare.Tests.Infrastructure;

namespace FrameworkCompare.Tests.Editor;

public sealed class WorkspaceAccessTests : IAsyncLifetime
{
    EditorSite site = null!;

    public async Task InitializeAsync() => site = await EditorSite.StartAsync();
    public async Task DisposeAsync() => await site.DisposeAsync();

    public static TheoryData<string> Pages => new()
    {
        "/editor", "/editor/files", "/editor/new/article", "/editor/edit/articles/django-vs-flask.md",
        "/editor/history/articles/django-vs-flask.md", "/editor/delete/articles/django-vs-flask.md", "/editor/preview/faq/is-django-still-relevant.md",
    };

    [Theory, MemberData(nameof(Pages))]
    public async Task AnonymousReadersAreSentToSignIn(string path)
    {
        var response = await site.Site.CreateBrowserLikeClient().GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("https://localhost/account/login?ReturnUrl=", response.Headers.Location!.ToString());
    }

    [Theory, MemberData(nameof(Pages))]
    public async Task AnAccountWithoutARoleGets403(string path)
    {
        await site.Site.CreateAccountAsync("nobody@example.org", role: null);
        using var client = await site.Site.SignInAsync("nobody@example.org");

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(path)).StatusCode);
    }

    [Theory, MemberData(nameof(Pages))]
    public async Task EditorsGetEveryPageUncached(string path)
    {
        var response = await site.Editor.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl?.NoStore, $"{path} is missing Cache-Control: no-store");
    }

    [Fact]
    public async Task TheHomePageListsDraftsRecentPublishesAndImportProblems()
    {
        site.Content.Write("faq/broken.md", "no front matter");
        await site.Site.ImportAsync();
        await site.PostEditAsync("articles/django-vs-flask.md", site.Content.Read("articles/django-vs-flask.md") + "\nMore.\n", intent: "save");
        await site.PostEditAsync("faq/is-django-still-relevant.md", site.Content.Read("faq/is-django-still-relevant.md") + "\nMore.\n", message: "Extend");

        var home = await Html.ParseAsync(await site.Editor.GetAsync("/editor"));

        Assert.Equal(["articles/django-vs-flask.md"], home.QuerySelectorAll("#my-drafts + ul a").Select(a => a.TextContent));
        Assert.Contains(home.QuerySelectorAll("#recent + ul li"), li => li.TextContent.Contains("faq/is-django-still-relevant.md") && li.TextContent.Contains("Extend"));
        Assert.Contains(home.QuerySelectorAll("#import-problems + ul li"), li => li.TextContent.Contains("faq/broken.md:1"));
    }

    [Fact]
    public async Task TheFileListFiltersByKindAndText()
    {
        var page = await Html.ParseAsync(await site.Editor.GetAsync("/editor/files?kind=framework&q=fla"));

        Assert.Equal(["frameworks/flask.md"], page.QuerySelectorAll("table.files tbody th a").Select(a => a.TextContent));
    }

    [Fact]
    public async Task OnlyAdminsSeeTheAuditLogOfPublishes()
    {
        await site.PostEditAsync("faq/is-django-still-relevant.md", site.Content.Read("faq/is-django-still-relevant.md") + "\nMore.\n", message: "Extend");
        Assert.Equal(HttpStatusCode.Forbidden, (await site.Editor.GetAsync("/editor/audit")).StatusCode);
        await site.Site.CreateAccountAsync("admin@example.org", "admin");
        using var admin = await site.Site.SignInAsync("admin@example.org");

        var audit = await Html.ParseAsync(await admin.GetAsync("/editor/audit"));

        Assert.Contains(audit.QuerySelectorAll("tbody tr"), tr => tr.Children[1].TextContent == "published" && tr.Children[2].TextContent == EditorSite.EditorEmail
            && tr.Children[3].TextContent == "faq/is-django-still-relevant.md");
    }
}
