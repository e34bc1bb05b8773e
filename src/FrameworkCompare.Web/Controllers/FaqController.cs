using FrameworkCompare.Web.Caching;
using FrameworkCompare.Web.Services;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;

namespace FrameworkCompare.Web.Controllers;

public sealed class FaqController(FaqService faq) : Controller
{
    [HttpGet("/faq")]
    [OutputCache(PolicyName = PageCache.FaqList)]
    public async Task<IActionResult> Index(CancellationToken ct) => View(await faq.TopicsAsync(ct));

    [HttpGet("/faq/{slug}")]
    [OutputCache(PolicyName = PageCache.FaqAnswer)]
    public async Task<IActionResult> Answer(string slug, CancellationToken ct) =>
        await faq.GetAsync(slug, ct) is { } model ? View(model) : NotFound();
}
