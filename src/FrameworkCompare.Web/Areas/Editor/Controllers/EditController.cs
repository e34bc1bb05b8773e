using System.Security.Claims;
using FrameworkCompare.Web.Accounts;
using FrameworkCompare.Web.Areas.Editor.Models;
using FrameworkCompare.Web.Areas.Editor.Services;
using FrameworkCompare.Web.Content;
using FrameworkCompare.Web.Data;
using FrameworkCompare.Web.Editing;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace FrameworkCompare.Web.Areas.Editor.Controllers;

[Area("Editor"), Authorize(Policy = Policies.Edit)]
public sealed class EditController(WorkspacePages pages, DraftStore drafts, ContentWriter writer, ReviewQueue reviews, SiteDb db, IOptions<MediaOptions> media) : Controller
{
    // The text (at most DraftStore.MaxTextLength characters) and one image.
    const int MaxRequestBytes = 32 * 1024 * 1024;

    [HttpGet("/editor/edit/{**path}")]
    public async Task<IActionResult> Edit(string? path, CancellationToken ct)
    {
        if (ContentPath.Normalise(path) is not { } file) return NotFound();
        var model = await pages.EditAsync(file, UserId, await PublicPathAsync(file, ct), await CanPublishAsync(), ct);
        if (model is null) return RedirectToAction("History", "History", new { path = file });
        return View(model with
        {
            Notice = TempData[nameof(EditViewModel.Notice)] as string,
            Warning = TempData[nameof(EditViewModel.Warning)] as string ?? await reviews.SentBackAsync(file, User.Identity!.Name!, ct),
        });
    }

    /// <summary>
    /// Save, preview or publish. Open to a signed-out request on purpose: a session that ended while the editor typed
    /// gets their text back with a sign-in form (401), never a redirect that drops it. Only a form this browser loaded
    /// gets that far: signed out, the anti-forgery cookie and token must still be a pair, so a cross-site post cannot
    /// plant text in the sign-in form (it answers 400).
    /// </summary>
    [HttpPost("/editor/edit/{**path}"), AllowAnonymous, BrowserBoundAntiforgery]
    [RequestSizeLimit(MaxRequestBytes), RequestFormLimits(MultipartBodyLengthLimit = MaxRequestBytes, ValueLengthLimit = MaxRequestBytes)]
    public async Task<IActionResult> Edit(string? path, EditForm form, string? intent, CancellationToken ct)
    {
        if (ContentPath.Normalise(path) is not { } file) return NotFound();
        // Browsers post CRLF; rendered back into a textarea a CR is an invalid character reference (&#xD;).
        form.Text = ContentPath.NormaliseText(form.Text);
        if (User.Identity?.IsAuthenticated != true)
        {
            Response.StatusCode = StatusCodes.Status401Unauthorized;
            return View("SignedOut", new SignedOutViewModel { Path = file, Form = form });
        }
        if (!(await Authorization.AuthorizeAsync(User, Policies.Edit)).Succeeded) return Forbid();
        if (form.Text.Length > DraftStore.MaxTextLength)
            return await Refuse(file, form, StatusCodes.Status413PayloadTooLarge, $"The text is longer than {DraftStore.MaxTextLength:N0} characters; nothing was saved.", ct);

        await drafts.SaveAsync(UserId, file, form.Text, form.BaseHash, form.Message, ct);
        switch (intent)
        {
            case "preview": return RedirectToAction("Preview", new { path = file });
            case "upload": return await UploadAsync(file, form, ct);
            case "submit":
                await reviews.SubmitAsync(file, form.Text, form.BaseHash, form.Message, User.Identity.Name!, ct);
                TempData[nameof(EditViewModel.Notice)] = "Submitted for review. An editor will publish it or send it back with a comment; your draft stays here.";
                return RedirectToAction("Edit", new { path = file });
            case "publish" when !await CanPublishAsync(): return Forbid();
            case "publish": break;
            default:
                TempData[nameof(EditViewModel.Notice)] = "Draft saved.";
                return RedirectToAction("Edit", new { path = file });
        }

        var outcome = await writer.PublishAsync(new PublishRequest(file, form.Text, form.BaseHash, User.Identity.Name!, form.Message), ct);
        switch (outcome)
        {
            case Published done:
                await drafts.DiscardAsync(UserId, file, ct);
                TempData[nameof(EditViewModel.Notice)] = "Published. Readers see the change now.";
                TempData[nameof(EditViewModel.Warning)] = done.GitWarning;
                return RedirectToAction("Edit", new { path = file });
            case Conflict conflict:
                Response.StatusCode = StatusCodes.Status409Conflict;
                return View("Conflict", ConflictPage(file, form, conflict));
            default:
                var invalid = (Invalid)outcome;
                var model = await pages.EditAsync(file, UserId, await PublicPathAsync(file, ct), true, ct);
                Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
                return View("Edit", model! with { Form = form, Blocking = invalid.Blocking, Existing = invalid.Existing, Warning = "Not published: fix the problems below. Your text is kept as a draft." });
        }
    }

    /// <summary>Stores the image and inserts its Markdown at the end of the text, which is saved as the draft.</summary>
    async Task<IActionResult> UploadAsync(string file, EditForm form, CancellationToken ct)
    {
        var alt = string.Concat((form.ImageAlt ?? "").Where(c => !char.IsControl(c))).Trim();
        string? error = form.Image is null ? "Choose an image file to upload." : alt.Length is 0 or > 300 ? "Describe the image in “Alt text” (up to 300 characters): readers who cannot see it hear this instead." : null;
        var image = error is null ? MediaImage.Prepare(form.Image!.OpenReadStream(), form.Image.FileName, media.Value) : null;
        error ??= image!.Error;
        if (error is not null) return await Refuse(file, form, StatusCodes.Status422UnprocessableEntity, $"No image was added: {error}", ct);

        // Editors' and admins' images are published at once; contributors' wait for review like their text.
        var direct = await CanPublishAsync();
        string? warning;
        try { warning = direct ? await writer.SaveMediaAsync(image!.FileName, image.Bytes, User.Identity!.Name!, ct) : null; }
        catch (ContentFileRefusedException refused) { return await Refuse(file, form, StatusCodes.Status422UnprocessableEntity, $"No image was added: {refused.Path} {refused.Problem}", ct); }
        if (!direct && await HttpContext.RequestServices.GetRequiredService<PendingUploads>().SubmitAsync(image!, alt, User.Identity!.Name!, ct) is { } full)
            return await Refuse(file, form, StatusCodes.Status422UnprocessableEntity, $"No image was added: {full}", ct);
        var markdown = $"![{EscapeAlt(alt)}]({MediaFiles.UrlPrefix}{image!.FileName})";
        await drafts.SaveAsync(UserId, file, form.Text.TrimEnd() + "\n\n" + markdown + "\n", form.BaseHash, form.Message, ct);
        TempData[nameof(EditViewModel.Notice)] = $"Image added at the end of the text as {markdown}: move it where it belongs. Your draft is saved." +
            (direct ? "" : " The image waits for an editor's review with your text: readers see it once it is published, and until then the check reports it as not found.");
        TempData[nameof(EditViewModel.Warning)] = warning;
        return RedirectToAction("Edit", new { path = file });
    }

    static string EscapeAlt(string alt) => alt.Replace("\\", "\\\\").Replace("[", "\\[").Replace("]", "\\]");

    [HttpGet("/editor/preview/{**path}")]
    public async Task<IActionResult> Preview(string? path, string? with, [FromServices] PreviewBuilder previews, CancellationToken ct)
    {
        if (ContentPath.Normalise(path) is not { } file) return NotFound();
        var model = await pages.EditAsync(file, UserId, null, false, ct);
        if (model is null) return NotFound();
        var preview = await previews.BuildAsync(file, model.Form.Text, with, ct);
        ViewData["PreviewOf"] = file;
        ViewData["PreviewCompareWith"] = preview.CompareWith;
        if (preview.View is null) return View("PreviewProblems", new PreviewProblemsViewModel(file, preview.Problems));
        PreviewViewLocations.Use(HttpContext, preview.View);
        return View(preview.View, preview.Model);
    }

    /// <summary>
    /// Checks text as the editor types with the importer's own parser: this file only, so it stays quick with thousands
    /// of files; what the change would break elsewhere is checked when it is published.
    /// </summary>
    [HttpPost("/editor/check")]
    public async Task<IActionResult> Check([FromBody] CheckRequest? request, [FromServices] PreviewBuilder previews, CancellationToken ct)
    {
        if (!IsWellFormed(request?.Path, request?.Text) || ContentPath.Normalise(request!.Path) is not { } file) return BadRequest();
        var problems = await previews.ProblemsAsync(file, ContentPath.NormaliseText(request.Text), ct);
        var result = Json(problems);
        if (problems.Any(p => !p.IsWarning)) result.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return result;
    }

    [HttpPost("/editor/autosave")]
    public async Task<IActionResult> Autosave([FromBody] AutosaveRequest? request, CancellationToken ct)
    {
        if (!IsWellFormed(request?.Path, request?.Text) || ContentPath.Normalise(request!.Path) is not { } file) return BadRequest();
        // Text the file already holds is no draft: a late autosave after a publish must not bring one back.
        if (await ContentFiles.ReadIfAllowedAsync(writer.Root, file, ct) is { } current && ContentPath.NormaliseText(request.Text) == System.Text.Encoding.UTF8.GetString(current))
        {
            await drafts.DiscardAsync(UserId, file, ct);
            return Json(new { savedAt = DateTimeOffset.UtcNow, published = true });
        }
        var draft = await drafts.SaveAsync(UserId, file, request.Text, request.BaseHash, request.Message, ct);
        return Json(new { savedAt = draft.UpdatedAt });
    }

    [HttpPost("/editor/discard/{**path}")]
    public async Task<IActionResult> Discard(string? path, CancellationToken ct)
    {
        if (ContentPath.Normalise(path) is not { } file) return NotFound();
        await drafts.DiscardAsync(UserId, file, ct);
        return RedirectToAction("Index", "Workspace");
    }

    /// <summary>Malformed JSON, a missing or null field, or an oversized text: the scripts never send these, so 400.</summary>
    bool IsWellFormed(string? path, string? text) => ModelState.IsValid && path is not null && text is not null && text.Length <= DraftStore.MaxTextLength;

    public sealed record CheckRequest(string Path, string Text);
    public sealed record AutosaveRequest(string Path, string Text, string? BaseHash, string? Message);

    async Task<IActionResult> Refuse(string file, EditForm form, int status, string warning, CancellationToken ct)
    {
        var model = await pages.EditAsync(file, UserId, await PublicPathAsync(file, ct), await CanPublishAsync(), ct);
        Response.StatusCode = status;
        return model is null ? StatusCode(status) : View("Edit", model with { Form = form, Warning = warning });
    }

    static ConflictViewModel ConflictPage(string file, EditForm form, Conflict conflict) => new()
    {
        Path = file,
        // Publishing again from this page starts from their version: what the editor sees is what they merge into.
        Form = new EditForm { Text = form.Text, Message = form.Message, BaseHash = conflict.TheirText is null ? null : ContentPath.Hash(System.Text.Encoding.UTF8.GetBytes(conflict.TheirText)) },
        BaseText = conflict.BaseText, TheirText = conflict.TheirText, TheirAuthor = conflict.TheirAuthor, TheirTime = conflict.TheirTime,
        TheirChanges = LineDiff.Build("Their changes", conflict.BaseText ?? conflict.TheirText, conflict.TheirText),
        YourChanges = LineDiff.Build("Your changes", conflict.BaseText ?? conflict.TheirText, ContentPath.NormaliseText(form.Text)),
    };

    async Task<string?> PublicPathAsync(string file, CancellationToken ct)
    {
        var record = await db.ContentFiles.FindAsync([file], ct);
        return record?.ServedHash is null ? null : Url.For(record.Kind, record.Slug);
    }

    async Task<bool> CanPublishAsync() => (await Authorization.AuthorizeAsync(User, Policies.Publish)).Succeeded;

    IAuthorizationService Authorization => HttpContext.RequestServices.GetRequiredService<IAuthorizationService>();

    string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier)!;
}
