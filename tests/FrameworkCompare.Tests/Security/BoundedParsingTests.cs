using System.Net;
using CsCheck;
using System.Net.Http.Json;
using FrameworkCompare.Tests.Editor;
using FrameworkCompare.Tests.Infrastructure;

namespace FrameworkCompare.Tests.Security;

/// <summary>
/// Every path that parses a document meets the same hostile files (<see cref="HostileDocuments"/>): each is refused
/// with its problem and the site keeps serving. A stack overflow would end this test host, so the start-up and
/// validate paths, where nothing else would catch it, run in processes of their own (<see cref="HostileProcessTests"/>).
/// </summary>
public sealed class BoundedParsingTests : IAsyncLifetime
{
    const string Path = "faq/hostile.md";
    // Publish and preview work on a file the editor can open; a refused publish must leave it as it was.
    const string Existing = "faq/is-django-still-relevant.md";
    EditorSite site = null!;

    public async Task InitializeAsync() => site = await EditorSite.StartAsync();
    public async Task DisposeAsync() => await site.DisposeAsync();

    async Task<string> TokenAsync() => EditorSite.Token(await site.OpenEditorAsync("faq/is-django-still-relevant.md"));

    async Task AssertSiteStillServesAsync()
    {
        Assert.Equal(HttpStatusCode.OK, (await site.Site.CreateClient().GetAsync("/faq/is-django-still-relevant")).StatusCode);
    }

    [Theory, MemberData(nameof(HostileDocuments.Names), MemberType = typeof(HostileDocuments))]
    public async Task TheCheckEndpointReportsTheProblemAndTheSiteStaysUp(string name)
    {
        var (text, expect) = HostileDocuments.Named(name);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/editor/check") { Content = JsonContent.Create(new { path = Path, text }) };
        request.Headers.Add("RequestVerificationToken", await TokenAsync());
        var response = await site.Editor.SendAsync(request);

        var problems = await response.Content.ReadFromJsonAsync<List<Problem>>();
        if (expect.Length > 0)
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
            Assert.Contains(problems!, p => !p.IsWarning && p.File == Path && p.Line >= 1 && p.Message.Contains(expect, StringComparison.OrdinalIgnoreCase));
        }
        else Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.UnprocessableEntity, $"{response.StatusCode}");
        await AssertSiteStillServesAsync();
    }

    [Theory, MemberData(nameof(HostileDocuments.Names), MemberType = typeof(HostileDocuments))]
    public async Task PublishRefusesTheFileWithItsProblemAndWritesNothing(string name)
    {
        var (text, expect) = HostileDocuments.Named(name);
        var before = site.Content.Read(Existing);
        var response = await site.PostEditAsync(Existing, text);
        if (expect.Length > 0)
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
            Assert.Equal(before, site.Content.Read(Existing));
            var page = await Html.ParseAsync(response);
            Assert.Contains(expect, page.Body!.TextContent, StringComparison.OrdinalIgnoreCase);
        }
        await AssertSiteStillServesAsync();
    }

    [Theory, MemberData(nameof(HostileDocuments.Names), MemberType = typeof(HostileDocuments))]
    public async Task PreviewOfTheDraftShowsTheProblemNotAnError(string name)
    {
        var (text, expect) = HostileDocuments.Named(name);
        var saved = await site.PostEditAsync(Existing, text, intent: "save");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var preview = await site.Editor.GetAsync($"/editor/preview/{Existing}");
        Assert.True((int)preview.StatusCode < 500, $"{preview.StatusCode}");
        if (expect.Length > 0) Assert.Contains(expect, (await Html.ParseAsync(preview)).Body!.TextContent, StringComparison.OrdinalIgnoreCase);
        await AssertSiteStillServesAsync();
    }

    [Fact]
    public async Task AnImportSkipsEveryHostileFileListsItAndImportsTheRest()
    {
        var cases = HostileDocuments.All().ToList();
        for (var i = 0; i < cases.Count; i++) site.Content.Write($"faq/hostile-{i}.md", cases[i].Text);
        site.Content.Write("faq/a-good-one.md", TestContent.Faq("Is a good file imported beside hostile ones?", "[django]"));

        var result = await site.Site.ImportAsync();

        Assert.Equal(HttpStatusCode.OK, (await site.Site.CreateClient().GetAsync("/faq/a-good-one")).StatusCode);
        for (var i = 0; i < cases.Count; i++)
            if (cases[i].Expect.Length > 0)
                Assert.Contains(result.Problems, p => p.File == $"faq/hostile-{i}.md" && !p.IsWarning && p.Message.Contains(cases[i].Expect, StringComparison.OrdinalIgnoreCase));
        var status = await site.Site.GetDocumentAsync("/content-status");
        Assert.Contains("faq/hostile-0.md", status.Body!.TextContent);
        await AssertSiteStillServesAsync();
    }

    [Theory]
    [InlineData("{\"path\": \"faq/x.md\", \"text\": ")]
    [InlineData("{\"path\": \"faq/x.md\", \"text\": null}")]
    [InlineData("{\"path\": null, \"text\": \"x\"}")]
    [InlineData("[]")]
    [InlineData("\"just a string\"")]
    [InlineData("")]
    public async Task MalformedWorkspaceJsonAnswers400(string body)
    {
        foreach (var endpoint in new[] { "/editor/check", "/editor/autosave" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json") };
            request.Headers.Add("RequestVerificationToken", await TokenAsync());
            Assert.Equal(HttpStatusCode.BadRequest, (await site.Editor.SendAsync(request)).StatusCode);
        }
    }

    /// <summary>
    /// The check endpoint over random front matter and Markdown (<see cref="ParserProperties"/>'s generators, its seed):
    /// every answer is 200 or 422 with the problems as JSON, every 422 names an error, and the site keeps serving.
    /// </summary>
    [Fact]
    public async Task TheCheckEndpointAnswersEveryRandomDocumentWithItsProblems()
    {
        var token = await TokenAsync();
        await ParserProperties.Documents.SampleAsync(async text =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/editor/check") { Content = JsonContent.Create(new { path = Path, text }) };
            request.Headers.Add("RequestVerificationToken", token);
            var response = await site.Editor.SendAsync(request);
            Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.UnprocessableEntity, $"{response.StatusCode} for:\n{text}");
            var problems = (await response.Content.ReadFromJsonAsync<List<Problem>>())!;
            if (response.StatusCode == HttpStatusCode.UnprocessableEntity) Assert.Contains(problems, p => !p.IsWarning);
        }, seed: ParserProperties.Seed, iter: ParserProperties.Cases, threads: 1);
        await AssertSiteStillServesAsync();
    }

    sealed record Problem(string File, int Line, string Message, bool IsWarning);
}
