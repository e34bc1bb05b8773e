using FrameworkCompare.Web.Services;
using Microsoft.AspNetCore.Mvc;

namespace FrameworkCompare.Web.Controllers;

public sealed class CompareController(ComparisonService comparisons) : Controller
{
    [HttpGet("/compare/{selection}")]
    public async Task<IActionResult> Index(string selection, string? only, CancellationToken ct)
    {
        var outcome = await comparisons.BuildAsync(selection, only == "differences", ct);
        switch (outcome)
        {
            case ComparisonService.MovedTo moved:
                return RedirectPermanent(moved.Path + Request.QueryString);
            case ComparisonService.Problem problem:
                Response.StatusCode = problem.Details.StatusCode;
                return View("Problem", problem.Details);
            default:
                return View(((ComparisonService.Found)outcome).Model);
        }
    }
}
