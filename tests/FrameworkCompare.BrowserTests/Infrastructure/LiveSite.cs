using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace FrameworkCompare.BrowserTests.Infrastructure;

/// <summary>
/// The built site started the way it is deployed: its own process, Kestrel on a free loopback port,
/// the Production environment, the shipped content and a throw-away SQLite database.
/// </summary>
public sealed class LiveSite : IAsyncDisposable
{
    static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);

    readonly Process process;
    readonly string dataFolder;
    readonly StringBuilder log = new();

    public Uri BaseAddress { get; }

    /// <summary>What the site wrote to stdout and stderr so far.</summary>
    public string Log { get { lock (log) return log.ToString(); } }

    LiveSite(Uri baseAddress, string dataFolder, string contentPath)
    {
        BaseAddress = baseAddress;
        this.dataFolder = dataFolder;
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList =
            {
                Repository.WebAppAssembly,
                "--urls", baseAddress.ToString().TrimEnd('/'),
                $"--Content:Path={contentPath}",
                "--Content:Watch=false",
                // The link crawl fetches every export link within seconds; the limit itself is tested in FrameworkCompare.Tests.
                "--RateLimits:PermitLimit=100000",
                $"--ConnectionStrings:Site=Data Source={Path.Combine(dataFolder, "site.db")}",
            },
            WorkingDirectory = dataFolder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment.Remove("ASPNETCORE_URLS");
        process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
    }

    /// <summary>Starts the site over <paramref name="contentPath"/>, the shipped content by default.</summary>
    public static async Task<LiveSite> StartAsync(string? contentPath = null)
    {
        if (!File.Exists(Repository.WebAppAssembly)) throw new FileNotFoundException("The site is not built.", Repository.WebAppAssembly);
        var site = new LiveSite(new Uri($"http://127.0.0.1:{FreePort()}/"), Directory.CreateTempSubdirectory("fc-browser-").FullName,
            contentPath ?? Repository.ShippedContent);
        site.process.Start();
        site.process.BeginOutputReadLine();
        site.process.BeginErrorReadLine();
        // A test run that dies without disposing its fixtures must not leave the site running.
        AppDomain.CurrentDomain.ProcessExit += (_, _) => site.Stop();
        try { await site.WaitUntilHomeAnswersAsync(); }
        catch { await site.DisposeAsync(); throw; }
        return site;
    }

    async Task WaitUntilHomeAnswersAsync()
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(10) };
        var deadline = DateTime.UtcNow + StartTimeout;
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited) throw new InvalidOperationException($"The site exited with code {process.ExitCode}:\n{Log}");
            try
            {
                using var response = await http.GetAsync("/");
                if (response.StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(250);
        }
        throw new TimeoutException($"The site did not answer / with 200 within {StartTimeout.TotalSeconds} s:\n{Log}");
    }

    static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    void Append(string? line)
    {
        if (line is null) return;
        lock (log) log.AppendLine(line);
    }

    void Stop()
    {
        try
        {
            if (process.HasExited) return;
            process.Kill(entireProcessTree: true);
            process.WaitForExit(10_000);
        }
        catch (InvalidOperationException) { } // never started, or already gone
    }

    public ValueTask DisposeAsync()
    {
        Stop();
        process.Dispose();
        try { Directory.Delete(dataFolder, recursive: true); } catch (IOException) { }
        return ValueTask.CompletedTask;
    }
}
