using System.Collections.Concurrent;
using System.Net;
using FrameworkCompare.Tests.Infrastructure;
using FrameworkCompare.Tests.Media;
using FrameworkCompare.Web.Commands;
using FrameworkCompare.Web.Data;
using FrameworkCompare.Web.Editing;
using FrameworkCompare.Web.Models;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SkiaSharp;

namespace FrameworkCompare.Tests.Editor;

/// <summary>
/// The previous version kept contributors' waiting images as files in pending-media/ beside the database. The first
/// start (or command) of this version moves each into the database, and only then deletes the file.
/// </summary>
public sealed class PendingMediaUpgradeTests : IDisposable
{
    const string PreviousSchema = "20261203084832_ServerSessionsAndSingleUseCodes";
    readonly string folder = Directory.CreateTempSubdirectory("fc-upgrade-").FullName;
    readonly byte[] chart = TestImages.Encode(SKEncodedImageFormat.Png, 8, 6);
    string Database => Path.Combine(folder, "site.db");
    string Pending(string name) => Path.Combine(folder, OldPendingMediaFolder.FolderName, name);

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
    }

    /// <summary>A database of the previous version: an open upload (1), a declined one (2), a submission (3); their files beside it.</summary>
    async Task PreviousVersionAsync()
    {
        await using (var old = new SiteDb(new DbContextOptionsBuilder<SiteDb>().UseSqlite($"Data Source={Database}").Options))
        {
            await old.GetService<IMigrator>().MigrateAsync(PreviousSchema);
            await old.Database.ExecuteSqlRawAsync("""
                INSERT INTO "ReviewItems" ("Id", "Kind", "State", "CreatedAt", "Origin", "Path", "Message") VALUES
                    (1, 'Upload', 'Open', '2025-09-30 08:00:00+00:00', 'cora@example.org', 'media/chart-0123456789.png', 'A chart'),
                    (2, 'Upload', 'Declined', '2025-09-30 09:00:00+00:00', 'cora@example.org', 'media/old-0123456789.png', 'Old'),
                    (3, 'Submission', 'Open', '2025-09-30 10:00:00+00:00', 'cora@example.org', 'articles/django-vs-flask.md', NULL);
                """);
        }
        Directory.CreateDirectory(Path.GetDirectoryName(Pending("x"))!);
        File.WriteAllBytes(Pending("1-chart-0123456789.png"), chart);
        File.WriteAllBytes(Pending("2-old-0123456789.png"), chart);
        File.WriteAllBytes(Pending("7-ghost-0123456789.png"), chart);
        File.WriteAllBytes(Pending("3-articles.png"), chart);
        File.WriteAllText(Pending("notes.txt"), "not an image");
    }

    [Fact]
    public async Task TheFirstStartMovesEachWaitingImageIntoTheDatabaseAndLeavesTheOthersLogged()
    {
        await PreviousVersionAsync();

        using var site = new LoggedSite(Database, new() { ["Editor:GitCommit"] = "false", ["Media:PendingPath"] = "/srv/old-pending" });
        await site.CreateAccountAsync("ed@example.org", "editor");

        var row = Assert.Single(site.Query(db => db.PendingUploads.ToList()));
        Assert.Equal((1, "chart-0123456789.png", "image/png", (long)chart.Length), (row.ReviewItemId, row.FileName, row.ContentType, row.Size));
        Assert.Equal(chart, row.Bytes);
        Assert.Equal(new DateTimeOffset(2025, 9, 30, 8, 0, 0, TimeSpan.Zero), row.CreatedAt);
        Assert.False(File.Exists(Pending("1-chart-0123456789.png")));
        // Left where they are, each with a warning: a closed item, an item that is gone, an item that is no upload, a stray file.
        foreach (var left in new[] { "2-old-0123456789.png", "7-ghost-0123456789.png", "3-articles.png", "notes.txt" })
        {
            Assert.True(File.Exists(Pending(left)), left);
            Assert.Contains(site.Warnings, w => w.Contains(left) && w.Contains("left in place"));
        }
        Assert.Contains(site.Warnings, w => w.Contains("Media:PendingPath (/srv/old-pending) is no longer used"));

        // The editor sees and publishes it as any waiting image.
        using var editor = await site.SignInAsync("ed@example.org");
        var review = await Html.ParseAsync(await editor.GetAsync("/editor/review/1"));
        var image = await editor.GetAsync(review.QuerySelector("figure.pending-image img")!.GetAttribute("src"));
        Assert.Equal(chart, await image.Content.ReadAsByteArrayAsync());
        var publish = await editor.PostAsync("/editor/review/1/publish",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = EditorSite.Token(review) }));
        Assert.Equal(HttpStatusCode.Redirect, publish.StatusCode);
        Assert.Equal(chart, await (await site.CreateReader().GetAsync("/media/chart-0123456789.png")).Content.ReadAsByteArrayAsync());
        Assert.Empty(site.Query(db => db.PendingUploads.ToList()));
    }

    [Fact]
    public async Task ImportingAgainChangesNothingAndDeletesAFileThatWasAlreadyStored()
    {
        await PreviousVersionAsync();
        using var site = new LoggedSite(Database);
        _ = site.CreateReader();
        // As if the site had stopped between storing the image and deleting its file.
        File.WriteAllBytes(Pending("1-chart-0123456789.png"), chart);

        await using (var scope = site.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<OldPendingMediaFolder>().ImportAsync(CancellationToken.None);

        Assert.False(File.Exists(Pending("1-chart-0123456789.png")));
        Assert.Equal(chart, Assert.Single(site.Query(db => db.PendingUploads.ToList())).Bytes);
        Assert.Equal(4, Directory.GetFiles(Path.GetDirectoryName(Pending("x"))!).Length);
    }

    [Fact]
    public async Task ABackupTakenBeforeTheSiteFirstStartsHoldsTheImportedImages()
    {
        await PreviousVersionAsync();
        var backup = Path.Combine(folder, "backups", "site-backup.db");
        var output = new StringWriter();

        Assert.True(await Cli.RunAsync(["backup", backup, $"--ConnectionStrings:Site=Data Source={Database}"], output) == 0, output.ToString());

        await using var restored = new SiteDb(new DbContextOptionsBuilder<SiteDb>().UseSqlite($"Data Source={backup}").Options);
        Assert.Equal(chart, Assert.Single(await restored.PendingUploads.ToListAsync()).Bytes);
        Assert.False(File.Exists(Pending("1-chart-0123456789.png")));
    }

    [Fact]
    public async Task WithoutTheOldFolderNothingHappens()
    {
        using var site = new LoggedSite(Database);
        _ = site.CreateReader();

        Assert.Empty(site.Query(db => db.PendingUploads.ToList()));
        Assert.False(Directory.Exists(Path.GetDirectoryName(Pending("x"))));
        Assert.DoesNotContain(site.Warnings, w => w.Contains("pending-media"));
    }

    /// <summary>The site over the test's database, keeping its warnings.</summary>
    sealed class LoggedSite(string databasePath, Dictionary<string, string>? settings = null) : SiteFactory(databasePath: databasePath, settings: settings)
    {
        public ConcurrentQueue<string> Warnings { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(services => services.AddSingleton<ILoggerProvider>(new WarningLog(Warnings)));
        }
    }

    sealed class WarningLog(ConcurrentQueue<string> warnings) : ILoggerProvider, ILogger
    {
        public ILogger CreateLogger(string categoryName) => this;
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel)) warnings.Enqueue(formatter(state, exception));
        }

        public void Dispose() { }
    }
}
