using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime;

namespace FrameworkCompare.Web;

/// <summary>
/// Where start-up time goes: with FC_STARTUP_MARKS=1 the site notes, from process start, the wall time, the process's
/// CPU time, the JIT's work and the collections (gen 0/gen 2) at each step, and logs those noted so far when the first request ends and when the
/// start-up import is done.
/// Off (the default), a mark costs one static field read.
/// </summary>
public static class StartupMarks
{
    public static readonly bool Enabled = Environment.GetEnvironmentVariable("FC_STARTUP_MARKS") == "1";
    static readonly ConcurrentQueue<string> marks = new();
    static int firstRequest;

    public static void Mark(string step)
    {
        if (!Enabled) return;
        using var process = Process.GetCurrentProcess();
        var wall = DateTime.Now - process.StartTime;
        marks.Enqueue($"{wall.TotalMilliseconds,7:F0} ms wall {process.TotalProcessorTime.TotalMilliseconds,7:F0} ms CPU " +
            $"JIT {JitInfo.GetCompiledMethodCount(),6} methods {JitInfo.GetCompilationTime().TotalMilliseconds,6:F0} ms " +
            $"GC {GC.CollectionCount(0),4}/{GC.CollectionCount(2),2} paused {GC.GetTotalPauseDuration().TotalMilliseconds,5:F0} ms  {step}");
    }

    /// <summary>Marks the first request's start and end, then logs every mark.</summary>
    public static void UseStartupMarks(this WebApplication app)
    {
        if (!Enabled) return;
        var log = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(StartupMarks));
        app.Lifetime.ApplicationStarted.Register(() => Mark("hosted services started, Kestrel listening"));
        app.Use(async (http, next) =>
        {
            var first = Interlocked.Exchange(ref firstRequest, 1) == 0;
            if (first) Mark($"first request begins: {http.Request.Path}");
            await next(http);
            if (!first) return;
            Mark($"first request ends: {http.Response.StatusCode}");
            LogTo(log);
        });
    }

    public static void LogTo(ILogger log)
    {
        if (!Enabled) return;
        var lines = new List<string>();
        while (marks.TryDequeue(out var mark)) lines.Add(mark);
        log.LogInformation("Start-up marks:\n{Marks}", string.Join('\n', lines));
    }
}
