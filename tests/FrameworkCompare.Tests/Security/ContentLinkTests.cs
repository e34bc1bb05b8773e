using System.Diagnostics;
using System.Net;
using FrameworkCompare.Tests.Editor;
using FrameworkCompare.Tests.Infrastructure;
using FrameworkCompare.Tests.Media;
using FrameworkCompare.Web.Content;
using FrameworkCompare.Web.Editing;
using Microsoft.Extensions.DependencyInjection;
using SkiaSharp;

namespace FrameworkCompare.Tests.Security;

/// <summary>
/// Content stays inside content/: symbolic links (to files and folders outside), hard links and FIFOs planted in the
/// content folder are never read by the import, the media route, the workspace, the export or git history, and each
/// is listed at /content-status.
/// </summary>
public sealed class ContentLinkTests : IAsyncLifetime
{
    const string Secret = "OUTSIDE-SECRET-7f3a";
    readonly string outside = Directory.CreateTempSubdirectory("fc-outside-").FullName;
    readonly byte[] png = TestImages.Encode(SKEncodedImageFormat.Png, 5, 3);
    EditorSite site = null!;

    TestContent Content => site.Content;

    /// <summary>Each planted path and the problem /content-status must give for it.</summary>
    static readonly (string Path, string Problem)[] Planted =
    [
        ("articles/linked.md", ContentFiles.Link),
        ("articles/etc.md", ContentFiles.Link),
        ("articles/hard.md", ContentFiles.HardLinked(2)),
        ("articles/fifo.md", ContentFiles.Special),
        ("faq", ContentFiles.Link),
        ("media/x.png", ContentFiles.Link),
        ("media/pic.png", ContentFiles.Link),
        ("media/hard.png", ContentFiles.HardLinked(2)),
        ("media/fifo.png", ContentFiles.Special),
        ("notes/linked-folder", ContentFiles.Link),
    ];

    public async Task InitializeAsync()
    {
        site = await EditorSite.StartAsync();
        File.WriteAllText(Path.Combine(outside, "secret.md"), TestContent.Article("planted-secret", "Planted", "[django]") + $"\n{Secret}\n");
        File.WriteAllText(Path.Combine(outside, "hard.md"), TestContent.Article("hard-secret", "Hard", "[django]") + $"\n{Secret}\n");
        File.WriteAllBytes(Path.Combine(outside, "pic.png"), png);
        File.WriteAllBytes(Path.Combine(outside, "hard.png"), png);
        Directory.CreateDirectory(Path.Combine(outside, "faq"));
        File.WriteAllText(Path.Combine(outside, "faq/leak.md"), TestContent.Faq($"Is {Secret} leaking?", "[django]"));
    }

    public async Task DisposeAsync()
    {
        await site.DisposeAsync();
        Directory.Delete(outside, recursive: true);
    }

    void Plant()
    {
        File.CreateSymbolicLink(Content.PathOf("articles/linked.md"), Path.Combine(outside, "secret.md"));
        File.CreateSymbolicLink(Content.PathOf("articles/etc.md"), "/etc/hostname");
        SpecialFiles.HardLink(Path.Combine(outside, "hard.md"), Content.PathOf("articles/hard.md"));
        SpecialFiles.MakeFifo(Content.PathOf("articles/fifo.md"));
        Directory.Delete(Content.PathOf("faq"), recursive: true);
        Directory.CreateSymbolicLink(Content.PathOf("faq"), Path.Combine(outside, "faq"));
        Directory.CreateDirectory(Content.PathOf("media"));
        File.CreateSymbolicLink(Content.PathOf("media/x.png"), "/etc/hostname");
        File.CreateSymbolicLink(Content.PathOf("media/pic.png"), Path.Combine(outside, "pic.png"));
        SpecialFiles.HardLink(Path.Combine(outside, "hard.png"), Content.PathOf("media/hard.png"));
        SpecialFiles.MakeFifo(Content.PathOf("media/fifo.png"));
        Directory.CreateDirectory(Content.PathOf("notes"));
        Directory.CreateSymbolicLink(Content.PathOf("notes/linked-folder"), outside);
        Content.WriteBytes("media/real-0123456789.png", png);
    }

    /// <summary>Runs the import on another thread, failing (not hanging) if a FIFO ever blocks it.</summary>
    Task<ImportResult> ImportAsync() =>
        Task.FromResult(SpecialFiles.AwaitUnblocked(Task.Run(site.Site.ImportAsync), Content.PathOf("articles/fifo.md")));

    [Fact]
    public async Task TheImportSkipsEveryPlantedFileAndListsEachAtContentStatus()
    {
        Plant();

        await ImportAsync();

        Assert.DoesNotContain(site.Site.Query(db => db.Articles.Select(a => a.Slug).ToList()), s => s is "planted-secret" or "hard-secret");
        Assert.Empty(site.Site.Query(db => db.FaqEntries.ToList()));
        var page = await site.Site.GetDocumentAsync("/content-status");
        var rows = page.QuerySelectorAll("table.status code").Select(c => c.TextContent).ToList();
        foreach (var (path, problem) in Planted)
            Assert.Contains($"{path}:1: {problem}", rows);
        Assert.DoesNotContain(Secret, page.Body!.TextContent);
        Assert.DoesNotContain(rows, r => r.Contains("leak.md") || r.Contains("secret.md"));
        await site.Site.GetDocumentAsync("/articles/django-vs-flask");
    }

    [Fact]
    public void ValidateListsEveryPlantedFileAsAnError()
    {
        Plant();
        var output = new StringWriter();

        var code = SpecialFiles.AwaitUnblocked(Task.Run(() => FrameworkCompare.Web.Commands.ValidateCommand.Run(Content.Root, output)), Content.PathOf("articles/fifo.md"));

        Assert.Equal(1, code);
        foreach (var (path, problem) in Planted)
            Assert.Contains($"{path}:1: {problem}", output.ToString());
        Assert.DoesNotContain(Secret, output.ToString());
    }

    [Fact]
    public async Task AFileThatBecomesALinkKeepsItsLastGoodVersionServed()
    {
        const string path = "articles/django-vs-flask.md";
        Content.Delete(path);
        File.CreateSymbolicLink(Content.PathOf(path), Path.Combine(outside, "secret.md"));

        await ImportAsync();

        var page = await site.Site.GetDocumentAsync("/articles/django-vs-flask");
        Assert.DoesNotContain(Secret, page.Body!.TextContent);
        await site.Site.GetDocumentAsync("/articles/planted-secret", 404);
        var record = site.Site.Query(db => db.ContentFiles.Single(f => f.Path == path));
        Assert.Equal(ContentFiles.Link, Assert.Single(record.Problems).Message);
        Assert.NotNull(record.ServedHash);
    }

    [Theory]
    [InlineData("/media/x.png")]
    [InlineData("/media/pic.png")]
    [InlineData("/media/hard.png")]
    [InlineData("/media/fifo.png")]
    public async Task APlantedImageAnswers404(string url)
    {
        Plant();
        var client = site.Site.CreateReader();

        var response = SpecialFiles.AwaitUnblocked(Task.Run(() => client.GetAsync(url)), Content.PathOf("media/fifo.png"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, url))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/media/real-0123456789.png")).StatusCode);
    }

    [Fact]
    public async Task AnArticleLinkingAPlantedImageIsNotPublishedAndTheExportCopiesNoPlantedFile()
    {
        Plant();
        Content.Replace("articles/django-vs-flask.md", "More words.", "![A chart](/media/pic.png) ![Host](/media/x.png)");
        var folder = Path.Combine(outside, "export");

        await ImportAsync();
        await new SiteExporter(site.Site.CreateReader(), folder, FrameworkCompare.Web.Caching.PageCompression.ForExportedFile).ExportAsync(precompress: false);

        var problems = site.Site.Query(db => db.ContentFiles.Single(f => f.Path == "articles/django-vs-flask.md")).Problems.Select(p => p.Message).ToList();
        Assert.Contains($"image '/media/pic.png' is not served: media/pic.png {ContentFiles.Link}", problems);
        Assert.False(Directory.Exists(Path.Combine(folder, "media")) && Directory.EnumerateFiles(Path.Combine(folder, "media")).Any(f => !f.EndsWith("real-0123456789.png")));
        var hostname = File.ReadAllText("/etc/hostname");
        Assert.DoesNotContain(Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories), f => File.ReadAllText(f) == hostname || File.ReadAllText(f).Contains(Secret));
    }

    [Theory]
    [InlineData("articles/linked.md")]
    [InlineData("articles/hard.md")]
    [InlineData("articles/fifo.md")]
    [InlineData("faq/leak.md")]
    public async Task TheEditorShowsNothingOfAPlantedFile(string path)
    {
        Plant();
        await ImportAsync();

        var response = SpecialFiles.AwaitUnblocked(Task.Run(() => site.Editor.GetAsync($"/editor/edit/{path}")), Content.PathOf("articles/fifo.md"));
        var body = await response.Content.ReadAsStringAsync();
        if (response.StatusCode == HttpStatusCode.Redirect)
            body += await (await site.Editor.GetAsync(response.Headers.Location)).Content.ReadAsStringAsync();

        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain(Secret, body);
        Assert.DoesNotContain(site.Revisions(path), r => r.Text?.Contains(Secret) == true);
    }

    [Fact]
    public async Task PublishingIntoALinkedFolderIsRefusedAndWritesNothingOutside()
    {
        Plant();
        await ImportAsync();

        var response = await PublishAsync("faq/new-question.md", TestContent.Faq("A new question?", "[django]"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains(ContentFiles.LinkedFolder, await response.Content.ReadAsStringAsync());
        Assert.False(File.Exists(Path.Combine(outside, "faq/new-question.md")));
    }

    [Fact]
    public async Task PublishingOverALinkReplacesTheLinkAndLeavesItsTargetAlone()
    {
        File.CreateSymbolicLink(Content.PathOf("articles/linked.md"), Path.Combine(outside, "secret.md"));
        await ImportAsync();
        var text = TestContent.Article("replaced", "Replaced", "[django]");

        var response = await PublishAsync("articles/linked.md", text);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains(Secret, File.ReadAllText(Path.Combine(outside, "secret.md")));
        Assert.Null(new FileInfo(Content.PathOf("articles/linked.md")).LinkTarget);
        Assert.Equal(text, Content.Read("articles/linked.md"));
    }

    [Fact]
    public async Task GitHistorySkipsVersionsThatWereSymbolicLinks()
    {
        const string path = "articles/django-vs-flask.md";
        Git("init", "--quiet", "--initial-branch=main");
        Commit("First");
        Content.Delete(path);
        File.CreateSymbolicLink(Content.PathOf(path), Path.Combine(outside, "secret.md"));
        Commit("Link");
        File.Delete(Content.PathOf(path));
        Content.Write(path, TestContent.Article("django-vs-flask", "Django or Flask?", "[django, flask]") + "\nThird.\n");
        Commit("Third");

        var versions = await site.Site.Services.GetRequiredService<GitHistory>().VersionsAsync(Content.Root, path, default);

        Assert.Equal(2, versions.Count);
        Assert.DoesNotContain(versions, v => v.Text.Contains(Secret) || v.Text.Contains(outside));
        Assert.EndsWith("Third.\n", versions[^1].Text);
    }

    [Fact]
    public async Task ALinkedContentFolderIsResolvedOnceAndServed()
    {
        var link = Path.Combine(outside, "content-link");
        Directory.CreateSymbolicLink(link, Content.Root);
        Directory.CreateDirectory(Content.PathOf("media"));
        Content.WriteBytes("media/real-0123456789.png", png);
        await using var linked = new SiteFactory(settings: new Dictionary<string, string> { ["Content:Path"] = link });

        var options = linked.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<ContentOptions>>().Value;
        Assert.Equal(Content.Root, options.FullPath);
        await linked.GetDocumentAsync("/articles/django-vs-flask");
        Assert.Equal(HttpStatusCode.OK, (await linked.CreateReader().GetAsync("/media/real-0123456789.png")).StatusCode);
    }

    /// <summary>Publishes as a new file (no base version), with a token from a page the editor can open.</summary>
    async Task<HttpResponseMessage> PublishAsync(string path, string text) =>
        await site.Editor.PostAsync($"/editor/edit/{path}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Text"] = text, ["BaseHash"] = "", ["intent"] = "publish",
            ["__RequestVerificationToken"] = EditorSite.Token(await site.OpenEditorAsync("articles/django-vs-flask.md")),
        }));

    void Commit(string message)
    {
        Git("add", "--all");
        Git("-c", "user.name=Setup", "-c", "user.email=setup@example.org", "commit", "--quiet", "-m", message);
    }

    void Git(params string[] args)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = Content.Root, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, output);
    }
}
