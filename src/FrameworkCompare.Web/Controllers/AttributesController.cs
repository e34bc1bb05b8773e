using FrameworkCompare.Web.Caching;
using FrameworkCompare.Web.Models;
using FrameworkCompare.Web.Services;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;

namespace FrameworkCompare.Web.Controllers;

/// <summary>The catalog's attributes, and one attribute across every framework ("which frameworks have WebSockets?").</summary>
public sealed class AttributesController(AttributeDirectory attributes) : Controller
{
    [HttpGet("/attributes", Name = PagePaths.Attributes)]
    [OutputCache(PolicyName = PageCache.AttributeList)]
    public IActionResult Index() => View(attributes.List());

    [HttpGet("/attributes/{slug}", Name = PagePaths.Attribute)]
    [OutputCache(PolicyName = PageCache.AttributePage)]
    public IActionResult Attribute(string? slug, string? sort, string? format)
    {
        // Model binding turns a whitespace-only segment into null.
        slug ??= "";
        var lower = slug.ToLowerInvariant();
        // One address per page: another case, or a sort the page does not offer, moves to the page itself.
        var knownSort = sort is null or "value";
        if ((slug != lower || !knownSort) && attributes.Exists(lower))
            return RedirectToRoutePermanent(PagePaths.Attribute, new { slug = lower, sort = knownSort ? sort : null, format });
        if (attributes.Page(slug, sort == "value" ? AttributeSort.Value : AttributeSort.Name) is not { } model) return NotFound();
        return format switch
        {
            null => View(model),
            "csv" => File(ComparisonExport.ToCsv(model), "text/csv; charset=utf-8", $"{slug}.csv"),
            "json" => File(ComparisonExport.ToJson(model), "application/json; charset=utf-8", $"{slug}.json"),
            _ => UnknownFormat(),
        };
    }

    ViewResult UnknownFormat()
    {
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return View("Problem", new ComparisonProblem(400, "Unknown format", "Export formats are csv and json.", []));
    }
}
