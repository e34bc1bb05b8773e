using FrameworkCompare.Web.Content;
using FrameworkCompare.Web.Data;
using FrameworkCompare.Web.Models;
using Microsoft.EntityFrameworkCore;

namespace FrameworkCompare.Web.ReadModel;

/// <summary>
/// Brings the read model up beside the listening server, not before it: after the migrations, serve the snapshot
/// the database already holds, then import what changed in the content folder. Until a first snapshot exists pages answer 503.
/// </summary>
public sealed class ReadModelStartup(
    IServiceScopeFactory scopes, ContentImporter importer, ChangeListener listener, CurrentSnapshot current, AfterFirstPage afterFirstPage,
    TimeProvider clock, ILogger<ReadModelStartup> log)
    : BackgroundService
{
    readonly TaskCompletionSource done = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes once the start-up import has run (or failed), for tests and the benchmark's readiness.</summary>
    public Task Completed => done.Task;

    /// <summary>Migrations first, before other services touch the database; the rest runs beside the server.</summary>
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await using (var scope = scopes.CreateAsyncScope())
            await DatabaseSetup.MigrateAsync(scope.ServiceProvider.GetRequiredService<SiteDb>(), cancellationToken);
        StartupMarks.Mark("migrations checked");
        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await RunAsync(stoppingToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogCritical(e, "The read model could not be loaded; pages answer 503 until a restart");
        }
        finally
        {
            done.TrySetResult();
        }
    }

    async Task RunAsync(CancellationToken ct)
    {
        bool hasVersion;
        await using (var scope = scopes.CreateAsyncScope())
        {
            hasVersion = await scope.ServiceProvider.GetRequiredService<SiteDb>().ReadModelVersions.AnyAsync(ct);
        }
        StartupMarks.Mark("version row checked");
        if (hasVersion) await listener.ApplyNewestAsync(ct);
        StartupMarks.Mark(hasVersion ? "snapshot loaded" : "no snapshot yet");
        // With a snapshot served, what changed while the site was down is imported once the first reader has a page.
        if (hasVersion) await afterFirstPage.WaitAsync(ct);
        try
        {
            await importer.ImportAsync(ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Serve what the database already holds rather than nothing.
            log.LogError(e, "Content import failed at start-up");
        }
        if (current.OrNull is null) await RebuildAsync(ct);
        StartupMarks.Mark("import done");
        StartupMarks.LogTo(log);
    }

    /// <summary>A database imported before version rows existed, or an import that wrote nothing: serve what it holds.</summary>
    async Task RebuildAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SiteDb>();
        ChangeLog.Append(db, ReadModelVersion.Reasons.Rebuild, ContentTags.All, [], clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        await listener.ApplyNewestAsync(ct);
    }
}
