using System.Text;
using FrameworkCompare.Web.Content;
using FrameworkCompare.Web.Data;
using FrameworkCompare.Web.Models;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace FrameworkCompare.Web.Editing;

/// <summary>
/// Derives each profile's fact changes from its versions: the git history from before the site first saw the file,
/// then its revisions. The first version is the baseline, so a first import, a re-import of the same text or a rebuilt
/// database adds no change (even when the file then differed from its last commit); neither does a new checked date or
/// note. A fact recorded for the first time is a baseline too. Git history is read incrementally: at start-up only the
/// profiles that the commits since the last derived one touched, every profile when that commit is no longer an
/// ancestor of HEAD.
/// </summary>
public sealed class FactHistoryBuilder(
    IServiceScopeFactory scopes, GitHistory git, FrameworkParser parser, IOptions<ContentOptions> content,
    IChangeNotifier notifier, TimeProvider clock, ILogger<FactHistoryBuilder> log)
{
    readonly SemaphoreSlim gate = new(1, 1);
    readonly System.Collections.Concurrent.ConcurrentQueue<string> derived = new();

    /// <summary>Every profile whose history was derived since start, once per derivation: what tests count.</summary>
    public IReadOnlyList<string> Derived => [.. derived];

    /// <summary>A baseline version (the first the site saw of a file) starts the comparison afresh: it is never a change.</summary>
    sealed record Version(DateTimeOffset At, string Text, bool Baseline = false);

    /// <summary>
    /// Brings the changes of <paramref name="paths"/> up to date with their history; null: of the profiles the commits
    /// since the last derivation changed (with no new commit, one git command and no file read).
    /// </summary>
    public async Task UpdateAsync(IReadOnlyCollection<string>? paths, CancellationToken ct)
    {
        await gate.WaitAsync(ct);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<SiteDb>();
            var attributes = await db.Attributes.AsNoTracking().ToListAsync(ct);
            if (attributes.Count == 0) return;
            var catalog = new Catalog(await db.Categories.AsNoTracking().ToListAsync(ct), attributes);
            var changed = false;
            var started = System.Diagnostics.Stopwatch.StartNew();
            var (profiles, head) = paths is null ? await SinceLastDerivedAsync(db, ct) : (await ProfilesAsync(db, paths, ct), null);
            foreach (var path in profiles)
                changed |= await UpdatePathAsync(db, catalog, path, ct);
            if (head is not null) await MarkDerivedAsync(db, head, ct);
            log.LogInformation("Derived the fact history of {Count} profiles in {Ms} ms", profiles.Count, started.ElapsedMilliseconds);
            // Pages show "changed recently" and history links: a change of marks is a new version of the read model (no file changed, so it names none).
            if (changed)
            {
                var version = ChangeLog.Append(db, ReadModelVersion.Reasons.History, [ContentTags.Frameworks], [], clock.GetUtcNow());
                await db.SaveChangesAsync(ct);
                await notifier.VersionWrittenAsync(version.Id, ct);
            }
        }
        finally
        {
            gate.Release();
        }
    }

    static bool IsProfile(string p) => ContentScanner.KindOf(p) == ContentKind.Framework;

    async Task<List<string>> ProfilesAsync(SiteDb db, IReadOnlyCollection<string> paths, CancellationToken ct) =>
        // A new catalog can change how every profile's values read.
        paths.Contains(CatalogParser.FileName) ? await AllProfilesAsync(db, ct) : [.. paths.Where(IsProfile).Distinct()];

    async Task<List<string>> AllProfilesAsync(SiteDb db, CancellationToken ct)
    {
        var known = await db.Revisions.Select(r => r.Path).Distinct().ToListAsync(ct);
        var derived = await db.FactChanges.Select(c => c.Path).Distinct().ToListAsync(ct);
        var onDisk = ContentFiles.Walk(content.Value.FullPath).Where(e => !e.IsLink).Select(e => e.Path);
        return [.. known.Concat(derived).Concat(onDisk).Where(IsProfile).Distinct().Order(StringComparer.Ordinal)];
    }

    /// <summary>
    /// The profiles whose git history changed since the last derivation, and the commit to mark derived after them:
    /// none when HEAD is that commit; those the commits after it touched; all when there is no mark (a new database)
    /// or the marked commit is no longer an ancestor of HEAD (history rewritten, another branch checked out).
    /// </summary>
    async Task<(List<string> Profiles, string Head)> SinceLastDerivedAsync(SiteDb db, CancellationToken ct)
    {
        var root = content.Value.FullPath;
        var head = await git.HeadAsync(root, ct) ?? "";
        var mark = await db.FactHistoryMarks.Where(m => m.Id == FactHistoryMark.OnlyId).FirstOrDefaultAsync(ct);
        if (mark?.Commit == head) return ([], head);
        if (mark is { Commit.Length: > 0 } && head.Length > 0 && await git.ChangedSinceAsync(root, mark.Commit, head, ct) is { } changed)
            return ([.. changed.Where(IsProfile).Distinct().Order(StringComparer.Ordinal)], head);
        return (await AllProfilesAsync(db, ct), head);
    }

    static async Task MarkDerivedAsync(SiteDb db, string head, CancellationToken ct)
    {
        var updated = await db.FactHistoryMarks.Where(m => m.Id == FactHistoryMark.OnlyId).ExecuteUpdateAsync(m => m.SetProperty(x => x.Commit, head), ct);
        if (updated > 0) return;
        db.FactHistoryMarks.Add(new FactHistoryMark { Commit = head });
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
    }

    async Task<bool> UpdatePathAsync(SiteDb db, Catalog catalog, string path, CancellationToken ct)
    {
        derived.Enqueue(path);
        var rows = Derive(path, catalog, await VersionsAsync(db, path, ct));
        var existing = await db.FactChanges.AsNoTracking().Where(c => c.Path == path).OrderBy(c => c.Id).ToListAsync(ct);
        if (existing.Select(Key).SequenceEqual(rows.Select(Key))) return false;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.FactChanges.Where(c => c.Path == path).ExecuteDeleteAsync(ct);
        db.FactChanges.AddRange(rows);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        db.ChangeTracker.Clear();
        log.LogInformation("{Path}: {Count} fact changes in its history", path, rows.Count);
        return true;
    }

    /// <summary>Git versions up to the one the site first recorded (by text, else by time), then every revision.</summary>
    async Task<List<Version>> VersionsAsync(SiteDb db, string path, CancellationToken ct)
    {
        var revisions = await db.Revisions.AsNoTracking().Where(r => r.Path == path).OrderBy(r => r.Id)
            .Select(r => new { r.Text, r.At, r.Kind }).ToListAsync(ct);
        var committed = await git.VersionsAsync(content.Value.FullPath, path, ct);
        if (revisions.Count > 0)
        {
            var first = revisions[0];
            var same = committed.FindLastIndex(c => c.At <= first.At && SameText(c.Text, first.Text));
            if (same < 0) same = committed.FindIndex(c => SameText(c.Text, first.Text));
            committed = same >= 0 ? committed[..(same + 1)] : [.. committed.Where(c => c.At <= first.At)];
        }
        return [.. committed.Select(c => new Version(c.At, c.Text)), .. revisions.Where(r => r.Text is not null).Select(r => new Version(r.At, r.Text!, r.Kind == RevisionKind.FirstSeen))];
    }

    List<FactChange> Derive(string path, Catalog catalog, List<Version> versions)
    {
        var changes = new List<FactChange>();
        Dictionary<string, FactState>? last = null;
        string? previousText = null, slug = null;
        foreach (var version in versions)
        {
            if (SameText(version.Text, previousText)) continue;
            previousText = version.Text;
            // A version that does not parse was never served: readers kept the one before it.
            var framework = SafeParse.Run(path, [], () => parser.Parse(ContentSource.FromBytes(path, ContentKind.Framework, Encoding.UTF8.GetBytes(version.Text)), catalog, []));
            if (framework is null) continue;
            slug = framework.Slug;
            last ??= [];
            var at = version.At.ToUniversalTime();
            foreach (var fact in framework.Values)
            {
                var now = FactState.Of(fact);
                if (!version.Baseline && last.TryGetValue(fact.AttributeKey, out var before) && !before.SameFactAs(now))
                    changes.Add(new FactChange { Path = path, FrameworkSlug = "", AttributeKey = fact.AttributeKey, Old = before.Copy(), New = now, ChangedAt = at });
                last[fact.AttributeKey] = now;
            }
        }
        // The file's latest slug, so its history follows it to its current page.
        foreach (var change in changes) change.FrameworkSlug = slug!;
        return changes;
    }

    static bool SameText(string? a, string? b) =>
        a is not null && b is not null && a.Replace("\r\n", "\n").TrimEnd() == b.Replace("\r\n", "\n").TrimEnd();

    static string Key(FactChange c) => string.Join('\u001f', c.FrameworkSlug, c.AttributeKey, State(c.Old), State(c.New), c.ChangedAt.UtcTicks);

    static string State(FactState s) => $"{s.Value}\u001e{s.UnknownReason}\u001e{s.SourceUrl}\u001e{s.Checked:yyyy-MM-dd}";
}
