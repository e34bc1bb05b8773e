using System.Net;
using FrameworkCompare.Tests.Infrastructure;
using FrameworkCompare.Web.Content;
using Microsoft.Extensions.DependencyInjection;

namespace FrameworkCompare.Tests.Editor;

/// <summary>
/// A publish of one article among many reads that file's record (and the profiles', which articles are checked
/// against) and opens that file alone, whatever the number of articles; its guarantees hold all the same.
/// </summary>
public sealed class OneFilePublishTests : IAsyncLifetime
{
    const int Articles = 150;
    const string ArticlePath = "articles/django-vs-flask.md";
    EditorSite site = null!;

    public async Task InitializeAsync()
    {
        site = await EditorSite.StartAsync();
        for (var i = 0; i < Articles; i++)
            site.Content.Write($"articles/extra-{i:000}.md", TestContent.Article($"extra-{i:000}", $"Extra article {i}", "[django]"));
        await site.Site.ImportAsync();
    }

    public async Task DisposeAsync() => await site.DisposeAsync();

    ContentReadCounter Reads => site.Site.Services.GetRequiredService<ContentReadCounter>();

    int Profiles => site.Site.Query(db => db.Frameworks.Count());

    [Fact]
    public async Task APublishOfOneArticleReadsItsRecordAndOpensItsFileAlone()
    {
        var text = site.Content.Read(ArticlePath).Replace("title: Django or Flask?", "title: Django or Flask, one file");
        var (records, files) = (Reads.Records, Reads.Files);

        Assert.Equal(HttpStatusCode.Redirect, (await site.PostEditAsync(ArticlePath, text)).StatusCode);

        // The check and the import each read the article's record and the profiles'; only the import opens a file.
        Assert.Equal(2 * (1 + Profiles), Reads.Records - records);
        Assert.Equal(1, Reads.Files - files);
        var page = await site.Site.GetDocumentAsync("/articles/django-vs-flask");
        Assert.Equal("Django or Flask, one file", page.QuerySelector("h1")!.TextContent);
        Assert.Equal(text, site.Site.Query(db => db.Revisions.Where(r => r.Path == ArticlePath).OrderBy(r => r.Id).ToList()).Last().Text);
    }

    [Fact]
    public async Task ASlugAnotherFileServesIsRefusedAsADuplicate()
    {
        var text = site.Content.Read(ArticlePath).Replace("slug: django-vs-flask", "slug: extra-007");

        var response = await site.PostEditAsync(ArticlePath, text);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var problems = (await Html.ParseAsync(response)).QuerySelectorAll(".problems.blocking li").Select(li => li.TextContent).ToList();
        Assert.Contains(problems, p => p.Contains("duplicate slug 'extra-007'") && p.Contains("articles/extra-007.md"));
    }

    [Fact]
    public async Task ANewArticleAndItsDeletionChangeOnlyTheirOwnPages()
    {
        var path = "articles/brand-new.md";
        var created = await Html.ParseAsync(await site.Editor.GetAsync("/editor/new/article"));
        await site.Editor.PostAsync("/editor/new/article", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Title"] = "Brand new", ["__RequestVerificationToken"] = EditorSite.Token(created),
        }));
        var template = (await site.OpenEditorAsync(path)).QuerySelector("textarea#content")!.TextContent;
        Assert.Equal(HttpStatusCode.Redirect, (await site.PostEditAsync(path, template)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await site.Site.CreateReader().GetAsync("/articles/brand-new")).StatusCode);
        Assert.Equal(Articles + 2, site.Site.Query(db => db.Articles.Count()));

        var form = await Html.ParseAsync(await site.Editor.GetAsync($"/editor/delete/{path}"));
        await site.Editor.PostAsync($"/editor/delete/{path}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["baseHash"] = form.QuerySelector("input[name=baseHash]")!.GetAttribute("value")!, ["__RequestVerificationToken"] = EditorSite.Token(form),
        }));

        Assert.Equal(HttpStatusCode.Gone, (await site.Site.CreateReader().GetAsync("/articles/brand-new")).StatusCode);
        Assert.Equal(Articles + 1, site.Site.Query(db => db.Articles.Count()));
    }
}
