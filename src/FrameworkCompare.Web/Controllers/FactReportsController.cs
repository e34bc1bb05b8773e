using FrameworkCompare.Web.Accounts;
using FrameworkCompare.Web.Editing;
using FrameworkCompare.Web.Models;
using FrameworkCompare.Web.Services;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace FrameworkCompare.Web.Controllers;

/// <summary>
/// Each value's "Report a problem" page: readers send a correction with evidence to the review queue; a signed-in
/// editor also gets "Edit this fact". Never output-cached, because its form carries a per-visitor token.
/// </summary>
public sealed class FactReportsController(FrameworkDirectory directory, ReviewQueue reviews, IAuthorizationService authorization, ILogger<FactReportsController> log) : Controller
{
    public const string RouteName = PagePaths.FactReport;

    [HttpGet("/facts/{framework}/{attribute}", Name = RouteName)]
    public async Task<IActionResult> Report(string framework, string attribute, bool sent, CancellationToken ct) =>
        await directory.FactAsync(framework, attribute, ct) is { } fact
            ? View(new FactReportViewModel(fact.Framework, fact.Attribute, fact.Cell, new ReportForm(), new Dictionary<string, string>(), sent, await CanEditAsync()))
            : NotFound();

    [HttpPost("/facts/{framework}/{attribute}")]
    public async Task<IActionResult> Report(string framework, string attribute, ReportForm form, CancellationToken ct)
    {
        if (await directory.FactAsync(framework, attribute, ct) is not { } fact) return NotFound();
        if (!string.IsNullOrEmpty(form.Website))
        {
            // A robot filled the hidden field: thank it like a person, keep nothing.
            log.LogInformation("Dropped a report on {Framework}/{Attribute} that filled the honeypot", framework, attribute);
            return RedirectToRoute(RouteName, new { framework, attribute, sent = true });
        }
        var errors = form.Errors();
        if (errors.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return View(new FactReportViewModel(fact.Framework, fact.Attribute, fact.Cell, form, errors, false, await CanEditAsync()));
        }
        var value = fact.Cell.Value;
        await reviews.AddAsync(new ReviewItem
        {
            Kind = ReviewKind.Report, Origin = "reader", FrameworkSlug = fact.Framework.Slug, AttributeKey = fact.Attribute.Key,
            CurrentValue = value is null ? "not recorded" : value.IsUnknown ? "unknown" : value.Value,
            ProposedValue = ReaderText.Clean(form.CorrectValue), EvidenceUrl = form.EvidenceUrl!.Trim(),
            Message = ReaderText.Clean(form.WhatIsWrong), ReporterEmail = ReaderText.Clean(form.Email),
        }, ct);
        return RedirectToRoute(RouteName, new { framework, attribute, sent = true });
    }

    async Task<bool> CanEditAsync() => (await authorization.AuthorizeAsync(User, Policies.Publish)).Succeeded;
}
