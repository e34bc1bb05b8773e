using FrameworkCompare.Web.Editing;
using FrameworkCompare.Web.Models;
using FrameworkCompare.Web.Services;
using Microsoft.AspNetCore.Mvc;

namespace FrameworkCompare.Web.Controllers;

/// <summary>Readers ask the editors a question; the answer, if any, becomes an FAQ entry. No public comment threads.</summary>
public sealed class QuestionsController(ReviewQueue reviews) : Controller
{
    [HttpGet("/questions/ask", Name = PagePaths.AskEditors)]
    public IActionResult Ask(string? about, bool sent) =>
        View(new QuestionViewModel(new QuestionForm { About = About(about) }, new Dictionary<string, string>(), sent));

    [HttpPost("/questions/ask")]
    public async Task<IActionResult> Ask(QuestionForm form, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(form.Website))
        {
            var errors = form.Errors();
            if (errors.Count > 0)
            {
                Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
                return View(new QuestionViewModel(form, errors, false));
            }
            await reviews.AddAsync(new ReviewItem
            {
                Kind = ReviewKind.Question, Origin = "reader", Message = ReaderText.Clean(form.Question),
                Path = About(form.About), ReporterEmail = ReaderText.Clean(form.Email),
            }, ct);
        }
        return RedirectToAction("Ask", new { about = About(form.About), sent = true });
    }

    /// <summary>Only a path of this site (/faq, /compare/django-vs-flask), so the field cannot carry anything else.</summary>
    static string? About(string? about) =>
        about is { Length: > 0 and <= 200 } && about.StartsWith('/') && !about.StartsWith("//") && about.All(c => char.IsAsciiLetterOrDigit(c) || c is '/' or '-')
            ? about : null;
}
