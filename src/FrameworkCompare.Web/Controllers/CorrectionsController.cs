using FrameworkCompare.Web.Editing;
using FrameworkCompare.Web.Models;
using FrameworkCompare.Web.Services;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace FrameworkCompare.Web.Controllers;

/// <summary>The public log of readers' corrections, accepted and declined, and its Atom feed.</summary>
public sealed class CorrectionsController(ReviewQueue reviews, Data.SiteDb db, TimeProvider clock) : Controller
{
    const int Shown = 200;

    [HttpGet("/corrections", Name = PagePaths.Corrections)]
    public async Task<IActionResult> Index(CancellationToken ct) => View(await LinesAsync(ct));

    [HttpGet("/corrections/feed.xml", Name = PagePaths.CorrectionsFeed)]
    public async Task<IActionResult> Feed(CancellationToken ct)
    {
        var root = SiteUrl.Origin(Request);
        var entries = (await LinesAsync(ct)).Select(l => new AtomEntry(
            $"{root}{Url.PathTo(PagePaths.Corrections)}#correction-{l.Item.Id}",
            $"{(l.Item.State == ReviewState.Accepted ? "Corrected" : "Declined")}: {l.Fact}",
            l.Item.CreatedAt, l.Item.ResolvedAt ?? l.Item.CreatedAt,
            l.Item.State == ReviewState.Accepted ? $"{l.Item.CurrentValue} → {l.Item.ProposedValue}" : $"Kept {l.Item.CurrentValue}: {l.Item.Resolution}",
            "FrameworkCompare editors")).ToList();
        return File(AtomFeed.Write("FrameworkCompare corrections", root + Url.PathTo(PagePaths.CorrectionsFeed), root + Url.PathTo(PagePaths.Corrections), entries, clock.GetUtcNow()),
            "application/atom+xml; charset=utf-8");
    }

    async Task<List<CorrectionLine>> LinesAsync(CancellationToken ct)
    {
        var items = await reviews.CorrectionsAsync(Shown, ct);
        var frameworks = await db.Frameworks.ToDictionaryAsync(f => f.Slug, f => f.Name, ct);
        var attributes = await db.Attributes.ToDictionaryAsync(a => a.Key, a => a.Label, ct);
        return items.Select(i => new CorrectionLine(i,
            $"{frameworks.GetValueOrDefault(i.FrameworkSlug ?? "", i.FrameworkSlug ?? "")}: {attributes.GetValueOrDefault(i.AttributeKey ?? "", i.AttributeKey ?? "")}",
            frameworks.ContainsKey(i.FrameworkSlug ?? "") ? Url.RouteUrl(FrameworksController.RouteName, new { slug = i.FrameworkSlug }) + "#" + i.AttributeKey : null)).ToList();
    }
}
