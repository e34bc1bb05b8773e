using FrameworkCompare.Web.Content;
using Microsoft.Extensions.Options;

namespace FrameworkCompare.Web.Checks;

/// <summary>Checks the sources every SourceChecks:ScheduleHours hours, first one interval after start-up; only stores results.</summary>
public sealed class SourceCheckSchedule(IServiceScopeFactory scopes, IOptions<SourceCheckOptions> options, IOptions<ContentOptions> content,
    TimeProvider clock, ILogger<SourceCheckSchedule> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.ScheduleHours <= 0) return;
        var interval = TimeSpan.FromHours(options.Value.ScheduleHours);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(interval, clock, stoppingToken);
                await using var scope = scopes.CreateAsyncScope();
                var report = await scope.ServiceProvider.GetRequiredService<SourceCheckRun>().RunAsync(content.Value.FullPath, null, stoppingToken);
                log.LogInformation("Source check: {Summary}", report.Summary);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or Microsoft.EntityFrameworkCore.DbUpdateException or Microsoft.Data.Sqlite.SqliteException)
            {
                log.LogWarning(e, "Source check failed; trying again in {Hours} hours", options.Value.ScheduleHours);
            }
        }
    }
}
