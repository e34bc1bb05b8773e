using FrameworkCompare.Web.Data;

namespace FrameworkCompare.Web.Content;

/// <summary>Before the site takes requests: migrate the database, then import the content.</summary>
public sealed class ContentStartup(IServiceScopeFactory scopes, ContentImporter importer, ILogger<ContentStartup> log) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using (var scope = scopes.CreateAsyncScope())
            await DatabaseSetup.MigrateAsync(scope.ServiceProvider.GetRequiredService<SiteDb>(), cancellationToken);
        try
        {
            await importer.ImportAsync(cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Serve what the database already holds rather than not start at all.
            log.LogError(e, "Content import failed at start-up");
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
