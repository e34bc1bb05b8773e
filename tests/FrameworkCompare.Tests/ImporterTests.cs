using FrameworkCompare.Tests.Infrastructure;
using FrameworkCompare.Web.Content;
using FrameworkCompare.Web.Models;
using Microsoft.EntityFrameworkCore;

namespace FrameworkCompare.Tests;

public sealed class ImporterTests : IDisposable
{
    readonly SiteFactory site = new();

    public ImporterTests() => site.CreateClient(); // starts the host: migrate, then the first import

    public void Dispose() => site.Dispose();

    string SummaryOf(string slug) => site.Query(db => db.Frameworks.Single(f => f.Slug == slug).Summary);

    [Fact]
    public void StartUpImportsEveryFile()
    {
        Assert.Equal(["django", "fastapi", "flask"], site.Query(db => db.Frameworks.OrderBy(f => f.Slug).Select(f => f.Slug).ToList()));
        Assert.Equal(6, site.Query(db => db.Attributes.Count()));
        Assert.Equal(6, site.Query(db => db.FactValues.Count(v => v.FrameworkSlug == "django")));
        Assert.Equal("django-vs-flask", site.Query(db => db.Articles.Single().Slug));
        Assert.Equal("is-django-still-relevant", site.Query(db => db.FaqEntries.Single().Slug));
    }

    [Fact]
    public async Task UnchangedFilesAreSkipped()
    {
        var runs = site.Query(db => db.ImportRuns.Count());
        var result = await site.ImportAsync();
        Assert.Same(ImportResult.Unchanged, result);
        Assert.Equal(runs, site.Query(db => db.ImportRuns.Count()));
    }

    [Fact]
    public async Task AChangedFileIsImportedAlone()
    {
        site.Content.Replace("frameworks/flask.md", "summary: Flask in one line.", "summary: Flask, now shorter.");
        var result = await site.ImportAsync();
        Assert.Equal(1, result.Imported);
        Assert.Equal("Flask, now shorter.", SummaryOf("flask"));
        Assert.Equal("Django in one line.", SummaryOf("django"));
    }

    [Fact]
    public async Task ADeletedFileDisappears()
    {
        site.Content.Delete("faq/is-django-still-relevant.md");
        var result = await site.ImportAsync();
        Assert.Equal(1, result.Removed);
        Assert.Empty(site.Query(db => db.FaqEntries.ToList()));
        Assert.DoesNotContain("faq/is-django-still-relevant.md", site.Query(db => db.ContentFiles.Select(f => f.Path).ToList()));
    }

    [Fact]
    public async Task AFailingFileKeepsItsLastGoodVersionServed()
    {
        site.Content.Replace("frameworks/flask.md", "summary: Flask in one line.", "summary: Broken\nname: [unclosed");
        var result = await site.ImportAsync();
        Assert.Equal(1, result.Failed);
        Assert.Equal("Flask in one line.", SummaryOf("flask"));
        var record = site.Query(db => db.ContentFiles.Single(f => f.Path == "frameworks/flask.md"));
        Assert.NotEqual(record.Hash, record.ServedHash);
        Assert.Contains(record.Problems, p => p.Message.StartsWith("malformed YAML"));

        var status = await site.GetDocumentAsync("/content-status");
        Assert.Contains(status.QuerySelectorAll("table.status code"), c => c.TextContent.StartsWith("frameworks/flask.md:"));
    }

    [Fact]
    public async Task ANewFileThatFailsIsNotServedAndTheRestIs()
    {
        site.Content.WriteBytes("frameworks/bottle.md", [0xff, 0xfe, 0x00, 0x41]);
        var result = await site.ImportAsync();
        Assert.Equal(1, result.Failed);
        Assert.DoesNotContain("bottle", site.Query(db => db.Frameworks.Select(f => f.Slug).ToList()));
        var home = await site.GetDocumentAsync("/");
        Assert.Equal(3, home.QuerySelectorAll(".cards .card").Length);
    }

    [Fact]
    public async Task ANewCatalogRechecksEveryProfile()
    {
        site.Content.Replace("attributes.yml", "label: Built-in ORM", "label: Ships an ORM");
        var result = await site.ImportAsync();
        Assert.Equal(4, result.Imported); // the catalog and the three profiles
        Assert.Equal("Ships an ORM", site.Query(db => db.Attributes.Single(a => a.Key == "orm").Label));
    }

    [Fact]
    public async Task ADeletedFrameworkRechecksArticlesThatNameIt()
    {
        site.Content.Delete("frameworks/flask.md");
        var result = await site.ImportAsync();
        Assert.Equal(1, result.Removed);
        var article = site.Query(db => db.ContentFiles.Single(f => f.Path == "articles/django-vs-flask.md"));
        Assert.Contains(article.Problems, p => p.Message.Contains("unknown framework 'flask'"));
    }

    [Fact]
    public async Task RenamingAFileKeepsItsSlug()
    {
        File.Move(site.Content.PathOf("frameworks/flask.md"), site.Content.PathOf("frameworks/flask-web.md"));
        var result = await site.ImportAsync();
        Assert.Equal((1, 0, 1), (result.Imported, result.Failed, result.Removed));
        Assert.Equal("frameworks/flask-web.md", site.Query(db => db.Frameworks.Single(f => f.Slug == "flask").SourcePath));
    }

    [Fact]
    public void ARestartOverTheSameDatabaseImportsNothingAndKeepsHistory()
    {
        var runs = site.Query(db => db.ImportRuns.Count());
        using var restarted = new SiteFactory(site.Content, site.DatabasePath);
        restarted.CreateClient();
        Assert.Equal(runs, restarted.Query(db => db.ImportRuns.Count()));
        Assert.Equal(3, restarted.Query(db => db.Frameworks.Count()));
    }
}
