using System.Text.Json;
using AngleSharp.Html.Dom;
using FrameworkCompare.Tests.Infrastructure;
using FrameworkCompare.Web.Content;

namespace FrameworkCompare.Tests.Authors;

/// <summary>Author pages from content/authors/, bylines linking to them, and what search engines are told about authors.</summary>
public sealed class AuthorPagesTests(AuthorPagesTests.Site site) : IClassFixture<AuthorPagesTests.Site>
{
    public sealed class Site : SiteFactory
    {
        public Site() : base(Fixture()) { }

        static TestContent Fixture()
        {
            var content = new TestContent();
            // Named by slug, by name in another case, by a team's name, and by a name no file has.
            content.Write("articles/flask-guide.md", TestContent.Article("flask-guide", "A Flask guide", "[flask]")
                .Replace("author: Test Author", "author: test-author").Replace("published: 2025-03-01", "published: 2025-05-01"));
            content.Write("articles/fastapi-notes.md", TestContent.Article("fastapi-notes", "FastAPI notes", "[fastapi]")
                .Replace("author: Test Author", "author: TEST AUTHOR").Replace("published: 2025-03-01", "published: 2024-01-01").Replace("updated: 2025-06-10\n", ""));
            content.Write("articles/team-post.md", TestContent.Article("team-post", "From the team", "[django]").Replace("author: Test Author", "author: The Desk"));
            content.Write("articles/guest-post.md", TestContent.Article("guest-post", "A guest post", "[django]").Replace("author: Test Author", "author: Someone Else"));
            content.Write("authors/the-desk.md", TestContent.Author("the-desk", "The Desk", "team"));
            return content;
        }
    }

    static JsonElement JsonLdOfType(IHtmlDocument page, string type) =>
        Assert.Single(page.QuerySelectorAll("script[type='application/ld+json']").Select(s => JsonDocument.Parse(s.TextContent).RootElement),
            j => j.GetProperty("@type").GetString() == type);

    [Fact]
    public async Task TheAuthorPageShowsNameBioLinksAndTheirArticlesNewestFirst()
    {
        var page = await site.GetDocumentAsync("/authors/test-author");
        Assert.Equal("Test Author", page.QuerySelector("h1")!.TextContent);
        Assert.Equal("Test Author writes about web frameworks.", page.QuerySelector(".lede")!.TextContent);
        Assert.Contains("A longer introduction of Test Author.", page.QuerySelector(".prose")!.TextContent);
        var link = Assert.Single(page.QuerySelectorAll(".author-links a"));
        Assert.Equal(("Website", "https://test-author.example.org/", "me"), (link.TextContent, link.GetAttribute("href"), link.GetAttribute("rel")));
        // Matched by name, by slug and by name in capitals; not the team's or the unknown author's.
        Assert.Equal(["/articles/flask-guide", "/articles/django-vs-flask", "/articles/fastapi-notes"],
            page.QuerySelectorAll("section[aria-labelledby=articles] h3 a").Select(a => a.GetAttribute("href")));
    }

    [Fact]
    public async Task APersonIsDescribedAsPersonWithTheirProfilesAsSameAs()
    {
        var person = JsonLdOfType(await site.GetDocumentAsync("/authors/test-author"), "Person");
        Assert.Equal("Test Author", person.GetProperty("name").GetString());
        Assert.Equal("http://localhost/authors/test-author", person.GetProperty("url").GetString());
        Assert.Equal(["https://test-author.example.org/"], person.GetProperty("sameAs").EnumerateArray().Select(e => e.GetString()));
        var team = JsonLdOfType(await site.GetDocumentAsync("/authors/the-desk"), "Organization");
        Assert.Equal("The Desk", team.GetProperty("name").GetString());
    }

    [Theory]
    [InlineData("/articles/django-vs-flask", "Test Author", "/authors/test-author", "Person")]
    [InlineData("/articles/flask-guide", "Test Author", "/authors/test-author", "Person")]
    [InlineData("/articles/team-post", "The Desk", "/authors/the-desk", "Organization")]
    public async Task TheBylineLinksToTheAuthorAndTheArticlesJsonLdNamesThem(string article, string name, string path, string type)
    {
        var page = await site.GetDocumentAsync(article);
        var byline = page.QuerySelector("header .meta a[rel=author]")!;
        Assert.Equal((name, path), (byline.TextContent, byline.GetAttribute("href")));
        var author = JsonLdOfType(page, "Article").GetProperty("author");
        Assert.Equal((type, name, "http://localhost" + path),
            (author.GetProperty("@type").GetString(), author.GetProperty("name").GetString(), author.GetProperty("url").GetString()));
    }

    [Fact]
    public async Task AnAuthorWithoutAFileIsPlainTextAndValidateWarns()
    {
        var page = await site.GetDocumentAsync("/articles/guest-post");
        Assert.Null(page.QuerySelector("header .meta a[rel=author]"));
        Assert.StartsWith("By Someone Else ·", page.QuerySelector("header .meta")!.TextContent.Trim());
        var problem = Assert.Single(ContentCheck.Problems(site.Content.Root));
        Assert.Equal(("articles/guest-post.md", 5, true), (problem.File, problem.Line, problem.IsWarning));
        Assert.Contains("no author file for 'Someone Else'", problem.Message);
    }

    [Fact]
    public async Task TheArticleListLinksBylinesToo()
    {
        var page = await site.GetDocumentAsync("/articles");
        var bylines = page.QuerySelectorAll(".article-list .meta a[rel=author]").Select(a => a.GetAttribute("href")).Distinct().Order();
        Assert.Equal(["/authors/test-author", "/authors/the-desk"], bylines);
    }

    [Fact]
    public async Task TheAuthorsListAndSitemapIncludeEveryAuthor()
    {
        var list = await site.GetDocumentAsync("/authors");
        Assert.Equal(["/authors/test-author", "/authors/the-desk"], list.QuerySelectorAll("main h2 a").Select(a => a.GetAttribute("href")));
        var sitemap = await site.CreateReader().GetStringAsync("/sitemap.xml");
        Assert.Contains("<loc>http://localhost/authors/test-author</loc>", sitemap);
        Assert.Contains("<loc>http://localhost/authors</loc>", sitemap);
    }

    [Theory]
    [InlineData("/authors/nobody")]
    [InlineData("/authors/..%2F..%2Fetc")]
    [InlineData("/authors/%C3%BCber-%E2%80%AE")]
    public async Task AnUnknownAuthorIs404(string url)
    {
        var response = await site.CreateReader().GetAsync(url);
        Assert.Equal(404, (int)response.StatusCode);
    }

    [Fact]
    public void AnAuthorFileIsChecked()
    {
        using var content = new TestContent();
        content.Write("authors/bad.md", "---\nname: Bad\nkind: robot\nbio: x\nlinks:\n  - label: Site\n    url: javascript:alert(1)\ncolour: red\n---\n");
        var problems = ContentCheck.Problems(content.Root).Where(p => p.File == "authors/bad.md").Select(p => (p.Line, p.Message)).ToList();
        Assert.Contains(problems, p => p.Line == 3 && p.Message.Contains("'robot' is neither 'person' nor 'team'"));
        Assert.Contains(problems, p => p.Line == 7 && p.Message.Contains("not an absolute http(s) URL"));
        Assert.Contains(problems, p => p.Line == 8 && p.Message.Contains("unknown field 'colour'"));
    }
}

/// <summary>An author file removed is a page gone (410), like any other content.</summary>
public sealed class AuthorRemovalTests : IDisposable
{
    readonly SiteFactory site = new();

    public void Dispose() => site.Dispose();

    [Fact]
    public async Task ARemovedAuthorAnswers410AndTheBylineFallsBackToText()
    {
        await site.GetDocumentAsync("/authors/test-author");
        site.Content.Delete("authors/test-author.md");
        await site.ImportAsync();
        Assert.Equal(410, (int)(await site.CreateReader().GetAsync("/authors/test-author")).StatusCode);
        var article = await site.GetDocumentAsync("/articles/django-vs-flask");
        Assert.Null(article.QuerySelector("header .meta a[rel=author]"));
        Assert.StartsWith("By Test Author", article.QuerySelector("header .meta")!.TextContent.Trim());
    }
}

/// <summary>The workspace's template for a new author passes the importer's checks as it stands.</summary>
public sealed class NewAuthorTemplateTests
{
    [Fact]
    public void TheNewAuthorTemplateIsValidContent()
    {
        using var content = new TestContent();
        var text = FrameworkCompare.Web.Editing.NewFileTemplates.For("author", "Ada Writer", "ada-writer", new DateOnly(2026, 12, 1), ["django"], null);
        content.Write("authors/ada-writer.md", text);
        Assert.Empty(ContentCheck.Problems(content.Root));
        Assert.Equal("authors", FrameworkCompare.Web.Editing.NewFileTemplates.Kinds["author"].Folder);
    }
}

/// <summary>The static export holds the author pages and the API's reference and document, but not the live API.</summary>
public sealed class AuthorAndApiExportTests : IDisposable
{
    readonly SiteFactory site = new();
    readonly string folder = Path.Combine(Directory.CreateTempSubdirectory("fc-export-").FullName, "site");

    public void Dispose()
    {
        site.Dispose();
        try { Directory.Delete(Path.GetDirectoryName(folder)!, recursive: true); } catch (IOException) { }
    }

    [Fact]
    public async Task TheExportHasAuthorPagesAndTheApiReferenceButNoLiveApi()
    {
        var result = await new SiteExporter(site.CreateReader(), folder, FrameworkCompare.Web.Caching.PageCompression.ForExportedFile).ExportAsync(precompress: false);
        Assert.Empty(result.Problems);
        foreach (var file in new[] { "authors/index.html", "authors/test-author/index.html", "api/index.html", "openapi/v1.json" })
            Assert.True(File.Exists(Path.Combine(folder, file)), $"{file} is missing");
        Assert.False(Directory.Exists(Path.Combine(folder, "api", "v1")));
    }
}
