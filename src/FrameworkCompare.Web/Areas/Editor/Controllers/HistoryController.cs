using FrameworkCompare.Web.Accounts;
using FrameworkCompare.Web.Areas.Editor.Models;
using FrameworkCompare.Web.Areas.Editor.Services;
using FrameworkCompare.Web.Editing;
using FrameworkCompare.Web.Models;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace FrameworkCompare.Web.Areas.Editor.Controllers;

/// <summary>A file's revisions, diffs between any two, restoring an old one, and deleting (unpublishing) the file.</summary>
[Area("Editor"), Authorize(Policy = Policies.Edit)]
public sealed class HistoryController(WorkspacePages pages, RevisionLog revisions, ContentWriter writer) : Controller
{
    [HttpGet("/editor/history/{**path}")]
    public async Task<IActionResult> History(string? path, int? from, int? to, CancellationToken ct)
    {
        if (ContentPath.Normalise(path) is not { } file) return NotFound();
        var model = await pages.HistoryAsync(file, from, to, ct);
        return model.Revisions.Count == 0 && model.CurrentHash is null ? NotFound() : View(model);
    }

    /// <summary>Publishes an old revision's text as a new revision, through the same conflict check as any publish.</summary>
    [HttpPost("/editor/restore/{id:int}"), Authorize(Policy = Policies.Publish)]
    public async Task<IActionResult> Restore(int id, string? baseHash, CancellationToken ct)
    {
        if (await revisions.FindAsync(id, ct) is not { Text: { } text } revision) return NotFound();
        var outcome = await writer.PublishAsync(
            new PublishRequest(revision.Path, text, baseHash, User.Identity!.Name!, $"Restore revision {id} of {revision.Path}", RevisionKind.Restored), ct);
        return await AfterAsync(revision.Path, outcome, $"Revision {id} restored.", ct);
    }

    [HttpGet("/editor/delete/{**path}"), Authorize(Policy = Policies.Publish)]
    public async Task<IActionResult> Delete(string? path, CancellationToken ct)
    {
        if (ContentPath.Normalise(path) is not { } file) return NotFound();
        var current = (await pages.HistoryAsync(file, null, null, ct)).CurrentHash;
        return current is null ? NotFound() : View(new DeleteViewModel { Path = file, BaseHash = current });
    }

    [HttpPost("/editor/delete/{**path}"), Authorize(Policy = Policies.Publish)]
    public async Task<IActionResult> Delete(string? path, string? baseHash, string? message, CancellationToken ct)
    {
        if (ContentPath.Normalise(path) is not { } file) return NotFound();
        var outcome = await writer.PublishAsync(new PublishRequest(file, null, baseHash, User.Identity!.Name!, string.IsNullOrWhiteSpace(message) ? $"Delete {file}" : message), ct);
        if (outcome is Invalid invalid)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return View(new DeleteViewModel { Path = file, BaseHash = baseHash ?? "", Blocking = invalid.Blocking });
        }
        return await AfterAsync(file, outcome, "Deleted. Readers now get “410 Gone” at its address; restore it from this history.", ct);
    }

    async Task<IActionResult> AfterAsync(string file, PublishOutcome outcome, string notice, CancellationToken ct)
    {
        var model = await pages.HistoryAsync(file, null, null, ct);
        switch (outcome)
        {
            case Published published:
                return View("History", model with { Notice = published.GitWarning is null ? notice : $"{notice} {published.GitWarning}" });
            case Editing.Conflict:
                Response.StatusCode = StatusCodes.Status409Conflict;
                return View("History", model with { Notice = "Nothing changed: the file changed since this page was loaded. Check the latest revision and try again." });
            default:
                Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
                var problems = string.Join("; ", ((Invalid)outcome).Blocking.Select(p => p.ToString()));
                return View("History", model with { Notice = $"Nothing changed: it would break content: {problems}" });
        }
    }
}
