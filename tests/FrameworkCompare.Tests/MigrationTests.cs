using FrameworkCompare.Tests.Infrastructure;
using FrameworkCompare.Web.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace FrameworkCompare.Tests;

public sealed class MigrationTests
{
    [Fact]
    public void TheModelAndTheMigrationsAgree()
    {
        using var db = Open(Path.Combine(Directory.CreateTempSubdirectory("fc-mig-").FullName, "drift.db"));

        // Fails after a model change until `dotnet ef migrations add <Name>` is run in src/FrameworkCompare.Web.
        Assert.False(db.Database.HasPendingModelChanges(), "The model has changes no migration records: run dotnet ef migrations add.");
    }

    [Fact]
    public async Task UpgradingADatabaseFromTheFirstSchemaKeepsItsImportLog()
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory("fc-mig-").FullName, "old.db");
        await using (var old = Open(file))
        {
            await old.GetService<IMigrator>().MigrateAsync("20261122000001_Initial");
            await old.Database.ExecuteSqlRawAsync("""
                INSERT INTO "ImportRuns" ("StartedAt", "DurationMs", "FilesImported", "FilesFailed", "FilesRemoved") VALUES ('2025-01-01 00:00:00+00:00', 12, 3, 0, 0);
                """);
        }

        using var site = new SiteFactory(databasePath: file);
        _ = site.CreateReader();

        Assert.Equal(12, site.Query(db => db.ImportRuns.OrderBy(r => r.Id).First().DurationMs));
        Assert.True(site.Query(db => db.Frameworks.Count()) > 0);
        await site.CreateAccountAsync("after-upgrade@example.org", "editor");
        Assert.Equal(1, site.Query(db => db.Users.Count()));
        SqliteConnection.ClearAllPools();
    }

    static SiteDb Open(string file) => new(new DbContextOptionsBuilder<SiteDb>().UseSqlite($"Data Source={file}").Options);
}
