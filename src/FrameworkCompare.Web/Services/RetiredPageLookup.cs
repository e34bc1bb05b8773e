using FrameworkCompare.Web.Models;
using FrameworkCompare.Web.ReadModel;

namespace FrameworkCompare.Web.Services;

/// <summary>Whether an address content no longer serves was removed (410) or moved to another slug (301).</summary>
public sealed class RetiredPageLookup(SiteSnapshot snapshot)
{
    const int MaxHops = 10;

    /// <param name="Gone">True when the page was removed; otherwise it moved to <paramref name="MovedTo"/>.</param>
    public sealed record Retired(bool Gone, string? MovedTo);

    public Task<Retired?> FindAsync(ContentKind kind, string slug, CancellationToken ct) => Task.FromResult(Find(kind, slug));

    public Retired? Find(ContentKind kind, string slug)
    {
        if (slug is null || !snapshot.Retired.TryGetValue((kind, slug), out var page)) return null;
        // A slug renamed twice (a → b → c) sends readers of a straight to c.
        for (var hop = 0; hop < MaxHops && page.MovedTo is { } next; hop++)
        {
            if (!snapshot.Retired.TryGetValue((kind, next), out var further)) return new Retired(false, next);
            page = further;
        }
        return new Retired(true, null);
    }
}
