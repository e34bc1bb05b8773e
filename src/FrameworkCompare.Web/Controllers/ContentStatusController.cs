using FrameworkCompare.Web.Data;
using FrameworkCompare.Web.Models;
using FrameworkCompare.Web.ReadModel;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace FrameworkCompare.Web.Controllers;

/// <summary>For editors: which content files have problems, what the last imports did, and which snapshot is served.</summary>
public sealed class ContentStatusController(SiteDb db, CurrentSnapshot current) : Controller
{
    [HttpGet("/content-status")]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        var files = await db.ContentFiles.OrderBy(f => f.Path).ToListAsync(ct);
        return View(new ContentStatusViewModel(files, current.OrNull));
    }
}
