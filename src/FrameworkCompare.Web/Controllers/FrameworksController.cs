using FrameworkCompare.Web.Caching;
using FrameworkCompare.Web.Models;
using FrameworkCompare.Web.Services;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;

namespace FrameworkCompare.Web.Controllers;

public sealed class FrameworksController(FrameworkDirectory directory) : Controller
{
    [HttpGet("/frameworks", Name = PagePaths.Frameworks)]
    [OutputCache(PolicyName = PageCache.FrameworkList)]
    public async Task<IActionResult> Index(string? sort, string? dir, string? language, string? kind, CancellationToken ct)
    {
        var query = new CatalogQuery(
            FrameworkDirectory.SortKeys.Contains(sort) ? sort! : "name",
            dir == "desc",
            string.IsNullOrWhiteSpace(language) ? null : language,
            string.IsNullOrWhiteSpace(kind) ? null : kind);
        return View(await directory.CatalogAsync(query, ct));
    }

    public const string RouteName = PagePaths.Framework;

    [HttpGet("/frameworks/{slug}", Name = RouteName)]
    [OutputCache(PolicyName = PageCache.Profile)]
    public async Task<IActionResult> Profile(string slug, CancellationToken ct)
    {
        slug ??= "";
        var all = await directory.ListAsync(ct);
        if (slug != slug.ToLowerInvariant() && all.Any(f => f.Slug == slug.ToLowerInvariant()))
            return RedirectToRoutePermanent(RouteName, new { slug = slug.ToLowerInvariant() });
        var profile = await directory.ProfileAsync(slug, ct);
        if (profile is not null) return View(profile);
        return await this.NotServedAsync(ContentKind.Framework, slug, to => Url.RouteUrl(RouteName, new { slug = to }), () =>
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            var suggestions = FrameworkDirectory.Closest(slug, all);
            return View("Problem", new ComparisonProblem(404, "Framework not found", "We have no profile at this address. Did you mean one of these?", suggestions));
        }, ct);
    }
}
