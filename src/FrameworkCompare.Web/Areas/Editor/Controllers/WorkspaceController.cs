using System.Security.Claims;
using FrameworkCompare.Web.Accounts;
using FrameworkCompare.Web.Areas.Editor.Models;
using FrameworkCompare.Web.Areas.Editor.Services;
using FrameworkCompare.Web.Editing;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace FrameworkCompare.Web.Areas.Editor.Controllers;

[Area("Editor"), Authorize(Policy = Policies.Edit)]
public sealed class WorkspaceController(WorkspacePages pages) : Controller
{
    [HttpGet("/editor")]
    public async Task<IActionResult> Index(CancellationToken ct) => View(await pages.HomeAsync(UserId, ct));

    [HttpGet("/editor/files")]
    public async Task<IActionResult> Files(string? kind, string? q, CancellationToken ct) =>
        View(await pages.FilesAsync(kind, q, Url.For, ct));

    [HttpGet("/editor/new/{kind}")]
    public IActionResult New(string kind) =>
        NewFileTemplates.Kinds.TryGetValue(kind, out var k) ? View(new NewFileViewModel { Kind = kind, Label = k.Label, Form = new() }) : NotFound();

    [HttpPost("/editor/new/{kind}")]
    public async Task<IActionResult> New(string kind, NewFileForm form, [FromServices] NewFiles newFiles, CancellationToken ct)
    {
        if (!NewFileTemplates.Kinds.TryGetValue(kind, out var k)) return NotFound();
        var started = await newFiles.StartAsync(UserId, kind, form, ct);
        if (started.Path is not null) return RedirectToAction("Edit", "Edit", new { path = started.Path });
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return View(new NewFileViewModel { Kind = kind, Label = k.Label, Form = new NewFileForm { Title = form.Title, Slug = started.Slug }, Error = started.Error });
    }

    [HttpGet("/editor/sources")]
    public async Task<IActionResult> Sources(CancellationToken ct) => View(await pages.SourcesAsync(User.CanPublish(), ct));

    [HttpGet("/editor/audit"), Authorize(Policy = Policies.Admin)]
    public async Task<IActionResult> Audit(int page, CancellationToken ct) => View(await pages.AuditAsync(page, ct));

    string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier)!;
}
