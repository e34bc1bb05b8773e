using FrameworkCompare.Tests.Editor;
using FrameworkCompare.Tests.Infrastructure;
using FrameworkCompare.Web.Content;
using FrameworkCompare.Web.Models;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FrameworkCompare.Tests;

/// <summary>
/// A restart tells unchanged files from their size, times and inode, and parses only what changed. The second site
/// shares the first one's database and content folder, as a restarted process would; each counts its own parses.
/// </summary>
public sealed class RestartTests : IAsyncLifetime
{
    const string Flask = "frameworks/flask.md";
    readonly SiteFactory first = new();

    public Task InitializeAsync()
    {
        first.CreateClient(); // migrate, then the first import
        Assert.NotEmpty(Parsed(first));
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await first.DisposeAsync();

    static IReadOnlyList<string> Parsed(SiteFactory site) => site.Services.GetRequiredService<ParseCounter>().Paths;

    SiteFactory Restart()
    {
        var next = new SiteFactory(first.Content, first.DatabasePath);
        next.CreateClient();
        return next;
    }

    ContentFileRecord RecordOf(string path) => first.Query(db => db.ContentFiles.AsNoTracking().Single(f => f.Path == path));

    [Fact]
    public async Task ARestartWithNothingChangedParsesNoFile()
    {
        await using var restarted = Restart();
        Assert.Empty(Parsed(restarted));
        Assert.Equal(3, restarted.Query(db => db.Frameworks.Count()));
    }

    [Fact]
    public async Task ChangingOneFileReImportsOnlyThatFile()
    {
        first.Content.Replace(Flask, "summary: Flask in one line.", "summary: Flask, now shorter.");
        await using var restarted = Restart();
        Assert.Equal([Flask], Parsed(restarted));
        Assert.Equal("Flask, now shorter.", restarted.Query(db => db.Frameworks.Single(f => f.Slug == "flask").Summary));
    }

    [Fact]
    public async Task TouchingAFileWithoutChangingItsBytesParsesNothingAndRecordsItsNewTime()
    {
        var touched = DateTime.UtcNow.AddMinutes(-10);
        File.SetLastWriteTimeUtc(first.Content.PathOf(Flask), touched);
        await using var restarted = Restart();
        Assert.Empty(Parsed(restarted));
        Assert.Equal((touched - DateTime.UnixEpoch).Ticks * 100, RecordOf(Flask).ModifiedNs);
    }

    [Fact]
    public async Task AFileRewrittenWithTheSameSizeAndTimesWithinTheRacyWindowIsStillDetected()
    {
        // A coarse file system gives a rewrite in the same tick the same size and times: the record then matches the
        // file as it is now, though its hash is of the bytes before. Only the file's time, close to the scan's, tells.
        var scannedAt = RecordOf(Flask).ScannedAtNs!.Value;
        RewriteWithTheSameSize(Flask, "value: 70000", "value: 71000", modifiedNs: scannedAt - UnchangedFiles.RacyWindowNs / 2);
        await using var restarted = Restart();
        Assert.Equal([Flask], Parsed(restarted));
        Assert.Equal("71000", restarted.Query(db => db.FactValues.Single(v => v.FrameworkSlug == "flask" && v.AttributeKey == "github-stars").Value));
    }

    [Fact]
    public async Task TheSameRewriteOutsideTheRacyWindowIsTrustedUnchanged()
    {
        // The counterpart of the test above: what makes it detect the rewrite is the racy window, nothing else.
        var scannedAt = RecordOf(Flask).ScannedAtNs!.Value;
        RewriteWithTheSameSize(Flask, "value: 70000", "value: 71000", modifiedNs: scannedAt - 2 * UnchangedFiles.RacyWindowNs);
        await using var restarted = Restart();
        Assert.Empty(Parsed(restarted));
    }

    [Fact]
    public async Task AScanGivenTheRecordsReadsNoFileWhoseMetadataIsAsRecorded()
    {
        var records = first.Query(db => db.ContentFiles.AsNoTracking().ToDictionary(f => f.Path));
        foreach (var path in records.Keys) Backdate(path);
        // Backdating changed each file's times: one scan records them, the next trusts them.
        var scan = ContentScanner.Scan(first.Content.Root, known: records);
        Assert.All(scan.Sources, s => Assert.True(s.IsRead));
        await first.ImportAsync();
        records = first.Query(db => db.ContentFiles.AsNoTracking().ToDictionary(f => f.Path));

        var again = ContentScanner.Scan(first.Content.Root, known: records);
        Assert.Equal(records.Count, again.Sources.Count);
        Assert.All(again.Sources, s => Assert.False(s.IsRead, s.Path));
        Assert.All(again.Sources, s => Assert.Equal(records[s.Path].Hash, s.Hash));
        // Asked for its bytes, a file left unread is read then.
        Assert.Equal(File.ReadAllBytes(first.Content.PathOf(Flask)), again.Sources.Single(s => s.Path == Flask).Bytes);
    }

    [Fact]
    public async Task AFileChangedOrDeletedWhileTheSiteWasDownGetsARevisionAtTheRestart()
    {
        const string Faq = "faq/is-django-still-relevant.md";
        var files = first.Query(db => db.ContentFiles.Count());
        await EditorSite.EventuallyAsync(() => first.Query(db => db.Revisions.Count()), n => n >= files, seconds: 60);
        first.Content.Replace(Flask, "summary: Flask in one line.", "summary: Flask, now shorter.");
        first.Content.Delete(Faq);

        await using var restarted = Restart();
        var later = await EditorSite.EventuallyAsync(() => restarted.Query(db => db.Revisions.Where(r => r.Kind != RevisionKind.FirstSeen)
            .OrderBy(r => r.Path).Select(r => new { r.Path, r.Kind }).ToList()), r => r.Count >= 2, seconds: 60);
        Assert.Equal([(Faq, RevisionKind.Deleted), (Flask, RevisionKind.Outside)], later.Select(r => (r.Path, r.Kind)));
    }

    void Backdate(string path) => File.SetLastWriteTimeUtc(first.Content.PathOf(path), DateTime.UtcNow.AddHours(-1));

    /// <summary>Rewrites the file in place, sets its time, and makes its record show the file as it is now, as a coarse file system would.</summary>
    void RewriteWithTheSameSize(string path, string oldText, string newText, long modifiedNs)
    {
        Assert.Equal(oldText.Length, newText.Length);
        first.Content.Replace(path, oldText, newText);
        File.SetLastWriteTimeUtc(first.Content.PathOf(path), DateTime.UnixEpoch.AddTicks(modifiedNs / 100));
        var now = ContentFiles.Stat(first.Content.Root, path)!.Value;
        first.Query(db => db.ContentFiles.Where(f => f.Path == path).ExecuteUpdate(s => s
            .SetProperty(f => f.Size, now.Length).SetProperty(f => f.ModifiedNs, now.ModifiedNs)
            .SetProperty(f => f.ChangedNs, now.ChangedNs).SetProperty(f => f.Inode, now.Inode)));
    }
}
