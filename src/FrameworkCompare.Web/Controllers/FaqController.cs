using FrameworkCompare.Web.Services;
using Microsoft.AspNetCore.Mvc;

namespace FrameworkCompare.Web.Controllers;

public sealed class FaqController(FaqService faq) : Controller
{
    [HttpGet("/faq")]
    public async Task<IActionResult> Index(CancellationToken ct) => View(await faq.TopicsAsync(ct));

    [HttpGet("/faq/{slug}")]
    public async Task<IActionResult> Answer(string slug, CancellationToken ct) =>
        await faq.GetAsync(slug, ct) is { } model ? View(model) : NotFound();
}
