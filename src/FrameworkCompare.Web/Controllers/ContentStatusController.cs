using FrameworkCompare.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace FrameworkCompare.Web.Controllers;

/// <summary>For editors: which content files have problems, and what the last imports did.</summary>
public sealed class ContentStatusController(SiteDb db) : Controller
{
    [HttpGet("/content-status")]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        var files = await db.ContentFiles.OrderBy(f => f.Path).ToListAsync(ct);
        return View(files);
    }
}
