using FrameworkCompare.Web.Content;
using Microsoft.Extensions.Options;

namespace FrameworkCompare.Web.Checks;

/// <summary>
/// Checks the sources every SourceChecks:ScheduleHours hours, first one interval after start-up; only stores results. A failed
/// run is logged and the next one comes at its time: nothing a run meets stops the site.
/// </summary>
public sealed class SourceCheckSchedule(IServiceScopeFactory scopes, IOptions<SourceCheckOptions> options, IOptions<ContentOptions> content,
    TimeProvider clock, ILogger<SourceCheckSchedule> log) : BackgroundService
{
    /// <summary>Ten years: beyond that TimeSpan arithmetic overflows; the wait itself goes a day at a time, under the timer's limit of 49 days.</summary>
    const double MaxHours = 24 * 365 * 10;
    static readonly TimeSpan Step = TimeSpan.FromDays(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!(options.Value.ScheduleHours > 0)) return; // NaN too
        var interval = TimeSpan.FromHours(Math.Min(options.Value.ScheduleHours, MaxHours));
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await WaitAsync(interval, stoppingToken);
                await using var scope = scopes.CreateAsyncScope();
                var report = await scope.ServiceProvider.GetRequiredService<SourceCheckRun>().RunAsync(content.Value.FullPath, null, stoppingToken);
                log.LogInformation("Source check: {Summary}", report.Summary);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            // Anything else a run throws is logged too: an exception escaping a BackgroundService stops the whole host.
            catch (Exception e)
            {
                log.LogWarning(e, "Source check failed; trying again in {Hours} hours", options.Value.ScheduleHours);
            }
        }
    }

    async Task WaitAsync(TimeSpan interval, CancellationToken ct)
    {
        for (var left = interval; left > TimeSpan.Zero; left -= Step)
            await Task.Delay(left < Step ? left : Step, clock, ct);
    }
}
