using FrameworkCompare.Tests.Infrastructure;
using FrameworkCompare.Web.Accounts;
using FrameworkCompare.Web.Commands;
using FrameworkCompare.Web.Data;
using FrameworkCompare.Web.Editing;
using FrameworkCompare.Web.Models;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FrameworkCompare.Tests;

public sealed class BackupTests : IDisposable
{
    const string Editor = "editor@example.org";
    readonly string backups = Directory.CreateTempSubdirectory("fc-backup-").FullName;

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(backups, recursive: true); } catch (IOException) { }
    }

    [Fact]
    public async Task ABackupTakenWhileTheSiteRunsRestoresAccountsDraftsRevisionsAndTheAuditLog()
    {
        var backup = Path.Combine(backups, "nightly", "site-backup.db");
        using (var site = new SiteFactory())
        {
            await site.GetDocumentAsync("/");
            await AddDurableRowsAsync(site, "articles/before.md");
            Assert.Equal("wal", site.Query(db => db.Database.SqlQueryRaw<string>("PRAGMA journal_mode").AsEnumerable().Single()));

            var output = new StringWriter();
            var exit = await Cli.RunAsync(["backup", backup, $"--ConnectionStrings:Site=Data Source={site.DatabasePath}"], output);

            Assert.True(exit == 0, output.ToString());
            Assert.Contains(backup, output.ToString());
            // Written after the backup: the restore must not have it.
            await AddDurableRowsAsync(site, "articles/after.md");
        }

        // The README's restore: the site is stopped, the old database moved aside, the backup copied to the database's place.
        var restored = Path.Combine(Directory.CreateTempSubdirectory("fc-db-").FullName, "site.db");
        File.Copy(backup, restored);
        using var back = new SiteFactory(databasePath: restored);

        Assert.Equal("Django vs Flask", (await back.GetDocumentAsync("/compare/django-vs-flask")).QuerySelector("h1")!.TextContent);
        using var scope = back.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<EditorUser>>();
        var editor = await users.FindByEmailAsync(Editor);
        Assert.NotNull(editor);
        Assert.True(await users.CheckPasswordAsync(editor, TestAccounts.Password));
        Assert.Equal(["articles/before.md"], back.Query(db => db.Drafts.Select(d => d.Path).ToList()));
        // The site also records each content file's first version; only the hand-added revisions matter here.
        Assert.Equal(["articles/before.md"], back.Query(db => db.Revisions.Where(r => r.Path.EndsWith("before.md") || r.Path.EndsWith("after.md")).Select(r => r.Path).ToList()));
        Assert.Equal(["articles/before.md"], back.Query(db => db.AuditLog.Where(a => a.Action == "draft.saved").Select(a => a.Target!).ToList()));
    }

    [Fact]
    public async Task AnExistingTargetIsRefused()
    {
        var target = Path.Combine(backups, "site-backup.db");
        File.WriteAllText(target, "keep me");
        var output = new StringWriter();

        Assert.Equal(1, await Cli.RunAsync(["backup", target, $"--ConnectionStrings:Site=Data Source={Path.Combine(backups, "site.db")}"], output));
        Assert.Contains("already exists", output.ToString());
        Assert.Equal("keep me", File.ReadAllText(target));
    }

    [Fact]
    public async Task RebuildingTheReadModelLeavesTheDurableTablesAlone()
    {
        using var site = new SiteFactory();
        await site.GetDocumentAsync("/");
        await AddDurableRowsAsync(site, "articles/kept.md");
        var before = DurableCounts(site);

        site.Query(db => db.Articles.ExecuteDelete() + db.Frameworks.ExecuteDelete() + db.ContentFiles.ExecuteDelete());
        var result = await site.ImportAsync();

        Assert.Empty(result.Problems);
        Assert.Equal(before, DurableCounts(site));
        Assert.Equal(1, site.Query(db => db.Articles.Count()));
        Assert.Equal("Django vs Flask", (await site.GetDocumentAsync("/compare/django-vs-flask")).QuerySelector("h1")!.TextContent);
    }

    static (int Users, int Drafts, int Revisions, int Audit) DurableCounts(SiteFactory site) =>
        site.Query(db => (db.Users.Count(), db.Drafts.Count(), db.Revisions.Count(), db.AuditLog.Count()));

    static async Task AddDurableRowsAsync(SiteFactory site, string path)
    {
        using var scope = site.Services.CreateScope();
        var services = scope.ServiceProvider;
        var editor = await services.GetRequiredService<UserManager<EditorUser>>().FindByEmailAsync(Editor)
            ?? await site.CreateAccountAsync(Editor, role: null);
        await services.GetRequiredService<DraftStore>().SaveAsync(editor.Id, path, "---\ntitle: Draft\n---\nText.", baseHash: null, message: "first go");
        await services.GetRequiredService<AuditLog>().RecordAsync("draft.saved", Editor, path);
        var db = services.GetRequiredService<SiteDb>();
        db.Revisions.Add(new Revision { Path = path, Text = "Text.", Kind = RevisionKind.Published, Author = Editor, At = SiteFactory.Today });
        await db.SaveChangesAsync();
    }
}
