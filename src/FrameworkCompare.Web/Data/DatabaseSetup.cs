using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Migrations;

namespace FrameworkCompare.Web.Data;

public static class DatabaseSetup
{
    /// <summary>The newest migration this build knows: a database whose history ends with it needs none.</summary>
    static readonly string Latest = typeof(SiteDb).Assembly.GetTypes()
        .Select(t => t.GetCustomAttributes(typeof(MigrationAttribute), false).OfType<MigrationAttribute>().FirstOrDefault()?.Id)
        .OfType<string>().Max(StringComparer.Ordinal)!;

    /// <summary>
    /// Creates the database's folder, applies pending migrations and turns on WAL. A database already at the newest
    /// migration is told so by one query of its history, without EF Core's migrator (which took seconds of every start).
    /// </summary>
    public static async Task MigrateAsync(SiteDb db, CancellationToken ct)
    {
        var connectionString = db.Database.GetConnectionString();
        EnsureFolder(connectionString);
        if (await NewestAppliedAsync(db, ct) != Latest && !await CreateNewAsync(connectionString, ct)) await db.Database.MigrateAsync(ct);
        // WAL lets readers keep reading the last committed import while the next one writes.
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
    }

    /// <summary>
    /// A database with no tables is created by the migrations' script (NewDatabase.sql, `dotnet ef migrations script
    /// --no-transactions`) in one transaction, without EF Core's migrator, which builds every migration's target model
    /// (most of a cold start's first second). MigrationTests fails when the script is not the migrations' own.
    /// False when the database already has tables.
    /// </summary>
    static async Task<bool> CreateNewAsync(string? connectionString, CancellationToken ct)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(ct);
        // Immediate: a second node starting on the same new file waits here, then finds the tables.
        await using var transaction = connection.BeginTransaction(deferred: false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table'";
        if ((long)(await command.ExecuteScalarAsync(ct))! > 0) return false;
        command.CommandText = NewDatabaseScript;
        await command.ExecuteNonQueryAsync(ct);
        await transaction.CommitAsync(ct);
        return true;
    }

    public static string NewDatabaseScript
    {
        get
        {
            using var stream = typeof(DatabaseSetup).Assembly.GetManifestResourceStream("FrameworkCompare.Web.Data.NewDatabase.sql")!;
            return new StreamReader(stream).ReadToEnd();
        }
    }

    static async Task<string?> NewestAppliedAsync(SiteDb db, CancellationToken ct)
    {
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync(ct);
        try
        {
            await using var command = connection.CreateCommand();
            // SQLite checks a statement's tables when it prepares it: a new database has no history table to name.
            command.CommandText = "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '__EFMigrationsHistory'";
            if (await command.ExecuteScalarAsync(ct) is null) return null;
            command.CommandText = """SELECT MAX("MigrationId") FROM "__EFMigrationsHistory" """;
            return await command.ExecuteScalarAsync(ct) as string;
        }
        finally
        {
            await connection.CloseAsync();
        }
    }

    static void EnsureFolder(string? connectionString)
    {
        var file = new SqliteConnectionStringBuilder(connectionString).DataSource;
        if (string.IsNullOrEmpty(file) || file == ":memory:") return;
        var folder = Path.GetDirectoryName(Path.GetFullPath(file));
        if (folder is not null) Directory.CreateDirectory(folder);
    }
}
