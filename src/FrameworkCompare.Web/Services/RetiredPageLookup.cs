using FrameworkCompare.Web.Data;
using FrameworkCompare.Web.Models;
using Microsoft.EntityFrameworkCore;

namespace FrameworkCompare.Web.Services;

/// <summary>Whether an address content no longer serves was removed (410) or moved to another slug (301).</summary>
public sealed class RetiredPageLookup(SiteDb db)
{
    const int MaxHops = 10;

    /// <param name="Gone">True when the page was removed; otherwise it moved to <paramref name="MovedTo"/>.</param>
    public sealed record Retired(bool Gone, string? MovedTo);

    public async Task<Retired?> FindAsync(ContentKind kind, string slug, CancellationToken ct)
    {
        var page = await db.RetiredPages.FirstOrDefaultAsync(r => r.Kind == kind && r.Slug == slug, ct);
        if (page is null) return null;
        // A slug renamed twice (a → b → c) sends readers of a straight to c.
        for (var hop = 0; hop < MaxHops && page.MovedTo is { } next; hop++)
        {
            var further = await db.RetiredPages.FirstOrDefaultAsync(r => r.Kind == kind && r.Slug == next, ct);
            if (further is null) return new Retired(false, next);
            page = further;
        }
        return new Retired(true, null);
    }
}
