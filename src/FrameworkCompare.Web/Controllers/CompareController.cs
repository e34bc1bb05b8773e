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
        var all = await directory.ListAsync(ct);
        if (picked.Length == 0) return View(new Models.PickerViewModel(all, new HashSet<string>()));
        var outcome = await comparisons.PickAsync(picked, ct);
        // Too few, too many or a repeat: the form again with the reader's ticks kept and what to change.
        if (outcome is ComparisonService.Problem { Details.StatusCode: StatusCodes.Status400BadRequest })
        {
            var kept = ComparisonService.Picked(picked);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View(new Models.PickerViewModel(all, kept.ToHashSet(), PickProblem(kept)));
        }
        return Respond(outcome, keepQuery: false);
    }

    static string PickProblem(List<string> picked)
    {
        var count = picked.Distinct().Count();
        if (count != picked.Count) return "Each framework can be compared only once: pick each one a single time.";
        return count switch
        {
            0 => "Nothing was ticked: pick two to four frameworks to compare.",
            1 => "You picked one framework: pick at least one more to compare it with.",
            _ => $"You picked {count} frameworks: a comparison shows at most {ComparisonService.MaxFrameworks} side by side, so untick {count - ComparisonService.MaxFrameworks}.",
        };
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
