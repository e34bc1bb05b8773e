using FrameworkCompare.Tests.Checks;
using FrameworkCompare.Tests.Infrastructure;
using FrameworkCompare.Web.Commands;
using FrameworkCompare.Web.Data;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

namespace FrameworkCompare.Tests.Security;

/// <summary>
/// `check-sources` against a source on the allow-list that redirects everywhere it should not: other schemes, internal
/// hosts, user information. Each becomes that source's result; the run finishes, stores every row and reaches nothing inside.
/// </summary>
public sealed class OutboundRedirectTests : IAsyncLifetime
{
    readonly TestContent content = new(empty: true);
    readonly string folder = Directory.CreateTempSubdirectory("fc-outbound-").FullName;
    FakeServer source = null!, internalService = null!;
    readonly List<string> reachedInside = [];

    string Database => Path.Combine(folder, "site.db");
    int InsidePort => new Uri(internalService.BaseUrl).Port;

    /// <summary>Path on the allowed source → where it redirects, and the refusal check-sources prints for it.</summary>
    Dictionary<string, (string Location, string Detail)> Redirects => new()
    {
        ["/to-data"] = ("data:text/html,<script>alert(1)</script>", "redirect refused: data: URLs are not requested"),
        ["/to-data-base64"] = ("data:text/plain;base64,SGVsbG8=", "redirect refused: data: URLs are not requested"),
        ["/to-ftp"] = ("ftp://ftp.example.org/pub/file.txt", "redirect refused: ftp: URLs are not requested"),
        ["/to-file"] = ("file:///etc/passwd", "redirect refused: file: URLs are not requested"),
        ["/to-javascript"] = ("javascript:alert(1)", "redirect refused: javascript: URLs are not requested"),
        ["/to-gopher"] = ($"gopher://127.0.0.1:{InsidePort}/", "redirect refused: gopher: URLs are not requested"),
        ["/to-inside"] = ($"http://127.0.0.1:{InsidePort}/admin?token=secret", "redirect refused: 127.0.0.1 is a loopback address"),
        ["/to-inside-decimal"] = ($"http://2130706433:{InsidePort}/", "redirect refused: 127.0.0.1 is a loopback address"),
        ["/to-inside-v6"] = ($"http://[::1]:{InsidePort}/", "redirect refused: ::1 is a loopback address"),
        ["/to-inside-mapped"] = ($"http://[::ffff:127.0.0.1]:{InsidePort}/", "redirect refused: ::ffff:127.0.0.1 is a loopback address"),
        ["/to-localhost"] = ($"http://localhost:{InsidePort}/", "redirect refused: localhost resolves to "),
        ["/to-metadata"] = ("http://169.254.169.254/latest/meta-data/iam/", "redirect refused: 169.254.169.254 is a link-local address"),
        ["/to-shared"] = ("http://100.64.1.1/", "redirect refused: 100.64.1.1 is a shared (carrier-grade NAT) address"),
        ["/to-private-v6"] = ("http://[fd00::5]/", "redirect refused: fd00::5 is a unique-local (private) address"),
        ["/to-userinfo"] = ($"http://user:password@{source.HostAndPort}/ok", "redirect refused: URLs with a user name or password are not requested"),
        ["/hop"] = ("/to-inside", "redirect refused: 127.0.0.1 is a loopback address"), // refused on the second hop
    };

    public async Task InitializeAsync()
    {
        internalService = await FakeServer.StartAsync(context =>
        {
            lock (reachedInside) reachedInside.Add(context.Request.Path);
            return Task.CompletedTask;
        });
        source = await FakeServer.StartAsync(context =>
        {
            if (Redirects.TryGetValue(context.Request.Path.Value!, out var redirect))
            {
                context.Response.StatusCode = 302;
                context.Response.Headers.Location = redirect.Location;
            }
            else if (context.Request.Path != "/ok") context.Response.StatusCode = 404;
            return Task.CompletedTask;
        });
    }

    public async Task DisposeAsync()
    {
        await source.DisposeAsync();
        await internalService.DisposeAsync();
        content.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
    }

    [Fact]
    public async Task EveryRefusedRedirectIsItsSourcesResultAndTheRunFinishes()
    {
        string[] paths = ["/ok", .. Redirects.Keys];
        content.Write("frameworks/one.md", "---\nslug: one\nvalues:\n"
            + string.Concat(paths.Select((p, i) => $"  fact-{i}:\n    source: {source.Url(p)}\n")) + "---\nBody.\n");
        var output = new StringWriter();

        var exit = await Cli.RunAsync(["check-sources", content.Root, $"--ConnectionStrings:Site=Data Source={Database}",
            "--SourceChecks:PerHostDelayMs=0", "--SourceChecks:TimeoutSeconds=5", FakeServer.AllowedHostsSetting(source.BaseUrl)], output);

        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal(1, exit);
        Assert.Equal($"Checked {paths.Length} sources: 1 ok, 0 redirected, {paths.Length - 1} broken", lines[^1]);
        foreach (var (path, (_, detail)) in Redirects)
            Assert.Contains(lines, l => l.StartsWith("frameworks/one.md:") && l.Contains($"{source.Url(path)}: {detail}"));
        Assert.Empty(reachedInside);

        using var db = new SiteDb(new DbContextOptionsBuilder<SiteDb>().UseSqlite($"Data Source={Database}").Options);
        var rows = db.SourceChecks.AsNoTracking().ToList().ToDictionary(r => new Uri(r.Url).AbsolutePath);
        Assert.Equal(paths.Length, rows.Count);
        // Only http(s) targets are kept as where a source went; a data: or file: address is never stored.
        foreach (var path in new[] { "/to-data", "/to-data-base64", "/to-ftp", "/to-file", "/to-javascript", "/to-gopher" })
            Assert.Null(rows[path].RedirectedTo);
        Assert.Equal($"http://127.0.0.1:{InsidePort}/admin?token=secret", rows["/to-inside"].RedirectedTo);
    }

    [Fact]
    public async Task ALoopBetweenAllowedHostsStopsAtTheRedirectLimit()
    {
        await using var looping = await FakeServer.StartAsync(context =>
        {
            context.Response.StatusCode = 307;
            context.Response.Headers.Location = "/again" + context.Request.Path.Value!.Length;
            return Task.CompletedTask;
        });
        await using var checker = new OutboundHarness(new() { ["Outbound:AllowedHosts:0"] = looping.HostAndPort, ["Outbound:MaxRedirects"] = "3" });

        var result = await checker.CheckOneAsync(looping.Url("/start"));

        Assert.Equal((true, "too many redirects (more than 3)"), (result.Broken, result.Detail));
    }
}
