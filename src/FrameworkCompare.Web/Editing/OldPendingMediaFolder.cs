using System.Text.RegularExpressions;
using FrameworkCompare.Web.Content;
using FrameworkCompare.Web.Data;
using FrameworkCompare.Web.Models;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace FrameworkCompare.Web.Editing;

/// <summary>
/// The upgrade from the version that kept contributors' waiting images as files named &lt;review item id&gt;-&lt;name&gt;
/// in pending-media/ beside the SQLite database: each file is copied into PendingUploads and only then deleted.
/// Safe to run at every start: an imported file is gone, and one already stored is just deleted. A file whose
/// review item is gone (or closed) is left in place and logged, for the operator to decide on.
/// </summary>
public sealed partial class OldPendingMediaFolder(SiteDb db, IConfiguration configuration, ILogger<OldPendingMediaFolder> log)
{
    public const string FolderName = "pending-media";

    [GeneratedRegex(@"^([0-9]{1,9})-(.+)$")]
    private static partial Regex StoredName();

    public async Task ImportAsync(CancellationToken ct)
    {
        if (configuration["Media:PendingPath"] is { Length: > 0 } setting)
            log.LogWarning("Media:PendingPath ({Setting}) is no longer used: images waiting for review are kept in the database. " +
                "Move its files into {Folder} beside the database and restart to import them", setting, FolderName);
        if (Folder() is not { } folder || !Directory.Exists(folder)) return;
        int imported = 0, left = 0;
        foreach (var file in Directory.EnumerateFiles(folder).Order(StringComparer.Ordinal))
        {
            bool done;
            try { done = await ImportFileAsync(file, ct); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // The site starts anyway; the file waits for the next start.
                log.LogWarning(e, "{File}: could not be imported; left in place", file);
                done = false;
            }
            if (done) imported++;
            else left++;
        }
        if (left == 0 && !Directory.EnumerateFileSystemEntries(folder).Any()) Directory.Delete(folder);
        log.LogInformation("Imported {Imported} waiting images from {Folder} into the database; {Left} left in place", imported, folder, left);
    }

    /// <summary>True when the file's bytes are in the database and the file is deleted.</summary>
    async Task<bool> ImportFileAsync(string file, CancellationToken ct)
    {
        var match = StoredName().Match(Path.GetFileName(file));
        if (!match.Success || !MediaFiles.IsImageName(match.Groups[2].Value) || new FileInfo(file).LinkTarget is not null)
        {
            log.LogWarning("{File}: not a waiting image (<review item id>-<name>.png|jpg|webp); left in place", file);
            return false;
        }
        var id = int.Parse(match.Groups[1].Value);
        var name = match.Groups[2].Value;
        var item = await db.ReviewItems.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct);
        if (item is not { Kind: ReviewKind.Upload, State: ReviewState.Open } || item.Path != $"{MediaFiles.Folder}/{name}")
        {
            log.LogWarning("{File}: review item {Id} is gone or no longer waits for this image; left in place", file, id);
            return false;
        }
        var bytes = await File.ReadAllBytesAsync(file, ct);
        var stored = await db.PendingUploads.AsNoTracking().FirstOrDefaultAsync(p => p.ReviewItemId == id, ct);
        if (stored is null)
        {
            db.PendingUploads.Add(new PendingUpload
            {
                ReviewItemId = id, FileName = name, ContentType = MediaFiles.Types[Path.GetExtension(name)],
                Size = bytes.Length, Bytes = bytes, CreatedAt = item.CreatedAt,
            });
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException e)
            {
                // Another process (a command run meanwhile) stored it first: the next start deletes the file.
                log.LogWarning(e, "{File}: not imported; left in place", file);
                return false;
            }
            finally
            {
                db.ChangeTracker.Clear();
            }
        }
        else if (!stored.Bytes.AsSpan().SequenceEqual(bytes))
        {
            log.LogWarning("{File}: review item {Id} already has a different image in the database; left in place", file, id);
            return false;
        }
        File.Delete(file);
        return true;
    }

    /// <summary>pending-media/ beside the SQLite database file; none for an in-memory or non-SQLite database.</summary>
    string? Folder()
    {
        if (!db.Database.IsSqlite()) return null;
        var database = new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource;
        return string.IsNullOrEmpty(database) || database == ":memory:" ? null : Path.Combine(Path.GetDirectoryName(Path.GetFullPath(database))!, FolderName);
    }
}

/// <summary>Runs the import once the database is migrated (ContentStartup is registered, so started, before it).</summary>
public sealed class ImportOldPendingMedia(IServiceScopeFactory scopes) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<OldPendingMediaFolder>().ImportAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
