using System.Net;
using FrameworkCompare.Tests.Infrastructure;
using FrameworkCompare.Web.Models;

namespace FrameworkCompare.Tests.Editor;

public sealed class PublishTests : IAsyncLifetime
{
    const string ArticlePath = "articles/django-vs-flask.md";
    EditorSite site = null!;

    public async Task InitializeAsync() => site = await EditorSite.StartAsync();
    public async Task DisposeAsync() => await site.DisposeAsync();

    [Fact]
    public async Task APublishedEditIsWrittenRecordedAndShownToReaders()
    {
        var text = site.Content.Read(ArticlePath).Replace("title: Django or Flask?", "title: Django or Flask, revised");

        var response = await site.PostEditAsync(ArticlePath, text, message: "Sharper title");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(text, site.Content.Read(ArticlePath));
        var revision = site.Revisions(ArticlePath).Last();
        Assert.Equal((RevisionKind.Published, EditorSite.EditorEmail, "Sharper title"), (revision.Kind, revision.Author, revision.Message));
        Assert.Equal(text, revision.Text);
        var page = await site.Site.GetDocumentAsync("/articles/django-vs-flask");
        Assert.Equal("Django or Flask, revised", page.QuerySelector("h1")!.TextContent);
        Assert.Empty(site.Site.Query(db => db.Drafts.ToList()));
    }

    [Fact]
    public async Task ABrokenChangeIsRefusedWith422AndTheTextStaysInTheForm()
    {
        var before = site.Content.Read(ArticlePath);
        var broken = before.Replace("published: 2025-03-01", "published: someday");

        var response = await site.PostEditAsync(ArticlePath, broken);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.Equal(broken.ReplaceLineEndings("\n"), page.QuerySelector("textarea#content")!.TextContent.ReplaceLineEndings("\n"));
        var problem = Assert.Single(page.QuerySelectorAll(".problems.blocking li"));
        Assert.Contains($"{ArticlePath}:6", problem.TextContent);
        Assert.Equal(before, site.Content.Read(ArticlePath));
        Assert.Equal(broken, site.Site.Query(db => db.Drafts.Single()).Text);
    }

    [Fact]
    public async Task APublishFromAStaleVersionGets409WithBothVersionsAndLosesNothing()
    {
        var editorPage = await site.OpenEditorAsync(ArticlePath);
        var startedFrom = editorPage.QuerySelector("input[name=BaseHash]")!.GetAttribute("value")!;
        var theirs = site.Content.Read(ArticlePath).Replace("More words.", "More words, by hand.");
        site.Content.Write(ArticlePath, theirs);
        var mine = theirs.Replace("More words, by hand.", "More words.").Replace("Some words", "My words");

        var response = await site.PostEditAsync(ArticlePath, mine, baseHash: startedFrom);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.Equal(mine, page.QuerySelector("textarea#content")!.TextContent.ReplaceLineEndings("\n"));
        Assert.Contains(page.QuerySelectorAll(".diff-added code"), c => c.TextContent.Contains("My words"));
        Assert.Equal(theirs, site.Content.Read(ArticlePath));

        // Publishing again from the conflict page starts from their version, so it goes through.
        var merged = new Dictionary<string, string>
        {
            ["Text"] = mine, ["BaseHash"] = page.QuerySelector("input[name=BaseHash]")!.GetAttribute("value")!, ["intent"] = "publish",
            ["__RequestVerificationToken"] = EditorSite.Token(page),
        };
        var again = await site.Editor.PostAsync($"/editor/edit/{ArticlePath}", new FormUrlEncodedContent(merged));
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal(mine, site.Content.Read(ArticlePath));
    }

    [Fact]
    public async Task ProblemsOtherFilesAlreadyHadDoNotBlockAPublish()
    {
        site.Content.Write("faq/broken.md", "no front matter here");
        await site.Site.ImportAsync();
        var text = site.Content.Read(ArticlePath).Replace("More words.", "Published beside a broken file.");

        Assert.Equal(HttpStatusCode.Redirect, (await site.PostEditAsync(ArticlePath, text)).StatusCode);
        Assert.Equal(text, site.Content.Read(ArticlePath));

        var broken = site.Content.Read(ArticlePath).Replace("published: 2025-03-01", "published: never");
        var refused = await Html.ParseAsync(await site.PostEditAsync(ArticlePath, broken));
        Assert.Contains(refused.QuerySelectorAll(".problems.existing li"), li => li.TextContent.Contains("faq/broken.md:1"));
    }

    [Fact]
    public async Task ACatalogEditThatBreaksProfilesIsRefusedNamingTheProfiles()
    {
        var catalog = site.Content.Read("attributes.yml");
        var withoutOrm = catalog.Replace("""
              - key: orm
                label: Built-in ORM
                category: data
                type: yesno
                description: Whether an ORM ships with the framework.
                order: 1

            """, "");
        Assert.NotEqual(catalog, withoutOrm);

        var response = await site.PostEditAsync("attributes.yml", withoutOrm);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var problems = (await Html.ParseAsync(response)).QuerySelectorAll(".problems.blocking li").Select(li => li.TextContent).ToList();
        Assert.Contains(problems, p => p.Contains("frameworks/django.md") && p.Contains("unknown attribute 'orm'"));
        Assert.Equal(catalog, site.Content.Read("attributes.yml"));
    }

    [Fact]
    public async Task DeletingAFrameworkThatArticlesUseIsRefused()
    {
        var response = await DeleteAsync("frameworks/flask.md");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var problems = (await Html.ParseAsync(response)).QuerySelectorAll(".problems.blocking li").Select(li => li.TextContent).ToList();
        Assert.Contains(problems, p => p.Contains(ArticlePath) && p.Contains("unknown framework 'flask'"));
        Assert.True(File.Exists(site.Content.PathOf("frameworks/flask.md")));
    }

    [Fact]
    public async Task ADeletedArticleAnswers410KeepsItsHistoryAndCanBeRestored()
    {
        var response = await DeleteAsync(ArticlePath);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(File.Exists(site.Content.PathOf(ArticlePath)));
        Assert.Equal(HttpStatusCode.Gone, (await site.Site.CreateReader().GetAsync("/articles/django-vs-flask")).StatusCode);
        var history = await Html.ParseAsync(await site.Editor.GetAsync($"/editor/history/{ArticlePath}"));
        var restore = history.QuerySelector("form[action^='/editor/restore/']")!;

        var restored = await site.Editor.PostAsync(restore.GetAttribute("action"), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["baseHash"] = "", ["__RequestVerificationToken"] = EditorSite.Token(history),
        }));

        Assert.Equal(HttpStatusCode.OK, restored.StatusCode);
        Assert.True(File.Exists(site.Content.PathOf(ArticlePath)));
        Assert.Equal(HttpStatusCode.OK, (await site.Site.CreateReader().GetAsync("/articles/django-vs-flask")).StatusCode);
        Assert.Equal([RevisionKind.Deleted, RevisionKind.Restored], site.Revisions(ArticlePath).TakeLast(2).Select(r => r.Kind));
    }

    [Fact]
    public async Task ARenamedSlugAnswers301ToTheNewAddress()
    {
        var text = site.Content.Read(ArticlePath).Replace("slug: django-vs-flask", "slug: django-or-flask");

        Assert.Equal(HttpStatusCode.Redirect, (await site.PostEditAsync(ArticlePath, text)).StatusCode);

        var old = await site.Site.CreateReader().GetAsync("/articles/django-vs-flask");
        Assert.Equal(HttpStatusCode.MovedPermanently, old.StatusCode);
        Assert.Equal("/articles/django-or-flask", old.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task AComparisonFollowsARenamedFrameworkAndIsGoneWithARemovedOne()
    {
        var text = site.Content.Read("frameworks/fastapi.md").Replace("slug: fastapi", "slug: fast-api");
        Assert.Equal(HttpStatusCode.Redirect, (await site.PostEditAsync("frameworks/fastapi.md", text)).StatusCode);

        var moved = await site.Site.CreateReader().GetAsync("/compare/django-vs-fastapi");
        Assert.Equal(HttpStatusCode.MovedPermanently, moved.StatusCode);
        Assert.Equal("/compare/django-vs-fast-api", moved.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.MovedPermanently, (await site.Site.CreateReader().GetAsync("/frameworks/fastapi")).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await DeleteAsync("frameworks/fastapi.md")).StatusCode);
        Assert.Equal(HttpStatusCode.Gone, (await site.Site.CreateReader().GetAsync("/compare/django-vs-fastapi")).StatusCode);
        Assert.Equal(HttpStatusCode.Gone, (await site.Site.CreateReader().GetAsync("/frameworks/fast-api")).StatusCode);
    }

    [Fact]
    public async Task AFileChangedOutsideTheWorkspaceGetsARevisionOfItsOwn()
    {
        await EditorSite.EventuallyAsync(() => site.Revisions(ArticlePath), r => r.Count > 0);
        var edited = site.Content.Read(ArticlePath).Replace("More words.", "Edited in a text editor.");
        site.Content.Write(ArticlePath, edited);

        await site.Site.ImportAsync();

        var revisions = await EditorSite.EventuallyAsync(() => site.Revisions(ArticlePath), r => r.Count >= 2);
        Assert.Equal(RevisionKind.FirstSeen, revisions[0].Kind);
        Assert.Equal((RevisionKind.Outside, Revision.OutsideAuthor, edited), (revisions[1].Kind, revisions[1].Author, revisions[1].Text));
    }

    [Fact]
    public async Task ASignedInRequestWithoutTheAntiforgeryTokenIsRefused()
    {
        var text = site.Content.Read(ArticlePath);
        var response = await site.Editor.PostAsync($"/editor/edit/{ArticlePath}",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["Text"] = text + "\nextra", ["intent"] = "publish" }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(text, site.Content.Read(ArticlePath));
    }

    [Theory]
    [InlineData("../attributes.yml")]
    [InlineData("articles/../../etc/passwd")]
    [InlineData("articles/notes.txt")]
    [InlineData("media/x.png")]
    public async Task PathsOutsideTheContentFilesAreNotFound(string path)
    {
        Assert.Equal(HttpStatusCode.NotFound, (await site.Editor.GetAsync($"/editor/edit/{path}")).StatusCode);
    }

    async Task<HttpResponseMessage> DeleteAsync(string path)
    {
        var page = await Html.ParseAsync(await site.Editor.GetAsync($"/editor/delete/{path}"));
        return await site.Editor.PostAsync($"/editor/delete/{path}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["baseHash"] = page.QuerySelector("input[name=baseHash]")!.GetAttribute("value")!, ["__RequestVerificationToken"] = EditorSite.Token(page),
        }));
    }
}
