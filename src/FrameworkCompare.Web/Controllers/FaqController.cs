using FrameworkCompare.Web.Caching;
using FrameworkCompare.Web.Models;
using FrameworkCompare.Web.Services;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;

namespace FrameworkCompare.Web.Controllers;

public sealed class FaqController(FaqService faq) : Controller
{
    [HttpGet("/faq", Name = PagePaths.Faq)]
    [OutputCache(PolicyName = PageCache.FaqList)]
    public async Task<IActionResult> Index(CancellationToken ct) => View(await faq.TopicsAsync(ct));

    [HttpGet("/faq/{slug}", Name = RouteName)]
    [OutputCache(PolicyName = PageCache.FaqAnswer)]
    public async Task<IActionResult> Answer(string slug, CancellationToken ct) =>
        await faq.GetAsync(slug, ct) is { } model ? View(model)
            : await this.NotServedAsync(ContentKind.Faq, slug, to => Url.RouteUrl(RouteName, new { slug = to }), NotFound, ct);

    public const string RouteName = PagePaths.FaqAnswer;
}
