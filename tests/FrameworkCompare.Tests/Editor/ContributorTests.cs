using System.Net;
using FrameworkCompare.Tests.Infrastructure;
using FrameworkCompare.Web.Models;

namespace FrameworkCompare.Tests.Editor;

public sealed class ContributorTests : IAsyncLifetime
{
    const string ArticlePath = "articles/django-vs-flask.md";
    EditorSite site = null!;
    HttpClient contributor = null!;

    public async Task InitializeAsync()
    {
        site = await EditorSite.StartAsync();
        await site.Site.CreateAccountAsync("cora@example.org", "contributor");
        contributor = await site.Site.SignInAsync("cora@example.org");
    }

    public async Task DisposeAsync()
    {
        contributor.Dispose();
        await site.DisposeAsync();
    }

    [Fact]
    public async Task AContributorCannotPublishButSubmitsForReview()
    {
        var text = site.Content.Read(ArticlePath).Replace("More words.", "Contributed words.");
        var editor = await site.OpenEditorAsync(ArticlePath, contributor);
        Assert.Null(editor.QuerySelector("button[value=publish]"));

        Assert.Equal(HttpStatusCode.Forbidden, (await site.PostEditAsync(ArticlePath, text, client: contributor)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await contributor.GetAsync("/editor/review")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await site.PostEditAsync(ArticlePath, text, intent: "submit", message: "Better wording", client: contributor)).StatusCode);

        Assert.NotEqual(text, site.Content.Read(ArticlePath));
        var item = site.Site.Query(db => db.ReviewItems.Single());
        Assert.Equal((ReviewKind.Submission, "cora@example.org", ArticlePath, text), (item.Kind, item.Origin, item.Path, item.Text));
    }

    [Fact]
    public async Task AnEditorPublishesASubmissionFromItsDiff()
    {
        var text = site.Content.Read(ArticlePath).Replace("More words.", "Contributed words.");
        await site.PostEditAsync(ArticlePath, text, intent: "submit", client: contributor);
        var id = site.Site.Query(db => db.ReviewItems.Single().Id);
        var review = await Html.ParseAsync(await site.Editor.GetAsync($"/editor/review/{id}"));
        Assert.Contains(review.QuerySelectorAll(".diff-added code"), c => c.TextContent == "Contributed words.");

        var publish = await site.Editor.PostAsync($"/editor/review/{id}/publish", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = EditorSite.Token(review) }));

        Assert.Equal(HttpStatusCode.Redirect, publish.StatusCode);
        Assert.Equal(text, site.Content.Read(ArticlePath));
        Assert.Equal(ReviewState.Accepted, site.Site.Query(db => db.ReviewItems.Single()).State);
        Assert.Contains("submitted by cora@example.org", site.Revisions(ArticlePath).Last().Message);
    }

    [Fact]
    public async Task ASubmissionSentBackShowsTheCommentToItsContributor()
    {
        await site.PostEditAsync(ArticlePath, site.Content.Read(ArticlePath) + "\nDraft idea.\n", intent: "submit", client: contributor);
        var id = site.Site.Query(db => db.ReviewItems.Single().Id);
        var review = await Html.ParseAsync(await site.Editor.GetAsync($"/editor/review/{id}"));

        await site.Editor.PostAsync($"/editor/review/{id}/send-back", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["comment"] = "Cite the changelog for this.", ["__RequestVerificationToken"] = EditorSite.Token(review),
        }));

        Assert.Equal(ReviewState.SentBack, site.Site.Query(db => db.ReviewItems.Single()).State);
        var page = await site.OpenEditorAsync(ArticlePath, contributor);
        Assert.Contains("Cite the changelog for this.", page.QuerySelector(".warning")!.TextContent);
    }
}
