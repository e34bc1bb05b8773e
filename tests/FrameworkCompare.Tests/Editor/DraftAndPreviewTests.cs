using System.Net;
using System.Net.Http.Json;
using FrameworkCompare.Tests.Infrastructure;

namespace FrameworkCompare.Tests.Editor;

public sealed class DraftAndPreviewTests : IAsyncLifetime
{
    const string ArticlePath = "articles/django-vs-flask.md";
    EditorSite site = null!;

    public async Task InitializeAsync() => site = await EditorSite.StartAsync();
    public async Task DisposeAsync() => await site.DisposeAsync();

    [Fact]
    public async Task ASavedDraftIsThereAfterSigningInAgain()
    {
        var text = site.Content.Read(ArticlePath) + "\nA paragraph in progress.\n";
        Assert.Equal(HttpStatusCode.Redirect, (await site.PostEditAsync(ArticlePath, text, intent: "save")).StatusCode);

        using var later = await site.Site.SignInAsync(EditorSite.EditorEmail);
        var page = await site.OpenEditorAsync(ArticlePath, later);

        Assert.Equal(text, page.QuerySelector("textarea#content")!.TextContent.ReplaceLineEndings("\n"));
        Assert.NotEqual(text, site.Content.Read(ArticlePath));
    }

    [Fact]
    public async Task ASaveAfterTheSessionEndedAnswers401WithTheTextAndASignInForm()
    {
        // The same browser, whose session cookie ran out after it loaded the editor; its anti-forgery cookie stays.
        using var browser = await site.Site.SignInBrowserAsync(EditorSite.EditorEmail);
        var signedOut = browser.Client;
        var page = await site.OpenEditorAsync(ArticlePath, signedOut);
        var text = site.Content.Read(ArticlePath) + "\nTyped while the session ran out.\n";
        browser.ForgetSession();

        var response = await signedOut.PostAsync($"/editor/edit/{ArticlePath}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Text"] = text, ["BaseHash"] = page.QuerySelector("input[name=BaseHash]")!.GetAttribute("value")!, ["intent"] = "publish",
            ["__RequestVerificationToken"] = EditorSite.Token(page),
        }));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var kept = await Html.ParseAsync(response);
        Assert.Equal(text, kept.QuerySelector("textarea[name='Keep.Text']")!.TextContent.ReplaceLineEndings("\n"));
        Assert.Equal(ArticlePath, kept.QuerySelector("input[name='Keep.Path']")!.GetAttribute("value"));
        Assert.NotNull(kept.QuerySelector("form[action='/account/login'] input[name=Password]"));
        Assert.NotEqual(text, site.Content.Read(ArticlePath));

        // Signing in from that page saves the text as the editor's draft.
        var form = kept.QuerySelector("form[action='/account/login']")!;
        var fields = form.QuerySelectorAll("input[name], textarea[name]").ToDictionary(e => e.GetAttribute("name")!, e => e.GetAttribute("value") ?? e.TextContent);
        fields["Email"] = EditorSite.EditorEmail;
        fields["Password"] = TestAccounts.Password;
        var signIn = await signedOut.PostAsync("/account/login", new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        var editor = await site.OpenEditorAsync(ArticlePath, signedOut);
        Assert.Equal(text, editor.QuerySelector("textarea#content")!.TextContent.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task KeptTextLongerThanAnyDraftIsRefusedAtSignInWithAMessageNotAnError()
    {
        using var client = site.Site.CreateBrowserLikeClient();

        var response = await client.PostFormAsync("/account/login", new()
        {
            ["Email"] = EditorSite.EditorEmail, ["Password"] = TestAccounts.Password,
            ["Keep.Path"] = ArticlePath, ["Keep.Text"] = new string('x', Web.Editing.DraftStore.MaxTextLength + 1),
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("longer than a content file may be", (await Html.ParseAsync(response)).QuerySelector("main")!.TextContent);
        Assert.Empty(site.Site.Query(db => db.Drafts.ToList()));
    }

    [Fact]
    public async Task APreviewRendersTheReadersPageMarkedAndUncachedWhileReadersSeeNoChange()
    {
        var text = site.Content.Read(ArticlePath).Replace("title: Django or Flask?", "title: A draft title");
        Assert.Equal(HttpStatusCode.Redirect, (await site.PostEditAsync(ArticlePath, text, intent: "preview")).StatusCode);

        var response = await site.Editor.GetAsync($"/editor/preview/{ArticlePath}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("no-store", response.Headers.CacheControl!.ToString());
        var page = await Html.ParseAsync(response);
        Assert.Equal("A draft title", page.QuerySelector("article h1")!.TextContent);
        Assert.NotNull(page.QuerySelector(".preview-banner"));
        Assert.Equal("noindex", page.QuerySelector("meta[name=robots]")!.GetAttribute("content"));
        var published = await site.Site.GetDocumentAsync("/articles/django-vs-flask");
        Assert.Equal("Django or Flask?", published.QuerySelector("h1")!.TextContent);
        Assert.Equal(HttpStatusCode.Redirect, (await site.Site.CreateBrowserLikeClient().GetAsync($"/editor/preview/{ArticlePath}")).StatusCode);
    }

    [Fact]
    public async Task AFrameworkDraftPreviewsAsItsProfileAndInAComparison()
    {
        const string path = "frameworks/flask.md";
        var text = site.Content.Read(path).Replace("summary: Flask in one line.", "summary: Flask, as the draft says.");
        await site.PostEditAsync(path, text, intent: "save");

        var profile = await Html.ParseAsync(await site.Editor.GetAsync($"/editor/preview/{path}"));
        var comparisonResponse = await site.Editor.GetAsync($"/editor/preview/{path}?with=django");
        Assert.Equal(HttpStatusCode.OK, comparisonResponse.StatusCode);
        var comparison = await Html.ParseAsync(comparisonResponse);

        Assert.Equal("Flask, as the draft says.", profile.QuerySelector("p.lede")!.TextContent);
        Assert.NotNull(profile.QuerySelector("#preview-with option[value=django]"));
        Assert.Equal(["Django", "Flask"], comparison.QuerySelector("#facts ~ .table-scroll table.compare")!.QuerySelectorAll("thead th[scope=col]").Skip(1).Select(th => th.TextContent.Trim()));
        Assert.NotNull(comparison.QuerySelector(".preview-banner"));
    }

    [Fact]
    public async Task ANewArticleStartsFromAValidTemplateAtASuggestedSlug()
    {
        var form = await Html.ParseAsync(await site.Editor.GetAsync("/editor/new/article"));
        var response = await site.Editor.PostAsync("/editor/new/article", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Title"] = "Pyramid vs Flask: Which?", ["__RequestVerificationToken"] = EditorSite.Token(form),
        }));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/editor/edit/articles/pyramid-vs-flask-which.md", response.Headers.Location!.OriginalString);
        var editor = await site.OpenEditorAsync("articles/pyramid-vs-flask-which.md");
        var text = editor.QuerySelector("textarea#content")!.TextContent;
        Assert.Contains("title: \"Pyramid vs Flask: Which?\"", text);
        Assert.Equal(HttpStatusCode.Redirect, (await site.PostEditAsync("articles/pyramid-vs-flask-which.md", text)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await site.Site.CreateReader().GetAsync("/articles/pyramid-vs-flask-which")).StatusCode);
    }

    [Fact]
    public async Task ANewFileAtATakenSlugIsRefused()
    {
        var form = await Html.ParseAsync(await site.Editor.GetAsync("/editor/new/article"));
        var response = await site.Editor.PostAsync("/editor/new/article", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Title"] = "Another", ["Slug"] = "django-vs-flask", ["__RequestVerificationToken"] = EditorSite.Token(form),
        }));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("taken", (await Html.ParseAsync(response)).QuerySelector("#new-error")!.TextContent);
    }

    [Fact]
    public async Task TheCheckEndpointReportsProblemsByLineAndAutosaveKeepsADraft()
    {
        var page = await site.OpenEditorAsync(ArticlePath);
        var token = EditorSite.Token(page);
        var broken = site.Content.Read(ArticlePath).Replace("published: 2025-03-01", "published: soon");

        using var check = new HttpRequestMessage(HttpMethod.Post, "/editor/check") { Content = JsonContent.Create(new { path = ArticlePath, text = broken }) };
        check.Headers.Add("RequestVerificationToken", token);
        var problems = await (await site.Editor.SendAsync(check)).Content.ReadFromJsonAsync<List<Problem>>();
        Assert.Contains(problems!, p => p.Line == 6 && p.Message.Contains("not a date"));

        using var autosave = new HttpRequestMessage(HttpMethod.Post, "/editor/autosave") { Content = JsonContent.Create(new { path = ArticlePath, text = broken }) };
        autosave.Headers.Add("RequestVerificationToken", token);
        Assert.Equal(HttpStatusCode.OK, (await site.Editor.SendAsync(autosave)).StatusCode);
        Assert.Equal(broken, site.Site.Query(db => db.Drafts.Single()).Text);

        using var forged = new HttpRequestMessage(HttpMethod.Post, "/editor/autosave") { Content = JsonContent.Create(new { path = ArticlePath, text = "x" }) };
        Assert.Equal(HttpStatusCode.BadRequest, (await site.Editor.SendAsync(forged)).StatusCode);
    }

    [Fact]
    public async Task AnAutosaveOfThePublishedTextLeavesNoDraft()
    {
        await site.PostEditAsync(ArticlePath, site.Content.Read(ArticlePath) + "\nUnpublished.\n", intent: "save");
        var page = await site.OpenEditorAsync(ArticlePath);
        using var late = new HttpRequestMessage(HttpMethod.Post, "/editor/autosave") { Content = JsonContent.Create(new { path = ArticlePath, text = site.Content.Read(ArticlePath).Replace("\n", "\r\n") }) };
        late.Headers.Add("RequestVerificationToken", EditorSite.Token(page));

        Assert.Equal(HttpStatusCode.OK, (await site.Editor.SendAsync(late)).StatusCode);
        Assert.Empty(site.Site.Query(db => db.Drafts.ToList()));
    }

    sealed record Problem(string File, int Line, string Message, bool IsWarning);
}
