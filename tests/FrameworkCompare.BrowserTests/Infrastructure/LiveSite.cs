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

    /// <summary>The throw-away folder holding the database; decided before the site starts.</summary>
    public string DataFolder => dataFolder;

    public string ConnectionString => $"Data Source={Path.Combine(dataFolder, "site.db")}";

    /// <summary>What the site wrote to stdout and stderr so far.</summary>
    public string Log { get { lock (log) return log.ToString(); } }

    LiveSite(Uri baseAddress, string dataFolder, string contentPath, IEnumerable<string> extraSettings)
    {
        BaseAddress = baseAddress;
        this.dataFolder = dataFolder;
        if (baseAddress.Scheme == Uri.UriSchemeHttps) extraSettings = [.. LoopbackCertificate.KestrelSettings(dataFolder), .. extraSettings];
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
                $"--ConnectionStrings:Site={ConnectionString}",
            },
            WorkingDirectory = dataFolder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var setting in extraSettings) start.ArgumentList.Add(setting);
        ProductionEnvironment(start);
        process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
    }

    static void ProductionEnvironment(ProcessStartInfo start)
    {
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment.Remove("ASPNETCORE_URLS");
    }

    /// <summary>Starts the site over <paramref name="contentPath"/>, the shipped content by default.</summary>
    public static async Task<LiveSite> StartAsync(string? contentPath = null)
    {
        var site = Create(contentPath);
        await site.StartAsync();
        return site;
    }

    /// <summary>
    /// A site not started yet: its port and data folder are decided, so command-line verbs (<see cref="RunVerbAsync"/>)
    /// can prepare its database first. <paramref name="extraSettings"/> are more <c>--Key=Value</c> arguments.
    /// </summary>
    /// <remarks>
    /// With <paramref name="https"/> Kestrel serves TLS with a throw-away self-signed certificate: the site's anti-forgery
    /// and session cookies are Secure-only, and ASP.NET Core refuses to issue those tokens over plain http.
    /// </remarks>
    public static LiveSite Create(string? contentPath = null, bool https = false, params string[] extraSettings)
    {
        if (!File.Exists(Repository.WebAppAssembly)) throw new FileNotFoundException("The site is not built.", Repository.WebAppAssembly);
        return new LiveSite(new Uri($"{(https ? "https" : "http")}://127.0.0.1:{FreePort()}/"), Directory.CreateTempSubdirectory("fc-browser-").FullName,
            contentPath ?? Repository.ShippedContent, extraSettings);
    }

    public async Task StartAsync()
    {
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        // A test run that dies without disposing its fixtures must not leave the site running.
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Stop();
        try { await WaitUntilHomeAnswersAsync(); }
        catch { await DisposeAsync(); throw; }
    }

    /// <summary>Runs the site's command line (e.g. <c>users add</c>) against this site's database, writing <paramref name="stdin"/> to it.</summary>
    public async Task<string> RunVerbAsync(string? stdin, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = dataFolder,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Repository.WebAppAssembly);
        foreach (var arg in args) start.ArgumentList.Add(arg);
        start.ArgumentList.Add($"--ConnectionStrings:Site={ConnectionString}");
        ProductionEnvironment(start);
        using var verb = Process.Start(start)!;
        var stdout = verb.StandardOutput.ReadToEndAsync();
        var stderr = verb.StandardError.ReadToEndAsync();
        if (stdin is not null) await verb.StandardInput.WriteLineAsync(stdin);
        verb.StandardInput.Close();
        await verb.WaitForExitAsync().WaitAsync(StartTimeout);
        var output = await stdout + await stderr;
        if (verb.ExitCode != 0) throw new InvalidOperationException($"`{string.Join(' ', args)}` exited with {verb.ExitCode}:\n{output}");
        return output;
    }

    async Task WaitUntilHomeAnswersAsync()
    {
        // The only certificate this client meets is the site's own throw-away one.
        using var http = new HttpClient(new HttpClientHandler { ServerCertificateCustomValidationCallback = HttpClientHandler.DangerousAcceptAnyServerCertificateValidator })
            { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(10) };
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
