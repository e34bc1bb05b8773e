using System.Globalization;
using FrameworkCompare.Web.Accounts;
using FrameworkCompare.Web.Areas.Editor.Models;
using FrameworkCompare.Web.Areas.Editor.Services;
using FrameworkCompare.Web.Editing;
using FrameworkCompare.Web.Models;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace FrameworkCompare.Web.Areas.Editor.Controllers;

/// <summary>One fact at a time: the stale queue, the one-fact form and "Re-checked, still true".</summary>
[Area("Editor"), Authorize(Policy = Policies.Edit)]
public sealed class FactsController(FactEditor facts, ReviewQueue reviews) : Controller
{
    [HttpGet("/editor/stale")]
    public async Task<IActionResult> Stale(string? framework, string? category, string? attribute, [FromServices] StaleQueue stale, CancellationToken ct)
    {
        var model = await stale.PageAsync(Blank(framework), Blank(category), Blank(attribute), ct);
        return View(model with { Notice = TempData["Notice"] as string });
    }

    [HttpGet("/editor/facts/{framework}/{attribute}"), Authorize(Policy = Policies.Publish)]
    public async Task<IActionResult> Edit(string framework, string attribute, int? review, CancellationToken ct)
    {
        if (await facts.FindAsync(framework, attribute, ct) is not { } fact) return NotFound();
        var item = review is { } id ? await reviews.FindAsync(id, ct) : null;
        var v = fact.Value;
        var form = new FactForm
        {
            Value = item?.ProposedValue ?? v?.Value, Unknown = item is null && v?.IsUnknown == true, UnknownReason = v?.UnknownReason, Note = v?.Note,
            Source = item?.EvidenceUrl ?? v?.SourceUrl, Checked = (item?.ProposedChecked ?? v?.Checked)?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            BaseHash = fact.FileHash, ReviewItemId = item?.Id,
            Message = item is null ? null : $"{fact.Attribute.Label} of {fact.Framework.Name}: correction from review item {item.Id} ({item.Origin})",
        };
        return View(Page(fact, form, item) with { Notice = TempData["Notice"] as string, Warning = TempData["Warning"] as string });
    }

    [HttpPost("/editor/facts/{framework}/{attribute}"), Authorize(Policy = Policies.Publish)]
    public async Task<IActionResult> Edit(string framework, string attribute, FactForm form, CancellationToken ct)
    {
        if (await facts.FindAsync(framework, attribute, ct) is not { } fact) return NotFound();
        var item = form.ReviewItemId is { } id ? await reviews.FindAsync(id, ct) : null;
        if (Edit(fact.Attribute.Type, form) is not { } edit)
            return Refuse(fact, form, item, StatusCodes.Status422UnprocessableEntity, "Give a value, a source and a checked date (YYYY-MM-DD), or mark the fact unknown with a reason.");
        var message = string.IsNullOrWhiteSpace(form.Message) ? $"{fact.Attribute.Label} of {fact.Framework.Name}" : form.Message.Trim();
        var outcome = await facts.SaveAsync(fact, edit, form.BaseHash, User.Identity!.Name!, message, ct);
        switch (outcome)
        {
            case Published published:
                if (item is not null) await reviews.ResolveAsync(item.Id, ReviewState.Accepted, User.Identity.Name!, $"Published as revision {published.Revision.Id}: {Describe(edit)}", ct,
                    publishedValue: edit.IsUnknown ? "unknown" : edit.Value);
                TempData["Notice"] = "Saved. Readers see the new value now.";
                TempData["Warning"] = published.GitWarning;
                return RedirectToAction("Edit", new { framework, attribute });
            case Editing.Conflict:
                return Refuse(fact, form with { BaseHash = fact.FileHash }, item, StatusCodes.Status409Conflict,
                    "The profile changed since you opened this form. The current value is shown above; your entries are kept below: save again to apply them.");
            case Invalid invalid:
                return Refuse(fact, form, item, StatusCodes.Status422UnprocessableEntity, "Not saved: the new value does not fit.", invalid.Blocking);
            default:
                return Refuse(fact, form, item, StatusCodes.Status422UnprocessableEntity, "This profile has no values block to edit; edit the file instead.");
        }
    }

    [HttpPost("/editor/facts/{framework}/{attribute}/rechecked"), Authorize(Policy = Policies.Publish)]
    public async Task<IActionResult> Rechecked(string framework, string attribute, string? returnTo, CancellationToken ct)
    {
        if (await facts.FindAsync(framework, attribute, ct) is not { } fact) return NotFound();
        var outcome = await facts.RecheckedAsync(fact, User.Identity!.Name!, ct);
        TempData["Notice"] = outcome switch
        {
            Published => $"{fact.Framework.Name}: {fact.Attribute.Label} re-checked today.",
            null => "Only a recorded value can be re-checked; edit the fact instead.",
            _ => "Not re-checked: the profile changed or has a problem. Open the fact to see it.",
        };
        return returnTo == "stale" ? RedirectToAction("Stale") : RedirectToAction("Edit", new { framework, attribute });
    }

    static FactEdit? Edit(AttributeType type, FactForm form)
    {
        if (form.Unknown)
            return string.IsNullOrWhiteSpace(form.UnknownReason) ? null : new FactEdit(type, null, form.UnknownReason.Trim(), null, null, null);
        var day = DateOnly.TryParseExact(form.Checked?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : (DateOnly?)null;
        if (string.IsNullOrWhiteSpace(form.Value) || string.IsNullOrWhiteSpace(form.Source) || day is null) return null;
        return new FactEdit(type, form.Value.Trim(), null, form.Note, form.Source.Trim(), day);
    }

    static string Describe(FactEdit edit) => edit.IsUnknown ? $"marked unknown ({edit.UnknownReason})" : $"now “{edit.Value}”";

    ViewResult Refuse(FactEditor.Fact fact, FactForm form, ReviewItem? item, int status, string warning, IReadOnlyList<ContentProblem>? problems = null)
    {
        Response.StatusCode = status;
        return View("Edit", Page(fact, form, item) with { Warning = warning, Problems = problems ?? [] });
    }

    static FactViewModel Page(FactEditor.Fact fact, FactForm form, ReviewItem? item) =>
        new() { Framework = fact.Framework, Attribute = fact.Attribute, Current = fact.Value, Form = form, ReviewItem = item };

    static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;
}
