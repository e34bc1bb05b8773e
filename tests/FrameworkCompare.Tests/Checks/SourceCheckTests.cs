using FrameworkCompare.Tests.Infrastructure;
using FrameworkCompare.Web.Commands;
using FrameworkCompare.Web.Data;
using FrameworkCompare.Web.Models;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

namespace FrameworkCompare.Tests.Checks;

/// <summary>check-sources against a local server that answers every way a real source can.</summary>
public sealed class SourceCheckTests : IAsyncLifetime
{
    readonly TestContent content = new(empty: true);
    readonly string folder = Directory.CreateTempSubdirectory("fc-checks-").FullName;
    FakeServer server = null!;
    int inFlight, maxInFlight;
    readonly List<string> requests = [];
    readonly List<string> userAgents = [];

    string Database => Path.Combine(folder, "site.db");

    public async Task InitializeAsync() => server = await FakeServer.StartAsync(AnswerAsync);

    public async Task DisposeAsync()
    {
        await server.DisposeAsync();
        content.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
    }

    async Task AnswerAsync(HttpContext context)
    {
        var path = context.Request.Path.Value!;
        lock (requests)
        {
            requests.Add($"{context.Request.Method} {path}");
            userAgents.Add(context.Request.Headers.UserAgent.ToString());
            maxInFlight = Math.Max(maxInFlight, ++inFlight);
        }
        try
        {
            switch (path)
            {
                case "/ok": break;
                case "/moved": context.Response.StatusCode = 301; context.Response.Headers.Location = "/ok"; break;
                case "/missing": context.Response.StatusCode = 404; break;
                case "/error": context.Response.StatusCode = 500; break;
                case "/no-head": context.Response.StatusCode = context.Request.Method == "HEAD" ? 405 : 200; break;
                case "/loop": context.Response.StatusCode = 302; context.Response.Headers.Location = "/loop"; break;
                case "/never": await Task.Delay(Timeout.Infinite, context.RequestAborted); break;
                case var slow when slow.StartsWith("/slow/"): await Task.Delay(150); break;
                default: context.Response.StatusCode = 404; break;
            }
        }
        finally
        {
            lock (requests) inFlight--;
        }
    }

    /// <summary>A profile citing <paramref name="paths"/> as fact sources, one per line from line 4 on.</summary>
    void Cite(params string[] paths)
    {
        var values = string.Concat(paths.Select((p, i) => $"  fact-{i}:\n    source: {server.Url(p)}\n"));
        content.Write("frameworks/one.md", $"---\nslug: one\nvalues:\n{values}pros:\n  - text: Good.\n    source: {server.Url(paths[0])}\n---\nBody.\n");
    }

    static int LineOfFact(int index) => 5 + 2 * index;

    async Task<(int Exit, string[] Lines)> CheckAsync(params string[] extra)
    {
        var output = new StringWriter();
        var exit = await Cli.RunAsync(["check-sources", content.Root, $"--ConnectionStrings:Site=Data Source={Database}",
            "--SourceChecks:PerHostDelayMs=0", "--SourceChecks:TimeoutSeconds=1", "--SourceChecks:SiteUrl=https://frameworks.example.org",
            FakeServer.AllowedHostsSetting(server.BaseUrl), .. extra], output);
        return (exit, output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }

    List<SourceCheck> Stored()
    {
        using var db = new SiteDb(new DbContextOptionsBuilder<SiteDb>().UseSqlite($"Data Source={Database}").Options);
        return db.SourceChecks.AsNoTracking().ToList().OrderBy(c => c.Url, StringComparer.Ordinal).ToList();
    }

    [Fact]
    public async Task EachKindOfAnswerGetsItsOutcomeLineAndStoredRow()
    {
        Cite("/ok", "/moved", "/missing", "/error", "/no-head", "/never", "/loop");

        var (exit, lines) = await CheckAsync();

        Assert.Equal(1, exit);
        string[] broken =
        [
            $"frameworks/one.md:{LineOfFact(2)}: {server.Url("/missing")}: 404",
            $"frameworks/one.md:{LineOfFact(3)}: {server.Url("/error")}: 500",
            $"frameworks/one.md:{LineOfFact(5)}: {server.Url("/never")}: timeout",
            $"frameworks/one.md:{LineOfFact(6)}: {server.Url("/loop")}: too many redirects (more than 10)",
        ];
        Assert.Equal(broken, lines.Where(l => l.StartsWith("frameworks/") && !l.Contains("note:")));
        Assert.Equal([$"frameworks/one.md:{LineOfFact(1)}: note: {server.Url("/moved")} redirects to {server.Url("/ok")}"], lines.Where(l => l.Contains("note:")));
        Assert.Equal("Checked 7 sources: 2 ok, 1 redirected, 4 broken", lines[^1]);

        var rows = Stored().ToDictionary(r => r.Url[server.BaseUrl.Length..]);
        Assert.Equal(7, rows.Count);
        Assert.Equal((false, 200, null), (rows["/ok"].Broken, rows["/ok"].Status, rows["/ok"].RedirectedTo));
        Assert.Equal((false, 200, server.Url("/ok")), (rows["/moved"].Broken, rows["/moved"].Status, rows["/moved"].RedirectedTo));
        Assert.Equal((true, 404), (rows["/missing"].Broken, rows["/missing"].Status));
        Assert.Equal((true, 500), (rows["/error"].Broken, rows["/error"].Status));
        Assert.Equal((false, 200), (rows["/no-head"].Broken, rows["/no-head"].Status));
        Assert.Equal((true, null, "timeout"), (rows["/never"].Broken, rows["/never"].Status, rows["/never"].Detail));
        Assert.True(rows["/loop"].Broken);
        Assert.All(rows.Values, r => Assert.True(r.CheckedAt > DateTimeOffset.UtcNow.AddMinutes(-5)));
        Assert.Contains("GET /no-head", requests);
        Assert.DoesNotContain("GET /ok", requests);
        Assert.All(userAgents, ua => Assert.Equal("FrameworkCompare source checker (+https://frameworks.example.org)", ua));
    }

    [Fact]
    public async Task EveryCitingLineIsPrintedAndAPassingCheckExitsZero()
    {
        Cite("/ok", "/moved");
        content.Write("frameworks/two.md", $"---\nslug: two\nwebsite: {server.Url("/missing")}\nrepository: {server.Url("/missing")}\n---\nBody.\n");

        var (exit, lines) = await CheckAsync();

        Assert.Equal(1, exit);
        Assert.Equal([$"frameworks/two.md:3: {server.Url("/missing")}: 404", $"frameworks/two.md:4: {server.Url("/missing")}: 404"],
            lines.Where(l => l.EndsWith(": 404")));

        content.Delete("frameworks/two.md");
        (exit, lines) = await CheckAsync();
        Assert.Equal(0, exit);
        Assert.Equal("Checked 2 sources: 1 ok, 1 redirected, 0 broken", lines[^1]);
        Assert.DoesNotContain(Stored(), r => r.Url.EndsWith("/missing")); // no longer cited, so no longer listed
    }

    [Fact]
    public async Task NoHostGetsMoreThanItsLimitOfRequestsAtOnce()
    {
        Cite([.. Enumerable.Range(0, 8).Select(i => $"/slow/{i}")]);

        var (exit, lines) = await CheckAsync("--SourceChecks:PerHostConcurrency=2");

        Assert.Equal(0, exit);
        Assert.Contains("Checked 8 sources: 8 ok", lines[^1]);
        Assert.Equal(2, maxInFlight);
    }

    [Fact]
    public async Task RequestsToOneHostAreSpacedByTheDelay()
    {
        Cite("/ok", "/no-head", "/missing");
        var started = System.Diagnostics.Stopwatch.StartNew();

        await CheckAsync("--SourceChecks:PerHostDelayMs=300");

        // Four requests (no-head needs two) start at least 300 ms apart.
        Assert.Equal(4, requests.Count);
        Assert.True(started.ElapsedMilliseconds >= 900, $"took {started.ElapsedMilliseconds} ms");
    }

    [Fact]
    public async Task WithoutATerminalProgressIsALineEachTenth()
    {
        Cite([.. Enumerable.Range(0, 20).Select(i => $"/slow/{i}")]);

        var (_, lines) = await CheckAsync("--SourceChecks:PerHostConcurrency=20");

        var progress = lines.Where(l => l.StartsWith("checked ")).ToList();
        Assert.Equal(10, progress.Count);
        Assert.Equal("checked 20/20…", progress[^1]);
    }
}
