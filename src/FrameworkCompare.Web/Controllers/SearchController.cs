using FrameworkCompare.Web.Services;
using Microsoft.AspNetCore.Mvc;

namespace FrameworkCompare.Web.Controllers;

public sealed class SearchController(SearchService search) : Controller
{
    [HttpGet("/search", Name = PagePaths.Search)]
    public async Task<IActionResult> Index(string? q, string? exact, CancellationToken ct) =>
        View(await search.SearchAsync(q, exact is "1" or "true", ct));

    /// <summary>The search box's suggestions as JSON: [{ label, kind, url }], at most eight. Browsers may keep an answer a minute.</summary>
    [HttpGet("/search/suggest")]
    public async Task<IActionResult> Suggest(string? q, CancellationToken ct)
    {
        Response.Headers.CacheControl = "public, max-age=60";
        return Json(await search.SuggestAsync(q, ct));
    }
}
