using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using FrameworkCompare.Tests.Infrastructure;

namespace FrameworkCompare.Tests.Security;

/// <summary>
/// The hostile files in content/ at start-up and under `validate`, each in a process of its own: a stack overflow
/// cannot be caught, so only a separate process turns one into a failed test instead of a dead test host.
/// </summary>
public sealed class HostileProcessTests : IDisposable
{
    readonly TestContent content = new();
    readonly List<(string File, string Expect)> hostile = [];

    public HostileProcessTests()
    {
        var cases = HostileDocuments.All().ToList();
        for (var i = 0; i < cases.Count; i++)
        {
            content.Write($"faq/hostile-{i}.md", cases[i].Text);
            hostile.Add(($"faq/hostile-{i}.md", cases[i].Expect));
        }
    }

    public void Dispose() => content.Dispose();

    [Fact]
    public async Task ValidateReportsEveryHostileFileAndExitsOne()
    {
        var start = new ProcessStartInfo("dotnet") { ArgumentList = { typeof(Program).Assembly.Location, "validate", content.Root }, RedirectStandardOutput = true };
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();

        Assert.True(process.ExitCode == 1, $"exit {process.ExitCode} (a crash is 134 or a signal):\n{output}");
        foreach (var (file, expect) in hostile.Where(h => h.Expect.Length > 0))
            Assert.Contains(output.Split('\n'), l => l.StartsWith(file + ":") && l.Contains(expect, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task TheSiteStartsServesAndListsEveryHostileFile()
    {
        var port = FreePort();
        using var database = new TempFile(".db");
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { typeof(Program).Assembly.Location, "--urls", $"http://127.0.0.1:{port}", $"--Content:Path={content.Root}",
                "--Content:Watch=false", $"--ConnectionStrings:Site=Data Source={database.Path}", "--Editor:GitHistory=false" },
            RedirectStandardOutput = true, RedirectStandardError = true,
            Environment = { ["ASPNETCORE_ENVIRONMENT"] = "Production", ["Logging__LogLevel__Default"] = "Warning" },
        };
        using var process = Process.Start(start)!;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            var deadline = DateTime.UtcNow.AddMinutes(2);
            HttpResponseMessage? home = null;
            while (home?.StatusCode != HttpStatusCode.OK && DateTime.UtcNow < deadline)
            {
                Assert.False(process.HasExited, $"the site exited with {(process.HasExited ? process.ExitCode : 0)} while starting");
                try { home = await http.GetAsync("/faq/is-django-still-relevant"); } catch (HttpRequestException) { await Task.Delay(100); }
            }
            Assert.Equal(HttpStatusCode.OK, home?.StatusCode);
            var status = await Html.ParseAsync(await http.GetAsync("/content-status"));
            foreach (var (file, _) in hostile.Where(h => h.Expect.Length > 0)) Assert.Contains(file, status.Body!.TextContent);
            Assert.False(process.HasExited);
        }
        finally
        {
            if (!process.HasExited) { process.Kill(entireProcessTree: true); await process.WaitForExitAsync(); }
        }
    }

    static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    sealed class TempFile(string extension) : IDisposable
    {
        public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"fc-hostile-{Guid.NewGuid():N}{extension}");

        public void Dispose()
        {
            foreach (var suffix in new[] { "", "-wal", "-shm" }) File.Delete(Path + suffix);
        }
    }
}
