using FrameworkCompare.Web.Data;
using FrameworkCompare.Web.Models;
using Microsoft.EntityFrameworkCore;

namespace FrameworkCompare.Web.Content;

/// <summary>
/// Plans a change of an article, FAQ answer or author page (or a few) without the thousands of other files: what a publish checks
/// and imports. Such a file changes nothing the others are parsed against (the catalog, the set of frameworks), so only
/// its own record and the profiles' are read (articles name frameworks by the slugs those records hold). A slug it claims
/// may belong to another file: that file's record then joins and the plan is made again, so the duplicate is reported as
/// a plan of the whole folder would report it.
/// </summary>
public static class OneFileChange
{
    /// <summary>More files than this are imported with the whole folder: a checkout, not an edit.</summary>
    public const int MostFiles = 100;

    public static bool Applies(string path) => ContentScanner.KindOf(path) is ContentKind.Article or ContentKind.Faq or ContentKind.Author;

    public static bool Applies(IReadOnlyCollection<string> paths) => paths.Count is > 0 and <= MostFiles && paths.All(Applies);

    /// <summary>The records of <paramref name="paths"/>, the profiles' records, the catalog and the authors served.</summary>
    public static async Task<ContentState> LoadStateAsync(SiteDb db, IReadOnlyCollection<string> paths, CancellationToken ct)
    {
        var files = await db.ContentFiles.AsNoTracking()
            .Where(f => paths.Contains(f.Path) || f.Kind == ContentKind.Framework)
            .ToDictionaryAsync(f => f.Path, ct);
        var (catalog, authors) = await ContentImporter.LoadServedAsync(db, ct);
        return new ContentState(files, catalog, authors);
    }

    /// <summary>The plan of a scan of those files alone (<see cref="ContentScanner.ScanFiles"/>), and the records it was made from.</summary>
    public static async Task<(ImportPlan Plan, ContentState State)> PlanAsync(
        SiteDb db, ContentPlanner planner, ScanResult scan, ContentState state, CancellationToken ct)
    {
        var plan = planner.Plan(scan, state);
        var files = new Dictionary<string, ContentFileRecord>(state.Files);
        foreach (var (kind, slug) in Claimed(plan))
            foreach (var owner in await db.ContentFiles.AsNoTracking()
                         .Where(f => f.Kind == kind && f.Slug == slug && f.ServedHash != null).ToListAsync(ct))
                files.TryAdd(owner.Path, owner);
        if (files.Count == state.Files.Count) return (plan, state);
        state = state with { Files = files };
        return (planner.Plan(scan, state), state);
    }

    static IEnumerable<(ContentKind Kind, string Slug)> Claimed(ImportPlan plan) =>
        [.. plan.Articles.Select(a => (ContentKind.Article, a.Slug)), .. plan.Faqs.Select(q => (ContentKind.Faq, q.Slug)),
            .. plan.Authors.Select(a => (ContentKind.Author, a.Slug))];
}
