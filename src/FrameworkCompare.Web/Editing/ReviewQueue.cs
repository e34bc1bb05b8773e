using FrameworkCompare.Web.Data;
using FrameworkCompare.Web.Models;
using Microsoft.EntityFrameworkCore;

namespace FrameworkCompare.Web.Editing;

/// <summary>
/// The one review queue: reader reports and questions, contributors' submissions and registry proposals.
/// Every item ends accepted or declined (or sent back) with a reason, recorded in the audit log.
/// </summary>
public sealed class ReviewQueue(SiteDb db, AuditLog audit, TimeProvider clock)
{
    public async Task<ReviewItem> AddAsync(ReviewItem item, CancellationToken ct)
    {
        item.State = ReviewState.Open;
        item.CreatedAt = clock.GetUtcNow();
        db.ReviewItems.Add(item);
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        return item;
    }

    /// <summary>A contributor's draft for review; a second submission of the same file replaces their open one.</summary>
    public async Task SubmitAsync(string path, string text, string? baseHash, string? message, string contributor, CancellationToken ct)
    {
        var updated = await db.ReviewItems
            .Where(r => r.Kind == ReviewKind.Submission && r.State == ReviewState.Open && r.Path == path && r.Origin == contributor)
            .ExecuteUpdateAsync(u => u.SetProperty(r => r.Text, text).SetProperty(r => r.BaseHash, baseHash).SetProperty(r => r.Message, message), ct);
        if (updated == 0) await AddAsync(new ReviewItem { Kind = ReviewKind.Submission, Origin = contributor, Path = path, Text = text, BaseHash = baseHash, Message = message }, ct);
        await audit.RecordAsync("submitted", contributor, path, message, ct: ct);
    }

    /// <summary>The editor's comment when this person's latest submission of the file was sent back.</summary>
    public async Task<string?> SentBackAsync(string path, string contributor, CancellationToken ct)
    {
        var latest = await db.ReviewItems.Where(r => r.Kind == ReviewKind.Submission && r.Path == path && r.Origin == contributor)
            .OrderByDescending(r => r.Id).FirstOrDefaultAsync(ct);
        return latest is { State: ReviewState.SentBack } ? $"{latest.ResolvedBy} sent your submission back: {latest.Resolution}" : null;
    }

    public Task<ReviewItem?> FindAsync(int id, CancellationToken ct) => db.ReviewItems.FirstOrDefaultAsync(r => r.Id == id, ct);

    public Task<List<ReviewItem>> OpenAsync(CancellationToken ct) =>
        db.ReviewItems.Where(r => r.State == ReviewState.Open).OrderBy(r => r.Id).ToListAsync(ct);

    public Task<int> OpenCountAsync(CancellationToken ct) => db.ReviewItems.CountAsync(r => r.State == ReviewState.Open, ct);

    /// <summary>Closes an open item; false when it was already closed (by someone else, a moment ago).</summary>
    /// <param name="publishedValue">For an accepted report or proposal: the value readers now see.</param>
    public async Task<bool> ResolveAsync(int id, ReviewState state, string by, string resolution, CancellationToken ct, string? publishedValue = null)
    {
        // One unit of work: the item closes, what only an open item needs (a waiting image's bytes) goes, the audit log says so.
        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        var closed = await db.ReviewItems.Where(r => r.Id == id && r.State == ReviewState.Open)
            .ExecuteUpdateAsync(u => u.SetProperty(r => r.State, state).SetProperty(r => r.ResolvedAt, clock.GetUtcNow())
                .SetProperty(r => r.ResolvedBy, by).SetProperty(r => r.Resolution, resolution)
                .SetProperty(r => r.ProposedValue, r => publishedValue ?? r.ProposedValue), ct);
        if (closed == 0) return false;
        // A published image is in content/media/ by now; a declined or sent-back one never reaches it.
        await db.PendingUploads.Where(p => p.ReviewItemId == id).ExecuteDeleteAsync(ct);
        await audit.RecordAsync($"review-{state.ToString().ToLowerInvariant()}", by, $"review item {id}", resolution, ct: ct);
        if (transaction is not null) await transaction.CommitAsync(ct);
        return true;
    }

    /// <summary>Accepted and declined reader reports, newest first: the public corrections log.</summary>
    public Task<List<ReviewItem>> CorrectionsAsync(int count, CancellationToken ct) =>
        db.ReviewItems.Where(r => r.Kind == ReviewKind.Report && (r.State == ReviewState.Accepted || r.State == ReviewState.Declined))
            .OrderByDescending(r => r.Id).Take(count).ToListAsync(ct);

    /// <summary>Reporters' emails are kept only while they may be needed: gone <paramref name="days"/> after the item closed.</summary>
    public async Task<int> ForgetEmailsAsync(int days, CancellationToken ct)
    {
        var cutoff = clock.GetUtcNow().AddDays(-days);
        var closed = await db.ReviewItems.Where(r => r.ReporterEmail != null && r.State != ReviewState.Open)
            .Select(r => new { r.Id, r.ResolvedAt }).ToListAsync(ct);
        var due = closed.Where(r => r.ResolvedAt <= cutoff).Select(r => r.Id).ToList();
        return due.Count == 0 ? 0 : await db.ReviewItems.Where(r => due.Contains(r.Id)).ExecuteUpdateAsync(u => u.SetProperty(r => r.ReporterEmail, (string?)null), ct);
    }
}
