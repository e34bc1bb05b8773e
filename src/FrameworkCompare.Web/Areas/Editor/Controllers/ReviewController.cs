using System.Security.Claims;
using FrameworkCompare.Web.Accounts;
using FrameworkCompare.Web.Areas.Editor.Models;
using FrameworkCompare.Web.Areas.Editor.Services;
using FrameworkCompare.Web.Content;
using FrameworkCompare.Web.Editing;
using FrameworkCompare.Web.Models;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace FrameworkCompare.Web.Areas.Editor.Controllers;

/// <summary>The one review queue: every item ends published (accepted) or declined with a reason, or is sent back.</summary>
[Area("Editor"), Authorize(Policy = Policies.Publish)]
public sealed class ReviewController(ReviewPages pages, ReviewQueue reviews) : Controller
{
    [HttpGet("/editor/review")]
    public async Task<IActionResult> Index(CancellationToken ct) => View(await pages.ListAsync(ct));

    [HttpGet("/editor/review/{id:int}")]
    public async Task<IActionResult> Item(int id, CancellationToken ct) =>
        await pages.ItemAsync(id, ct) is { } model ? View(model with { Notice = TempData["Notice"] as string }) : NotFound();

    [HttpPost("/editor/review/{id:int}/decline")]
    public Task<IActionResult> Decline(int id, string? reason, CancellationToken ct) =>
        CloseAsync(id, ReviewState.Declined, reason, "Give the reason for declining: the reader sees it in the corrections log.", ct);

    [HttpPost("/editor/review/{id:int}/send-back")]
    public Task<IActionResult> SendBack(int id, string? comment, CancellationToken ct) =>
        CloseAsync(id, ReviewState.SentBack, comment, "Say what should change before it can be published.", ct);

    /// <summary>A reader's question answered by an FAQ entry (new or extended), named here.</summary>
    [HttpPost("/editor/review/{id:int}/answered")]
    public Task<IActionResult> Answered(int id, string? faqPath, CancellationToken ct) =>
        CloseAsync(id, ReviewState.Accepted, ContentPath.Normalise(faqPath) is { } path && path.StartsWith("faq/") ? $"Answered in {path}" : null,
            "Choose the FAQ entry that answers the question.", ct);

    /// <summary>Starts a new FAQ draft from the question, noting that a reader asked it (never who).</summary>
    [HttpPost("/editor/review/{id:int}/answer-new")]
    public async Task<IActionResult> AnswerNew(int id, [FromServices] NewFiles newFiles, [FromServices] DraftStore drafts, CancellationToken ct)
    {
        if (await reviews.FindAsync(id, ct) is not { Kind: ReviewKind.Question, Message: { } question }) return NotFound();
        var title = question.Length > 200 ? question[..200] : question;
        var started = await newFiles.StartAsync(UserId, "faq", new NewFileForm { Title = title.ReplaceLineEndings(" ") }, ct);
        if (started.Path is null)
        {
            TempData["Notice"] = started.Error;
            return RedirectToAction("Item", new { id });
        }
        var draft = await drafts.FindAsync(UserId, started.Path, ct);
        await drafts.SaveAsync(UserId, started.Path, draft!.Text.TrimEnd() + "\n\n*A reader asked this question.*\n", null, $"Answer a reader's question (review item {id})", ct);
        return RedirectToAction("Edit", "Edit", new { path = started.Path });
    }

    /// <summary>A contributor's image waiting for review, for the editor deciding on it; never cached.</summary>
    [HttpGet("/editor/review/{id:int}/image")]
    public async Task<IActionResult> Image(int id, [FromServices] PendingUploads uploads, CancellationToken ct)
    {
        if (await reviews.FindAsync(id, ct) is not { } item || await uploads.ReadAsync(item, ct) is not { } upload) return NotFound();
        Response.Headers.CacheControl = "no-store";
        return File(upload.Bytes, upload.ContentType);
    }

    /// <summary>
    /// Publishes a contributor's submission through the same checks as any publish, with the images it links that
    /// wait for review; or publishes one waiting image.
    /// </summary>
    [HttpPost("/editor/review/{id:int}/publish")]
    public async Task<IActionResult> Publish(int id, [FromServices] ContentWriter writer, [FromServices] PendingUploads uploads, CancellationToken ct)
    {
        if (await reviews.FindAsync(id, ct) is { Kind: ReviewKind.Upload, State: ReviewState.Open } upload)
        {
            var problem = await uploads.PublishAsync(upload, User.Identity!.Name!, ct);
            TempData["Notice"] = problem is null ? $"Published {upload.Path}." : $"{upload.Path}: {problem}";
            return problem is null ? RedirectToAction("Index") : RedirectToAction("Item", new { id });
        }
        if (await reviews.FindAsync(id, ct) is not { Kind: ReviewKind.Submission, State: ReviewState.Open, Path: { } path, Text: { } text } item) return NotFound();
        await uploads.PublishLinkedAsync(text, item.Origin, User.Identity!.Name!, ct);
        var message = $"{item.Message ?? $"Update {path}"} (submitted by {item.Origin}, reviewed by {User.Identity!.Name})";
        var outcome = await writer.PublishAsync(new PublishRequest(path, text, item.BaseHash, User.Identity!.Name!, message), ct);
        switch (outcome)
        {
            case Published published:
                await reviews.ResolveAsync(id, ReviewState.Accepted, User.Identity.Name!, $"Published as revision {published.Revision.Id}", ct);
                TempData["Notice"] = $"Published {path}.";
                return RedirectToAction("Index");
            case Editing.Conflict:
                TempData["Notice"] = "Not published: the file changed since the contributor started. Send it back asking them to merge, or merge it yourself in the editor.";
                break;
            default:
                TempData["Notice"] = "Not published: " + string.Join("; ", ((Invalid)outcome).Blocking.Select(p => p.ToString()));
                break;
        }
        return RedirectToAction("Item", new { id });
    }

    async Task<IActionResult> CloseAsync(int id, ReviewState state, string? text, string missing, CancellationToken ct)
    {
        var reason = ReaderText.Clean(text);
        if (reason is null || reason.Length > 1000)
        {
            TempData["Notice"] = missing;
            return RedirectToAction("Item", new { id });
        }
        // Closing an upload deletes its waiting image: a declined image never reaches content/.
        var closed = await reviews.ResolveAsync(id, state, User.Identity!.Name!, reason, ct);
        TempData["Notice"] = closed ? $"Item {id} {state.ToString().ToLowerInvariant()}." : $"Item {id} was already closed.";
        return RedirectToAction("Index");
    }

    string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier)!;
}
