using FrameworkCompare.Web.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace FrameworkCompare.Web.Content;

/// <summary>Before the site takes requests: migrate the database, then import the content.</summary>
public sealed class ContentStartup(IServiceScopeFactory scopes, ContentImporter importer, ILogger<ContentStartup> log) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SiteDb>();
            EnsureFolder(db.Database.GetConnectionString());
            await db.Database.MigrateAsync(cancellationToken);
            // WAL lets readers keep reading the last committed import while the next one writes.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }
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

    static void EnsureFolder(string? connectionString)
    {
        var file = new SqliteConnectionStringBuilder(connectionString).DataSource;
        if (string.IsNullOrEmpty(file) || file == ":memory:") return;
        var folder = Path.GetDirectoryName(Path.GetFullPath(file));
        if (folder is not null) Directory.CreateDirectory(folder);
    }
}
