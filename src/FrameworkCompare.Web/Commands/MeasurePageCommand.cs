using System.CommandLine;
using System.Diagnostics;
using Microsoft.AspNetCore.TestHost;

namespace FrameworkCompare.Web.Commands;

/// <summary>
/// `measure-page [--path P]…` (hidden; for bench/NOTES.md): renders each page through the site's pipeline on an in-memory
/// server, uncached, one request at a time, and prints per request the median time, the process's CPU time (GC and
/// JIT threads included) and the bytes allocated. CPU time and allocations hold steady on a busy machine where
/// throughput does not, so they show what a change to rendering saves.
/// </summary>
public static class MeasurePageCommand
{
    static readonly TimeSpan Measure = TimeSpan.FromSeconds(8);

    public static Command Create()
    {
        var paths = new Option<string[]>("--path") { DefaultValueFactory = _ => ["/compare/django-vs-flask"], AllowMultipleArgumentsPerToken = false };
        // Tiered compilation keeps promoting the pipeline's methods for 20-40 s of steady requests on this machine.
        var warmUp = new Option<int>("--warm-up") { Description = "Seconds of requests before measuring", DefaultValueFactory = _ => 40 };
        var command = new Command("measure-page", "Time uncached page renders in process (for bench)") { paths, warmUp };
        command.Hidden = true;
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction((parse, _) => RunAsync(parse.GetValue(paths)!, TimeSpan.FromSeconds(parse.GetValue(warmUp)), Cli.Settings(parse), Cli.Output(parse)));
        return command;
    }

    static async Task<int> RunAsync(string[] paths, TimeSpan warmUp, string[] settings, TextWriter output)
    {
        await using var app = ExportCommand.Build([.. settings, "--Site:ShortPath=false"], new Uri("http://localhost"));
        await app.StartAsync();
        await app.Services.GetRequiredService<ReadModel.ReadModelStartup>().Completed;
        using var client = app.GetTestClient();
        client.DefaultRequestHeaders.Add("Accept-Encoding", "br");
        foreach (var path in paths)
        {
            await RunFor(client, path, warmUp);
            var process = Process.GetCurrentProcess();
            var cpu = process.TotalProcessorTime;
            var allocated = GC.GetTotalAllocatedBytes();
            int gen0 = GC.CollectionCount(0), gen2 = GC.CollectionCount(2);
            var (times, bytes) = await RunFor(client, path, Measure);
            process.Refresh();
            var n = times.Count;
            times.Sort();
            output.WriteLine($"{path}: {n} requests, {bytes / n} bytes sent each; median {times[n / 2]:F0} µs, p99 {times[n * 99 / 100]:F0} µs; " +
                $"CPU {(process.TotalProcessorTime - cpu).TotalMicroseconds / n:F0} µs and {(GC.GetTotalAllocatedBytes() - allocated) / n / 1024} KB allocated per request; " +
                $"gen0 {GC.CollectionCount(0) - gen0}, gen2 {GC.CollectionCount(2) - gen2} collections");
        }
        await app.StopAsync();
        return 0;
    }

    static async Task<(List<double> Micros, long Bytes)> RunFor(HttpClient client, string path, TimeSpan duration)
    {
        var micros = new List<double>();
        long bytes = 0;
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < duration)
        {
            var started = Stopwatch.GetTimestamp();
            using var response = await client.GetAsync(path);
            var body = await response.Content.ReadAsByteArrayAsync();
            micros.Add(Stopwatch.GetElapsedTime(started).TotalMicroseconds);
            if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"{path} answered {(int)response.StatusCode}");
            bytes += body.Length;
        }
        return (micros, bytes);
    }
}
