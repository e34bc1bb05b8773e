using FrameworkCompare.Web.Caching;
using FrameworkCompare.Web.Services;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;

namespace FrameworkCompare.Web.Controllers;

/// <summary>What other sites may show of ours: a compact comparison for an iframe, and an SVG badge per fact.</summary>
public sealed class EmbedController(ComparisonService comparisons, FrameworkDirectory directory) : Controller
{
    [HttpGet("/embed/compare/{selection}", Name = PagePaths.EmbedComparison)]
    [OutputCache(PolicyName = PageCache.Embed)]
    [FramedByAnySite]
    public async Task<IActionResult> Comparison(string selection, string? rows, CancellationToken ct)
    {
        // Search engines should send readers to the full comparison, which the page names as canonical.
        Response.Headers["X-Robots-Tag"] = "noindex";
        switch (await comparisons.BuildAsync(selection ?? "", onlyDifferences: false, ct))
        {
            case ComparisonService.MovedTo moved:
                return RedirectToRoutePermanent(PagePaths.EmbedComparison, new { selection = moved.Selection, rows });
            case ComparisonService.Problem problem:
                Response.StatusCode = problem.Details.StatusCode;
                return View("Problem", problem.Details);
            case ComparisonService.Found found:
                return View(ComparisonEmbed.Build(found.Model, rows));
            default:
                throw new InvalidOperationException("Unhandled comparison outcome.");
        }
    }

    [HttpGet("/badge/{framework}/{attribute}.svg", Name = PagePaths.Badge)]
    [OutputCache(PolicyName = PageCache.Badge)]
    [SharedImage]
    public async Task<IActionResult> Badge(string framework, string attribute, CancellationToken ct)
    {
        if (await directory.FactAsync(framework ?? "", attribute ?? "", ct) is not { } fact) return NotFound();
        Response.Headers.CacheControl = "public, max-age=3600";
        return Content(FactBadge.Render(fact.Framework, fact.Attribute, fact.Cell), "image/svg+xml; charset=utf-8");
    }
}
