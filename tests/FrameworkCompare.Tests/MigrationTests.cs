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
    public void ANewDatabaseIsCreatedByTheMigrationsOwnScript()
    {
        using var db = Open(Path.Combine(Directory.CreateTempSubdirectory("fc-mig-").FullName, "script.db"));
        var script = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.NoTransactions);

        // Fails after a migration is added until this is run in the repository's root:
        // dotnet ef migrations script --no-transactions -p src/FrameworkCompare.Web -o src/FrameworkCompare.Web/Data/NewDatabase.sql
        Assert.Equal(Lines(script), Lines(DatabaseSetup.NewDatabaseScript));
    }

    static string[] Lines(string script) => script.TrimStart('\uFEFF').ReplaceLineEndings("\n").Trim().Split('\n');

    [Fact]
    public async Task ANewDatabaseHasTheSchemaTheMigratorBuilds()
    {
        var folder = Directory.CreateTempSubdirectory("fc-mig-").FullName;
        await using (var migrated = Open(Path.Combine(folder, "migrated.db")))
            await migrated.GetService<IMigrator>().MigrateAsync();
        await using (var created = Open(Path.Combine(folder, "created.db")))
            await DatabaseSetup.MigrateAsync(created, CancellationToken.None);

        var expected = Schema(Path.Combine(folder, "migrated.db"));
        Assert.Equal(expected, Schema(Path.Combine(folder, "created.db")));
        Assert.Contains(expected, line => line.StartsWith("Frameworks column Slug", StringComparison.Ordinal));
        SqliteConnection.ClearAllPools();
    }

    /// <summary>Every table's columns, indexes, foreign keys and the migration history, one line each, in a stable order.</summary>
    static List<string> Schema(string file)
    {
        using var connection = new SqliteConnection($"Data Source={file}");
        connection.Open();
        List<string[]> Rows(string sql)
        {
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            using var reader = command.ExecuteReader();
            var rows = new List<string[]>();
            while (reader.Read()) rows.Add([.. Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "null" : reader.GetValue(i).ToString()!)]);
            return rows;
        }
        var lines = new List<string>();
        // EF Core's migration lock exists only while (or after) the migrator runs.
        foreach (var table in Rows("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT IN ('sqlite_sequence', '__EFMigrationsLock')").Select(r => r[0]))
        {
            lines.AddRange(Rows($"SELECT name, type, \"notnull\", dflt_value, pk FROM pragma_table_info('{table}')").Select(c => $"{table} column {string.Join(' ', c)}"));
            foreach (var index in Rows($"SELECT name, \"unique\", origin, partial FROM pragma_index_list('{table}')"))
            {
                var columns = Rows($"SELECT name FROM pragma_index_info('{index[0]}') ORDER BY seqno").Select(c => c[0]);
                // Automatic indexes (primary keys, UNIQUE constraints) are named by SQLite after their order in the table.
                var name = index[0].StartsWith("sqlite_autoindex_", StringComparison.Ordinal) ? "(automatic)" : index[0];
                lines.Add($"{table} index {name} unique={index[1]} origin={index[2]} partial={index[3]} ({string.Join(", ", columns)})");
            }
            lines.AddRange(Rows($"SELECT \"table\", \"from\", \"to\", on_update, on_delete FROM pragma_foreign_key_list('{table}')").Select(k => $"{table} foreign key {string.Join(' ', k)}"));
        }
        lines.AddRange(Rows("SELECT MigrationId FROM __EFMigrationsHistory").Select(r => $"migration {r[0]}"));
        lines.Sort(StringComparer.Ordinal);
        return lines;
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

    /// <summary>Every schema before the newest: the migrations a database in use may still be at.</summary>
    public static TheoryData<string> EarlierSchemas()
    {
        using var db = Open(":memory:");
        return new TheoryData<string>(db.Database.GetMigrations().SkipLast(1));
    }

    [Theory]
    [MemberData(nameof(EarlierSchemas))]
    public async Task UpgradingFromAnEarlierSchemaKeepsEveryDurableRowAndDropsTheFullTextTable(string schema)
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory("fc-mig-").FullName, "old.db");
        string before;
        await using (var old = Open(file))
        {
            await old.GetService<IMigrator>().MigrateAsync(schema);
            var tables = await TablesAsync(old);
            foreach (var (table, insert) in DurableRows.Where(r => tables.Contains(r.Table)))
                await old.Database.ExecuteSqlRawAsync(insert);
            if (tables.Contains("SearchIndex"))
                await old.Database.ExecuteSqlRawAsync("""INSERT INTO "SearchIndex" ("Kind", "Slug", "Path", "Title", "Body") VALUES ('faq', 'q', 'faq/q.md', 'Q', 'A')""");
            // A guard for this test itself: a durable table added later must be given a row here to be checked.
            Assert.Empty(tables.Except(ReadModel).Except(DurableRows.Select(r => r.Table)).Where(t => !t.StartsWith("SearchIndex")).ToList());
            before = await DumpAsync(old, tables);
        }

        await using (var upgraded = Open(file))
        {
            await upgraded.Database.MigrateAsync();
            var oldTables = Dumped(before);
            Assert.Equal(before, await DumpAsync(upgraded, oldTables, columnsOf: before));
            Assert.DoesNotContain(await TablesAsync(upgraded), t => t.StartsWith("SearchIndex"));
        }
        SqliteConnection.ClearAllPools();
    }

    /// <summary>Rebuilt from content/ by every import; a migration may leave these as it likes.</summary>
    static readonly string[] ReadModel = ["Categories", "Attributes", "Frameworks", "FactValues", "ProCons", "Articles", "FaqEntries", "Authors", "ContentFiles",
        // Rebuilt with the read model: its change log, the scoring rules served, and the commit the fact history was derived up to.
        "ReadModelVersions", "ServedScoring", "FactHistoryMarks"];

    /// <summary>A row for each durable table, in the columns it was created with, parents before children.</summary>
    static readonly (string Table, string Insert)[] DurableRows =
    [
        ("ImportRuns", """INSERT INTO "ImportRuns" ("StartedAt", "DurationMs", "FilesImported", "FilesFailed", "FilesRemoved") VALUES ('2025-01-01 00:00:00+00:00', 12, 3, 0, 0)"""),
        ("AspNetUsers", """
            INSERT INTO "AspNetUsers" ("Id", "CreatedAt", "UserName", "NormalizedUserName", "Email", "NormalizedEmail", "EmailConfirmed", "PasswordHash",
                "SecurityStamp", "ConcurrencyStamp", "PhoneNumberConfirmed", "TwoFactorEnabled", "LockoutEnabled", "AccessFailedCount")
            VALUES ('u1', '2025-01-02 00:00:00+00:00', 'ed@example.org', 'ED@EXAMPLE.ORG', 'ed@example.org', 'ED@EXAMPLE.ORG', 1, 'AQAAAAIAAYagAAAAEhash',
                'STAMP', 'c1', 0, 1, 1, 2)
            """),
        ("AspNetRoles", """INSERT INTO "AspNetRoles" ("Id", "Name", "NormalizedName", "ConcurrencyStamp") VALUES ('r1', 'editor', 'EDITOR', 'c2')"""),
        ("AspNetUserRoles", """INSERT INTO "AspNetUserRoles" ("UserId", "RoleId") VALUES ('u1', 'r1')"""),
        ("AspNetRoleClaims", """INSERT INTO "AspNetRoleClaims" ("RoleId", "ClaimType", "ClaimValue") VALUES ('r1', 'scope', 'all')"""),
        ("AspNetUserClaims", """INSERT INTO "AspNetUserClaims" ("UserId", "ClaimType", "ClaimValue") VALUES ('u1', 'name', 'Ed')"""),
        ("AspNetUserLogins", """INSERT INTO "AspNetUserLogins" ("LoginProvider", "ProviderKey", "ProviderDisplayName", "UserId") VALUES ('p', 'k', 'P', 'u1')"""),
        ("AspNetUserTokens", """INSERT INTO "AspNetUserTokens" ("UserId", "LoginProvider", "Name", "Value") VALUES ('u1', '[AspNetUserStore]', 'AuthenticatorKey', 'KEY')"""),
        ("Drafts", """INSERT INTO "Drafts" ("UserId", "Path", "Text", "BaseHash", "Message", "UpdatedAt") VALUES ('u1', 'faq/draft.md', 'draft text', 'h0', 'wip', '2025-01-03 00:00:00+00:00')"""),
        ("Revisions", """INSERT INTO "Revisions" ("Path", "Text", "Hash", "BaseHash", "Kind", "Author", "Message", "At") VALUES ('faq/q.md', 'text', 'h1', 'h0', 'edit', 'ed@example.org', 'why', '2025-01-04 00:00:00+00:00')"""),
        ("AuditLog", """INSERT INTO "AuditLog" ("At", "Action", "Actor", "Target", "Detail", "ClientAddress") VALUES ('2025-01-05 00:00:00+00:00', 'sign-in', 'ed@example.org', 'u1', 'ok', '192.0.2.1')"""),
        ("RetiredPages", """INSERT INTO "RetiredPages" ("Kind", "Slug", "MovedTo", "RetiredAt") VALUES ('article', 'gone-page', 'new-page', '2025-01-06 00:00:00+00:00')"""),
        ("ReviewItems", """
            INSERT INTO "ReviewItems" ("Id", "Kind", "State", "CreatedAt", "Origin", "FrameworkSlug", "AttributeKey", "ProposedValue", "EvidenceUrl", "Message", "ReporterEmail")
            VALUES (7, 'report', 'open', '2025-01-07 00:00:00+00:00', 'reader', 'django', 'orm', 'yes', 'https://example.org/e', 'out of date', 'r@example.org')
            """),
        ("SourceChecks", """INSERT INTO "SourceChecks" ("Url", "Broken", "Status", "RedirectedTo", "Detail", "CheckedAt") VALUES ('https://example.org/s', 1, 404, NULL, 'not found', '2025-01-08 00:00:00+00:00')"""),
        ("FactChanges", """INSERT INTO "FactChanges" ("Path", "FrameworkSlug", "AttributeKey", "OldValue", "NewValue", "ChangedAt") VALUES ('frameworks/django.md', 'django', 'orm', 'no', 'yes', '2025-01-09 00:00:00+00:00')"""),
        ("Sessions", """INSERT INTO "Sessions" ("Id", "UserId", "CreatedAt", "LastSeenAt") VALUES ('s1', 'u1', '2025-01-10 00:00:00+00:00', '2025-01-10 01:00:00+00:00')"""),
        ("AuthenticatorSteps", """INSERT INTO "AuthenticatorSteps" ("UserId", "LastStep") VALUES ('u1', 58000000)"""),
        ("PendingUploads", """INSERT INTO "PendingUploads" ("ReviewItemId", "FileName", "ContentType", "Size", "Bytes", "CreatedAt") VALUES (7, 'shot.png', 'image/png', 3, x'89504e', '2025-01-11 00:00:00+00:00')"""),
    ];

    /// <summary>The database's tables but SQLite's and EF Core's own (migrations history and lock).</summary>
    static async Task<List<string>> TablesAsync(SiteDb db) =>
        (await db.Database.SqlQueryRaw<string>("""SELECT "name" AS "Value" FROM sqlite_master WHERE "type" = 'table' ORDER BY 1""").ToListAsync())
            .Where(t => !t.StartsWith("sqlite_") && !t.StartsWith("__EF")).ToList();

    /// <summary>Each table's columns and rows, one line each; with columnsOf, only the columns that dump had (a later migration may add some).</summary>
    static async Task<string> DumpAsync(SiteDb db, IEnumerable<string> tables, string? columnsOf = null)
    {
        var dump = new System.Text.StringBuilder();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        foreach (var table in tables.Where(t => !t.StartsWith("SearchIndex")))
        {
            await using var command = connection.CreateCommand();
            command.CommandText = columnsOf is null ? $"""SELECT * FROM "{table}" ORDER BY rowid"""
                : $"""SELECT {string.Join(", ", ColumnsIn(columnsOf, table).Select(c => '"' + c + '"'))} FROM "{table}" ORDER BY rowid""";
            await using var reader = await command.ExecuteReaderAsync();
            dump.Append("# ").AppendJoin('|', new[] { table }.Concat(Enumerable.Range(0, reader.FieldCount).Select(reader.GetName))).Append('\n');
            while (await reader.ReadAsync())
                dump.AppendJoin('|', Enumerable.Range(0, reader.FieldCount).Select(i => reader.GetValue(i) switch
                {
                    DBNull => "∅",
                    byte[] bytes => Convert.ToHexString(bytes),
                    var value => value.ToString(),
                })).Append('\n');
        }
        await connection.CloseAsync();
        return dump.ToString();
    }

    static IEnumerable<string> Dumped(string dump) => dump.Split('\n').Where(l => l.StartsWith("# ")).Select(l => l[2..].Split('|')[0]);

    static IEnumerable<string> ColumnsIn(string dump, string table) =>
        dump.Split('\n').First(l => l.StartsWith($"# {table}|")).Split('|').Skip(1);

    static SiteDb Open(string file) => new(new DbContextOptionsBuilder<SiteDb>().UseSqlite($"Data Source={file}").Options);
}
