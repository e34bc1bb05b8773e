using System.Net;
using AngleSharp.Html.Dom;
using FrameworkCompare.Tests.Infrastructure;
using FrameworkCompare.Web.Models;

namespace FrameworkCompare.Tests.Editor;

/// <summary>A site over its own content folder with an editor signed in, and the form posts the workspace makes.</summary>
public sealed class EditorSite : IAsyncDisposable
{
    public const string EditorEmail = "ed@example.org";
    public SiteFactory Site { get; }
    public HttpClient Editor { get; private set; } = null!;
    public TestContent Content => Site.Content;

    EditorSite(SiteFactory site) => Site = site;

    /// <param name="databasePath">An existing database (a restored backup, say) that already has the editor's account.</param>
    public static async Task<EditorSite> StartAsync(IDictionary<string, string>? settings = null, string role = "editor", string? databasePath = null)
    {
        // Tests that are about git turn commits on; the others must not commit into whatever repository holds /tmp.
        var merged = new Dictionary<string, string> { ["Editor:GitCommit"] = "false" };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>()) merged[key] = value;
        var site = new EditorSite(new SiteFactory(databasePath: databasePath, settings: merged));
        if (databasePath is null) await site.Site.CreateAccountAsync(EditorEmail, role);
        site.Editor = await site.Site.SignInAsync(EditorEmail);
        return site;
    }

    public async Task<IHtmlDocument> OpenEditorAsync(string path, HttpClient? client = null)
    {
        var response = await (client ?? Editor).GetAsync($"/editor/edit/{path}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await Html.ParseAsync(response);
    }

    /// <summary>Loads the editor, then posts <paramref name="text"/> with the button <paramref name="intent"/>, as a browser would.</summary>
    public async Task<HttpResponseMessage> PostEditAsync(string path, string text, string intent = "publish", string? message = null, string? baseHash = null, HttpClient? client = null)
    {
        var page = await OpenEditorAsync(path, client);
        var fields = new Dictionary<string, string>
        {
            ["Text"] = text,
            ["Message"] = message ?? "",
            ["BaseHash"] = baseHash ?? page.QuerySelector("input[name=BaseHash]")!.GetAttribute("value") ?? "",
            ["intent"] = intent,
            ["__RequestVerificationToken"] = Token(page),
        };
        return await (client ?? Editor).PostAsync($"/editor/edit/{path}", new FormUrlEncodedContent(fields));
    }

    public static string Token(IHtmlDocument page) =>
        page.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value") ?? throw new InvalidOperationException("no anti-forgery token");

    public List<Revision> Revisions(string path) =>
        Site.Query(db => db.Revisions.Where(r => r.Path == path).OrderBy(r => r.Id).ToList());

    /// <summary>Waits for background work (revisions of outside changes) with a generous deadline.</summary>
    public static async Task<T> EventuallyAsync<T>(Func<T> probe, Func<T, bool> done, int seconds = 15)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            var value = probe();
            if (done(value) || DateTime.UtcNow > deadline) return value;
            await Task.Delay(100);
        }
    }

    public async ValueTask DisposeAsync()
    {
        Editor.Dispose();
        await Site.DisposeAsync();
    }
}
