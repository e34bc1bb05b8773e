using System.CommandLine;
using FrameworkCompare.Web.Checks;

namespace FrameworkCompare.Web.Commands;

/// <summary>`check-sources [folder]`: requests every cited source URL and prints the broken ones as file:line: URL: status; exit code 1 when any is broken.</summary>
public static class CheckSourcesCommand
{
    public static Command Create() => Cli.ContentFolderVerb("check-sources",
        "Request every source URL the content cites and report the broken and moved ones",
        (root, parse, ct) => RunAsync(root, Cli.Settings(parse), Cli.Output(parse), ct));

    static async Task<int> RunAsync(string root, string[] settings, TextWriter output, CancellationToken ct)
    {
        await using var app = await CommandHost.OpenAsync(settings, ct);
        await using var scope = app.Services.CreateAsyncScope();
        var progress = new ProgressLine(output, IsTerminal(output));
        var report = await scope.ServiceProvider.GetRequiredService<SourceCheckRun>().RunAsync(root, progress, ct);
        progress.Finish();

        var results = report.Results.ToDictionary(r => r.Url);
        var lines = report.Cited.SelectMany(c => c.Citations.Select(at => (At: at, Result: results[c.Url]))).ToList();
        foreach (var (at, result) in Ordered(lines.Where(l => l.Result.Broken)))
            output.WriteLine($"{at}: {result.Url}: {result.Detail}");
        foreach (var (at, result) in Ordered(lines.Where(l => l.Result.Outcome == SourceOutcome.Redirected)))
            output.WriteLine($"{at}: note: {result.Url} redirects to {result.FinalUrl}");
        output.WriteLine(report.Summary);
        return report.Count(SourceOutcome.Broken) > 0 ? 1 : 0;
    }

    static IEnumerable<(Citation At, SourceResult Result)> Ordered(IEnumerable<(Citation At, SourceResult Result)> lines) =>
        lines.OrderBy(l => l.At.File, StringComparer.Ordinal).ThenBy(l => l.At.Line);

    static bool IsTerminal(TextWriter output) => ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected;

    /// <summary>On a terminal one line that updates in place; elsewhere (logs, CI) a line each tenth of the way.</summary>
    sealed class ProgressLine(TextWriter output, bool terminal) : IProgress<(int Done, int Total)>
    {
        readonly Lock gate = new();
        int lastTenth;
        bool wrote;

        public void Report((int Done, int Total) value)
        {
            var (done, total) = value;
            lock (gate)
            {
                if (terminal)
                {
                    output.Write($"\rchecked {done}/{total}…");
                    wrote = true;
                    return;
                }
                var tenth = total == 0 ? 10 : done * 10 / total;
                if (tenth <= lastTenth) return;
                lastTenth = tenth;
                output.WriteLine($"checked {done}/{total}…");
            }
        }

        public void Finish()
        {
            if (wrote) output.Write("\r\x1b[2K");
        }
    }
}
