using FrameworkCompare.Web.Data;
using FrameworkCompare.Web.Models;
using Microsoft.EntityFrameworkCore;

namespace FrameworkCompare.Web.Editing;

/// <summary>Each person's unpublished text per content file, kept in the database until it is published or discarded.</summary>
public sealed class DraftStore(SiteDb db, TimeProvider clock)
{
    public const int MaxTextLength = 2_000_000;

    public Task<Draft?> FindAsync(string userId, string path, CancellationToken ct = default) =>
        db.Drafts.AsNoTracking().FirstOrDefaultAsync(d => d.UserId == userId && d.Path == path, ct);

    /// <summary>Creates or replaces the person's draft of <paramref name="path"/>.</summary>
    public async Task<Draft> SaveAsync(string userId, string path, string text, string? baseHash, string? message, CancellationToken ct = default)
    {
        if (text.Length > MaxTextLength) throw new ArgumentException($"A content file can be at most {MaxTextLength:N0} characters long.", nameof(text));
        text = ContentPath.NormaliseText(text);
        var draft = await db.Drafts.AsTracking().FirstOrDefaultAsync(d => d.UserId == userId && d.Path == path, ct);
        if (draft is null)
        {
            draft = new Draft { UserId = userId, Path = path, Text = text };
            db.Drafts.Add(draft);
        }
        (draft.Text, draft.BaseHash, draft.Message, draft.UpdatedAt) = (text, baseHash, message, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        return draft;
    }

    public Task DiscardAsync(string userId, string path, CancellationToken ct = default) =>
        db.Drafts.Where(d => d.UserId == userId && d.Path == path).ExecuteDeleteAsync(ct);

    /// <summary>Open drafts, newest first, with their authors' email addresses.</summary>
    public async Task<List<(Draft Draft, string Author)>> ListAsync(CancellationToken ct = default)
    {
        var rows = await db.Drafts.AsNoTracking()
            .Join(db.Users, d => d.UserId, u => u.Id, (d, u) => new { Draft = d, Author = u.Email ?? u.UserName ?? "" })
            .ToListAsync(ct);
        return rows.Select(r => (r.Draft, r.Author)).OrderByDescending(r => r.Draft.UpdatedAt).ToList();
    }
}
