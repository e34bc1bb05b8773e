using FrameworkCompare.Web.Caching;
using FrameworkCompare.Web.Services;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;

namespace FrameworkCompare.Web.Controllers;

public sealed class HomeController(FrameworkDirectory directory) : Controller
{
    [HttpGet("/", Name = PagePaths.Home)]
    [OutputCache(PolicyName = PageCache.Home)]
    public async Task<IActionResult> Index(CancellationToken ct) => View(await directory.ListAsync(ct));
}
