using FrameworkCompare.Web.Caching;
using FrameworkCompare.Web.Services;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;

namespace FrameworkCompare.Web.Controllers;

/// <summary>How a comparison's verdict is worked out, in plain words, with the scoring rules in use.</summary>
public sealed class MethodologyController(VerdictService verdicts) : Controller
{
    [HttpGet("/methodology", Name = PagePaths.Methodology)]
    [OutputCache(PolicyName = PageCache.Methodology)]
    public async Task<IActionResult> Index(CancellationToken ct) => View(await verdicts.MethodologyAsync(ct));
}
