using FrameworkCompare.Web.Caching;
using FrameworkCompare.Web.Services;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;

namespace FrameworkCompare.Web.Controllers;

public sealed class CompareController(ComparisonService comparisons, FrameworkDirectory directory, VerdictService verdicts) : Controller
{
    /// <summary>The picker: /compare?f=flask&amp;f=django lands on the canonical comparison.</summary>
    [HttpGet("/compare", Name = PagePaths.Picker)]
    [OutputCache(PolicyName = PageCache.Picker)]
    public async Task<IActionResult> Pick([FromQuery(Name = "f")] string?[] picked, CancellationToken ct)
    {
        if (picked.Length == 0) return View(await directory.ListAsync(ct));
        return Respond(await comparisons.PickAsync(picked, ct), keepQuery: false);
    }

    [HttpGet("/compare/{selection}")]
    [OutputCache(PolicyName = PageCache.Comparison)]
    public async Task<IActionResult> Index(string selection, string? only, string? format, CancellationToken ct)
    {
        // Model binding turns a whitespace-only segment into null.
        var outcome = await comparisons.BuildAsync(selection ?? "", only == "differences", ct);
        if (outcome is ComparisonService.Found found && format is not null)
        {
            return format switch
            {
                "csv" => File(ComparisonExport.ToCsv(found.Model), "text/csv; charset=utf-8", $"{selection}.csv"),
                "json" => File(ComparisonExport.ToJson(found.Model), "application/json; charset=utf-8", $"{selection}.json"),
                _ => Problem(400, "Unknown format", "Export formats are csv and json."),
            };
        }
        if (outcome is ComparisonService.Found page)
        {
            page.Model.Verdict = verdicts.Build(page.Model, Request.Query);
            // A verdict's address lists only the weights that differ from the defaults, whatever the form sent.
            if (page.Model.Verdict?.SharePath is { } share && share != page.Model.CanonicalPath + Request.QueryString.Value)
                return Redirect(share + "#" + VerdictQuery.Marker);
        }
        return Respond(outcome, keepQuery: true);
    }

    IActionResult Respond(ComparisonService.Outcome outcome, bool keepQuery) => outcome switch
    {
        ComparisonService.MovedTo moved => RedirectPermanent(moved.Path + (keepQuery ? Request.QueryString : "")),
        ComparisonService.Problem problem => Problem(problem.Details),
        _ => View("Index", ((ComparisonService.Found)outcome).Model),
    };

    ViewResult Problem(Models.ComparisonProblem details)
    {
        Response.StatusCode = details.StatusCode;
        return View("Problem", details);
    }

    ViewResult Problem(int status, string title, string message) => Problem(new(status, title, message, []));
}
