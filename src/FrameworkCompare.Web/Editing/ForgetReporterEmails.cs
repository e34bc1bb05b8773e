using FrameworkCompare.Web.ReadModel;
using Microsoft.Extensions.Options;

namespace FrameworkCompare.Web.Editing;

public sealed class ReviewOptions
{
    public const string Section = "Review";

    /// <summary>Days after a report or question is closed that its reader's email is deleted.</summary>
    public int ForgetEmailAfterDays { get; set; } = 90;
}

/// <summary>Deletes readers' emails from closed review items once they are no longer needed; runs at start-up and daily.</summary>
public sealed class ForgetReporterEmails(
    IServiceScopeFactory scopes, IOptions<ReviewOptions> options, AfterFirstPage afterFirstPage, ILogger<ForgetReporterEmails> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await afterFirstPage.WaitAsync(stoppingToken);
        using var daily = new PeriodicTimer(TimeSpan.FromDays(1));
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var forgotten = await scope.ServiceProvider.GetRequiredService<ReviewQueue>().ForgetEmailsAsync(options.Value.ForgetEmailAfterDays, stoppingToken);
                if (forgotten > 0) log.LogInformation("Deleted the email addresses of {Count} closed reports and questions", forgotten);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogError(e, "Could not delete old reporter email addresses");
            }
        } while (await daily.WaitForNextTickAsync(stoppingToken));
    }
}
