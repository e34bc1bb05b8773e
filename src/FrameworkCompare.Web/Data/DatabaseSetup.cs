using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace FrameworkCompare.Web.Data;

public static class DatabaseSetup
{
    /// <summary>Creates the database's folder, applies pending migrations and turns on WAL.</summary>
    public static async Task MigrateAsync(SiteDb db, CancellationToken ct)
    {
        EnsureFolder(db.Database.GetConnectionString());
        await db.Database.MigrateAsync(ct);
        // WAL lets readers keep reading the last committed import while the next one writes.
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
    }

    static void EnsureFolder(string? connectionString)
    {
        var file = new SqliteConnectionStringBuilder(connectionString).DataSource;
        if (string.IsNullOrEmpty(file) || file == ":memory:") return;
        var folder = Path.GetDirectoryName(Path.GetFullPath(file));
        if (folder is not null) Directory.CreateDirectory(folder);
    }
}
