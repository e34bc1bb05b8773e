using FrameworkCompare.Web.Data;
using FrameworkCompare.Web.Models;
using Microsoft.EntityFrameworkCore;

namespace FrameworkCompare.Web.Editing;

/// <summary>Reads the revision history of content files.</summary>
public sealed class RevisionLog(SiteDb db)
{
    public Task<List<Revision>> HistoryAsync(string path, CancellationToken ct) =>
        db.Revisions.Where(r => r.Path == path).OrderByDescending(r => r.Id).ToListAsync(ct);

    public Task<Revision?> FindAsync(int id, CancellationToken ct) => db.Revisions.FirstOrDefaultAsync(r => r.Id == id, ct);

    /// <summary>The latest changes made in the workspace (not first sightings of files).</summary>
    public Task<List<Revision>> RecentAsync(int count, CancellationToken ct) =>
        db.Revisions.Where(r => r.Kind != RevisionKind.FirstSeen).OrderByDescending(r => r.Id).Take(count)
            .Select(r => new Revision { Id = r.Id, Path = r.Path, Kind = r.Kind, Author = r.Author, Message = r.Message, At = r.At, Hash = r.Hash })
            .ToListAsync(ct);
}
