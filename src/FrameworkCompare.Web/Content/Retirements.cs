using FrameworkCompare.Web.Data;
using FrameworkCompare.Web.Models;
using Microsoft.EntityFrameworkCore;

namespace FrameworkCompare.Web.Content;

/// <summary>
/// Keeps the durable list of page addresses content stopped serving: a removed file's slug answers 410 and a
/// changed slug 301 to the new one, until some file serves that slug again.
/// </summary>
static class Retirements
{
    public static async Task ApplyAsync(SiteDb db, ImportPlan plan, ContentState previous, DateTimeOffset now, CancellationToken ct)
    {
        var retired = new List<RetiredPage>();
        foreach (var path in plan.Removed)
            if (previous.Files.GetValueOrDefault(path) is { ServedHash: not null, Slug: { } slug } record)
                retired.Add(new RetiredPage { Kind = record.Kind, Slug = slug, RetiredAt = now });
        foreach (var record in plan.Records.Where(r => r.ServedHash == r.Hash && r.Kind != ContentKind.Catalog))
            if (previous.Files.GetValueOrDefault(record.Path) is { ServedHash: not null, Slug: { } old } && old != record.Slug)
                retired.Add(new RetiredPage { Kind = record.Kind, Slug = old, MovedTo = record.Slug, RetiredAt = now });

        foreach (var page in retired)
        {
            await db.RetiredPages.Where(r => r.Kind == page.Kind && r.Slug == page.Slug).ExecuteDeleteAsync(ct);
            db.RetiredPages.Add(page);
        }
        await db.SaveChangesAsync(ct);
        // A slug served again is no longer retired (a restored file, two files swapping slugs, a rebuilt read model).
        await db.RetiredPages.Where(r =>
                (r.Kind == ContentKind.Framework && db.Frameworks.Any(f => f.Slug == r.Slug)) ||
                (r.Kind == ContentKind.Article && db.Articles.Any(a => a.Slug == r.Slug)) ||
                (r.Kind == ContentKind.Faq && db.FaqEntries.Any(q => q.Slug == r.Slug)) ||
                (r.Kind == ContentKind.Author && db.Authors.Any(a => a.Slug == r.Slug)))
            .ExecuteDeleteAsync(ct);
    }
}
