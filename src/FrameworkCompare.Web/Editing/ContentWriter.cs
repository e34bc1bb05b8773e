using System.Text;
using FrameworkCompare.Web.Content;
using FrameworkCompare.Web.Data;
using FrameworkCompare.Web.Models;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace FrameworkCompare.Web.Editing;

/// <summary>
/// The one way the site changes content/: every publish, restore and deletion passes here one at a time, is checked
/// against the version its editor started from and against the whole folder, written atomically, recorded as a
/// revision, committed to git, and imported before it returns.
/// </summary>
public sealed class ContentWriter(
    IServiceScopeFactory scopes, ContentImporter importer, GitCommitter git, IOptions<ContentOptions> content,
    ContentReadCounter reads, TimeProvider clock, ILogger<ContentWriter> log)
{
    // One writer per site. Several nodes sharing one content folder would take a database lock here instead.
    readonly SemaphoreSlim gate = new(1, 1);

    public string Root => content.Value.FullPath;

    public async Task<PublishOutcome> PublishAsync(PublishRequest request, CancellationToken ct = default)
    {
        PublishOutcome outcome;
        await gate.WaitAsync(ct);
        try
        {
            outcome = await WriteAsync(request, ct);
        }
        finally
        {
            gate.Release();
        }
        if (outcome is Published) await importer.ImportFilesAsync([request.Path], ct);
        return outcome;
    }

    /// <summary>Adds an image to content/media/. Its name holds a hash of its bytes, so an existing file is the same image.</summary>
    public async Task<string?> SaveMediaAsync(string fileName, byte[] bytes, string authorEmail, CancellationToken ct, string? message = null)
    {
        var path = $"{MediaFiles.Folder}/{fileName}";
        await gate.WaitAsync(ct);
        try
        {
            if (Path.Exists(ContentPath.FullPath(Root, path))) return null;
            ContentFiles.WriteAtomically(Root, path, bytes);
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<AuditLog>().RecordAsync("uploaded-image", authorEmail, path, $"{bytes.Length:N0} bytes", ct: ct);
            return await git.CommitAsync(Root, path, authorEmail, message ?? $"Add image {fileName}", ct);
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Runs <paramref name="work"/> while no publish can write: for recording changes made outside the workspace.</summary>
    public async Task ExclusiveAsync(Func<Task> work, CancellationToken ct)
    {
        await gate.WaitAsync(ct);
        try { await work(); }
        finally { gate.Release(); }
    }

    async Task<PublishOutcome> WriteAsync(PublishRequest request, CancellationToken ct)
    {
        // A refused file (a link at the path) is replaced by the write, never followed: its text counts as none.
        var current = await ContentFiles.ReadIfAllowedAsync(Root, request.Path, ct);
        var currentHash = current is null ? null : ContentPath.Hash(current);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SiteDb>();
        if (currentHash != NullIfEmpty(request.BaseHash))
            return await ConflictAsync(db, request, current, ct);

        request = request with { Text = request.Text is null ? null : ContentPath.NormaliseText(request.Text) };
        var bytes = request.Text is null ? null : Encoding.UTF8.GetBytes(request.Text);
        if (await CheckAsync(db, request.Path, bytes, ct) is { } invalid) return invalid;

        try
        {
            if (bytes is null) ContentFiles.Delete(Root, request.Path);
            else ContentFiles.WriteAtomically(Root, request.Path, bytes);
        }
        catch (ContentFileRefusedException refused)
        {
            return new Invalid([new ContentProblem(request.Path, 1, refused.Problem)], []);
        }
        var revision = new Revision
        {
            Path = request.Path, Text = request.Text, Hash = bytes is null ? null : ContentPath.Hash(bytes), BaseHash = currentHash,
            Kind = bytes is null ? RevisionKind.Deleted : request.Kind, Author = request.AuthorEmail, Message = request.Message, At = clock.GetUtcNow(),
        };
        db.Revisions.Add(revision);
        await db.SaveChangesAsync(ct);
        await scope.ServiceProvider.GetRequiredService<AuditLog>()
            .RecordAsync(revision.Kind.ToString().ToLowerInvariant(), request.AuthorEmail, request.Path, request.Message, ct: ct);
        var message = string.IsNullOrWhiteSpace(request.Message) ? $"{revision.Kind} {request.Path}" : request.Message.Trim();
        var warning = await git.CommitAsync(Root, request.Path, request.AuthorEmail, message, ct);
        log.LogInformation("{Author} {Kind} {Path}", request.AuthorEmail, revision.Kind, request.Path);
        return new Published(revision, warning);
    }

    /// <summary>
    /// Whole-folder validity: the edited file's errors block, and so do new errors it causes elsewhere. The errors files
    /// already had come from the last import's records, and only the files the change reaches are parsed again: the
    /// edited one, and the others that depend on what it changed (a removed framework, a claimed slug, a new catalog).
    /// An article, FAQ answer or author page reaches no other file (<see cref="OneFileChange"/>): only its record is read.
    /// </summary>
    async Task<Invalid?> CheckAsync(SiteDb db, string path, byte[]? bytes, CancellationToken ct)
    {
        var (plan, served) = OneFileChange.Applies(path) ? await PlanOneAsync(db, path, bytes, ct) : await PlanAllAsync(db, path, bytes, ct);
        var before = served.Files.Values.SelectMany(f => f.Problems).Where(p => !p.IsWarning).Select(p => (p.File, p.Message)).ToHashSet();
        var parsed = plan.Records.Select(r => r.Path).Append(path).ToHashSet();
        var after = plan.Problems.Where(p => !p.IsWarning).ToList();
        var blocking = after.Where(p => p.File == path || !before.Contains((p.File, p.Message))).ToList();
        if (blocking.Count == 0) return null;
        // What the folder already had: the new findings for the files parsed again, the recorded ones for the rest.
        var recorded = plan.WholeFolder ? served : await ContentImporter.LoadStateAsync(db, ct);
        var existing = after.Except(blocking)
            .Concat(recorded.Files.Values.Where(f => !parsed.Contains(f.Path)).SelectMany(f => f.Problems).Where(p => !p.IsWarning))
            .OrderBy(p => p.File, StringComparer.Ordinal).ThenBy(p => p.Line).ToList();
        return new Invalid(blocking, existing);
    }

    async Task<(ImportPlan, ContentState)> PlanAllAsync(SiteDb db, string path, byte[]? bytes, CancellationToken ct)
    {
        var served = await ContentImporter.LoadStateAsync(db, ct);
        var scan = ContentCheck.FolderWith(Root, path, bytes);
        var plan = ContentCheck.PlannerFor(Root).Plan(scan, served);
        reads.Read(served.Files.Count, scan.Opened);
        return (plan, served);
    }

    async Task<(ImportPlan, ContentState)> PlanOneAsync(SiteDb db, string path, byte[]? bytes, CancellationToken ct)
    {
        var state = await OneFileChange.LoadStateAsync(db, [path], ct);
        var (plan, served) = await OneFileChange.PlanAsync(db, ContentCheck.PlannerFor(Root), ContentCheck.FileWith(Root, path, bytes), state, ct);
        reads.Read(served.Files.Count, 0);
        return (plan, served);
    }

    static async Task<Conflict> ConflictAsync(SiteDb db, PublishRequest request, byte[]? current, CancellationToken ct)
    {
        var baseText = request.BaseHash is { Length: > 0 } baseHash
            ? await db.Revisions.Where(r => r.Path == request.Path && r.Hash == baseHash).OrderByDescending(r => r.Id).Select(r => r.Text).FirstOrDefaultAsync(ct)
            : null;
        var latest = await db.Revisions.Where(r => r.Path == request.Path).OrderByDescending(r => r.Id).FirstOrDefaultAsync(ct);
        var theirText = current is null ? null : Encoding.UTF8.GetString(current);
        var byLatest = latest is not null && latest.Text == theirText;
        return new Conflict(baseText, theirText, byLatest ? latest!.Author : null, byLatest ? latest!.At : null);
    }

    static string? NullIfEmpty(string? text) => string.IsNullOrEmpty(text) ? null : text;
}
