using FrameworkCompare.Web.Caching;
using FrameworkCompare.Web.Services;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;

namespace FrameworkCompare.Web.Controllers;

public sealed class ArticlesController(ArticleService articles) : Controller
{
    [HttpGet("/articles")]
    [OutputCache(PolicyName = PageCache.ArticleList)]
    public async Task<IActionResult> Index(CancellationToken ct) => View(await articles.ListAsync(ct));

    [HttpGet("/articles/{slug}")]
    [OutputCache(PolicyName = PageCache.Article)]
    public async Task<IActionResult> Article(string slug, CancellationToken ct) =>
        await articles.GetAsync(slug, ct) is { } model ? View(model) : NotFound();
}
