using Microsoft.Playwright;

namespace FrameworkCompare.BrowserTests.Infrastructure;

/// <summary>
/// A page that records every console error, uncaught script error, failed request and same-origin
/// response of 400 or more, so a journey fails on any of them.
/// </summary>
public sealed class WatchedPage : IAsyncDisposable
{
    readonly IBrowserContext context;
    readonly Uri origin;
    readonly List<string> problems = [];
    readonly HashSet<string> expectedErrors = [];

    public IPage Page { get; }

    public IBrowserContext Context => context;

    public WatchedPage(IBrowserContext context, IPage page, Uri origin)
    {
        this.context = context;
        this.origin = origin;
        Page = page;
        page.Console += (_, message) =>
        {
            if (message.Type != "error") return;
            // Chromium logs an error document's own status as a console error; that one is expected.
            if (message.Text.StartsWith("Failed to load resource") && IsExpected(message.Location, prefix: true)) return;
            Record($"console error: {message.Text} ({message.Location})");
        };
        page.PageError += (_, error) => Record($"script error: {error}");
        page.RequestFailed += (_, request) => Record($"request failed: {request.Method} {request.Url}: {request.Failure}");
        page.Response += (_, response) =>
        {
            if (response.Status < 400 || !IsSameOrigin(response.Url) || IsExpected(response.Url, prefix: false)) return;
            Record($"HTTP {response.Status}: {response.Request.Method} {response.Url}");
        };
    }

    public IReadOnlyList<string> Problems { get { lock (problems) return [.. problems]; } }

    /// <summary>Navigates and checks the document's status; a 4xx document is then not counted as a problem.</summary>
    public async Task GotoAsync(string path, int expectedStatus = 200)
    {
        var url = new Uri(origin, path).ToString();
        if (expectedStatus >= 400) ExpectErrorStatus(path);
        var response = await Page.GotoAsync(url);
        Assert.NotNull(response);
        Assert.True(expectedStatus == response.Status, $"{path} answered {response.Status}, expected {expectedStatus}.");
    }

    /// <summary>A 4xx or 5xx answer from <paramref name="path"/> (a document or a fetch) is part of the journey, not a problem.</summary>
    public void ExpectErrorStatus(string path)
    {
        lock (expectedErrors) expectedErrors.Add(new Uri(origin, path).ToString());
    }

    bool IsExpected(string url, bool prefix)
    {
        lock (expectedErrors) return expectedErrors.Any(e => prefix ? url.StartsWith(e + ":") : url == e);
    }

    public void AssertNoProblems() =>
        Assert.True(Problems.Count == 0, $"The page had problems:\n{string.Join('\n', Problems)}");

    bool IsSameOrigin(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && Uri.Compare(uri, origin, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0;

    void Record(string problem)
    {
        lock (problems) problems.Add(problem);
    }

    public async ValueTask DisposeAsync() => await context.CloseAsync();
}
