using System.Diagnostics;
using System.Text;
using Microsoft.Extensions.Options;

namespace FrameworkCompare.Web.Editing;

/// <summary>
/// Runs the configured git program in a folder, with a time limit, never asking for a password. Reads of history in
/// the background run at a lower CPU priority, so they do not slow the pages being served.
/// </summary>
public sealed class GitProcess(IOptions<EditorOptions> options)
{
    static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    public sealed record Result(int Code, string Output, string Error)
    {
        public string All => Output + Error;
    }

    public Task<Result> RunAsync(string folder, CancellationToken ct, params string[] args) => RunAsync(folder, lowPriority: false, ct, args);

    public Task<Result> RunInBackgroundAsync(string folder, CancellationToken ct, params string[] args) => RunAsync(folder, lowPriority: true, ct, args);

    async Task<Result> RunAsync(string folder, bool lowPriority, CancellationToken ct, string[] args)
    {
        var start = new ProcessStartInfo(options.Value.Git)
        {
            WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true, StandardOutputEncoding = Encoding.UTF8,
        };
        // The site commits as itself; the editor is the author.
        foreach (var (key, value) in new Dictionary<string, string>
                 {
                     ["GIT_COMMITTER_NAME"] = "FrameworkCompare workspace", ["GIT_COMMITTER_EMAIL"] = "workspace@frameworkcompare.invalid",
                     ["GIT_TERMINAL_PROMPT"] = "0",
                 })
            start.Environment[key] = value;
        foreach (var arg in args) start.ArgumentList.Add(arg);
        try
        {
            using var process = Process.Start(start)!;
            if (lowPriority) Lower(process);
            var output = process.StandardOutput.ReadToEndAsync(ct);
            var error = process.StandardError.ReadToEndAsync(ct);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(Timeout);
            try { await process.WaitForExitAsync(timeout.Token); }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                process.Kill(entireProcessTree: true);
                return new(-1, "", $"git {args[0]} took longer than {Timeout.TotalSeconds} s");
            }
            return new(process.ExitCode, await output, await error);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return new(-1, "", $"git could not be started: {e.Message}");
        }
    }

    static void Lower(Process process)
    {
        // A git that has already finished cannot be lowered, and needs not be.
        try { process.PriorityClass = ProcessPriorityClass.BelowNormal; }
        catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception) { }
    }
}
