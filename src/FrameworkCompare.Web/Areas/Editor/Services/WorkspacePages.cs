using FrameworkCompare.Web.Areas.Editor.Models;
using FrameworkCompare.Web.Checks;
using FrameworkCompare.Web.Content;
using FrameworkCompare.Web.Data;
using FrameworkCompare.Web.Editing;
using FrameworkCompare.Web.Models;
using Microsoft.EntityFrameworkCore;

namespace FrameworkCompare.Web.Areas.Editor.Services;

/// <summary>Builds the workspace's pages from drafts, revisions and the importer's file records.</summary>
public sealed class WorkspacePages(SiteDb db, DraftStore drafts, RevisionLog revisions, ContentWriter writer, StaleQueue stale, ReviewQueue reviews)
{
    const int RecentCount = 15;

    public async Task<HomeViewModel> HomeAsync(string userId, CancellationToken ct)
    {
        var open = await drafts.ListAsync(ct);
        var files = await db.ContentFiles.ToListAsync(ct);
        return new HomeViewModel
        {
            MyDrafts = open.Where(d => d.Draft.UserId == userId).Select(Line).ToList(),
            OtherDrafts = open.Where(d => d.Draft.UserId != userId).Select(Line).ToList(),
            Recent = await revisions.RecentAsync(RecentCount, ct),
            ImportProblems = files.SelectMany(f => f.Problems).OrderBy(p => p.File, StringComparer.Ordinal).ThenBy(p => p.Line).ToList(),
            StaleFacts = (await stale.AllAsync(ct)).Count,
            OpenReviews = await reviews.OpenCountAsync(ct),
            BrokenSources = await db.SourceChecks.CountAsync(c => c.Broken, ct),
        };
    }

    /// <summary>
    /// The last source check's broken and redirected URLs, with where the content cites them now. Details (status, redirect
    /// target) only when <paramref name="showDetails"/>: they are what a request to the cited server answered.
    /// </summary>
    public async Task<SourcesViewModel> SourcesAsync(bool showDetails, CancellationToken ct)
    {
        var checks = await db.SourceChecks.Where(c => c.Broken || c.RedirectedTo != null).ToListAsync(ct);
        var cited = SourceCitations.Collect(writer.Root).ToDictionary(c => c.Url, c => c.Citations);
        SourceLine Line(SourceCheck c) => new(SourceCheckDisplay.WithoutQuery(c.Url), showDetails ? c.Detail : null,
            showDetails && c.RedirectedTo is { } to ? SourceCheckDisplay.WithoutQuery(to) : null, c.CheckedAt, cited.GetValueOrDefault(c.Url) ?? []);
        var ordered = checks.OrderBy(c => c.Url, StringComparer.Ordinal).ToList();
        return new SourcesViewModel
        {
            ShowsDetails = showDetails,
            Broken = ordered.Where(c => c.Broken).Select(Line).ToList(),
            Redirected = ordered.Where(c => !c.Broken).Select(Line).ToList(),
        };
    }

    public async Task<FilesViewModel> FilesAsync(string? kind, string? query, Func<ContentKind, string?, string?> publicPath, CancellationToken ct)
    {
        var records = await db.ContentFiles.ToListAsync(ct);
        var wanted = Enum.TryParse<ContentKind>(kind, ignoreCase: true, out var k) ? k : (ContentKind?)null;
        var files = records
            .Where(r => wanted is null || r.Kind == wanted)
            .Where(r => string.IsNullOrWhiteSpace(query) || r.Path.Contains(query.Trim(), StringComparison.OrdinalIgnoreCase)
                || (r.Slug ?? "").Contains(query.Trim(), StringComparison.OrdinalIgnoreCase))
            .OrderBy(r => r.Path, StringComparer.Ordinal)
            .Select(r => new FileLine(r.Path, r.Kind, r.Slug, r.ServedHash != r.Hash, r.ServedHash is null ? null : publicPath(r.Kind, r.Slug)))
            .ToList();
        return new FilesViewModel { Kind = wanted?.ToString().ToLowerInvariant(), Query = query, Files = files };
    }

    /// <summary>The editor for a file: the person's draft if they have one, else the file as it is on disk.</summary>
    public async Task<EditViewModel?> EditAsync(string path, string userId, string? publicPath, bool canPublish, CancellationToken ct)
    {
        // A refused file (a link, a FIFO, a hard link) shows nothing: /content-status says why.
        var bytes = await ContentFiles.ReadIfAllowedAsync(writer.Root, path, ct);
        var hash = bytes is null ? null : ContentPath.Hash(bytes);
        var draft = await drafts.FindAsync(userId, path, ct);
        if (draft is null && bytes is null) return null;
        var others = (await drafts.ListAsync(ct)).Where(d => d.Draft.Path == path && d.Draft.UserId != userId).Select(Line).ToList();
        return new EditViewModel
        {
            Path = path,
            Kind = ContentPath.KindOf(path),
            Form = draft is null
                ? new EditForm { Text = System.Text.Encoding.UTF8.GetString(bytes!), BaseHash = hash }
                : new EditForm { Text = draft.Text, BaseHash = draft.BaseHash, Message = draft.Message },
            FileExists = bytes is not null,
            PublicPath = publicPath,
            DraftSavedAt = draft?.UpdatedAt,
            BaseChanged = draft is not null && draft.BaseHash != hash,
            OthersEditing = others,
            CanPublish = canPublish,
        };
    }

    public async Task<HistoryViewModel> HistoryAsync(string path, int? from, int? to, CancellationToken ct)
    {
        var list = await revisions.HistoryAsync(path, ct);
        var current = await ContentFiles.ReadIfAllowedAsync(writer.Root, path, ct) is { } bytes ? ContentPath.Hash(bytes) : null;
        DiffView? diff = null;
        if (from is not null && to is not null && list.FirstOrDefault(r => r.Id == from) is { } a && list.FirstOrDefault(r => r.Id == to) is { } b)
            diff = LineDiff.Build($"Revision {a.Id} → revision {b.Id}", a.Text, b.Text);
        return new HistoryViewModel { Path = path, Revisions = list, CurrentHash = current, Diff = diff, From = from, To = to };
    }

    public async Task<AuditViewModel> AuditAsync(int page, CancellationToken ct)
    {
        const int PageSize = 100;
        page = Math.Max(1, page);
        var entries = await db.AuditLog.OrderByDescending(a => a.Id).Skip((page - 1) * PageSize).Take(PageSize + 1).ToListAsync(ct);
        return new AuditViewModel { Entries = entries.Take(PageSize).ToList(), Page = page, HasMore = entries.Count > PageSize };
    }

    static DraftLine Line((Draft Draft, string Author) d) => new(d.Draft.Path, d.Author, d.Draft.UpdatedAt);
}
