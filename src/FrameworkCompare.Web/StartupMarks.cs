using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime;

namespace FrameworkCompare.Web;

/// <summary>
/// Where start-up time goes: with FC_STARTUP_MARKS=1 the site notes, from process start, the wall time, the process's
/// CPU time and the JIT's work at each step up to the end of the first request, and logs them all once it ends.
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
            $"JIT {JitInfo.GetCompiledMethodCount(),6} methods {JitInfo.GetCompilationTime().TotalMilliseconds,6:F0} ms  {step}");
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
            log.LogInformation("Start-up marks:\n{Marks}", string.Join('\n', marks));
        });
    }
}
