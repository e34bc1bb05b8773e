using FrameworkCompare.Web.Services;
using Microsoft.AspNetCore.Mvc;

namespace FrameworkCompare.Web.Controllers;

public sealed class SearchController(SearchService search) : Controller
{
    [HttpGet("/search")]
    public async Task<IActionResult> Index(string? q, CancellationToken ct) => View(await search.SearchAsync(q, ct));
}
