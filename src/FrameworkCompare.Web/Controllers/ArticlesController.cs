using FrameworkCompare.Web.Caching;
using FrameworkCompare.Web.Models;
using FrameworkCompare.Web.Services;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;

namespace FrameworkCompare.Web.Controllers;

public sealed class ArticlesController(ArticleService articles) : Controller
{
    [HttpGet("/articles", Name = PagePaths.Articles)]
    [OutputCache(PolicyName = PageCache.ArticleList)]
    public async Task<IActionResult> Index(CancellationToken ct) => View(await articles.ListAsync(ct));

    [HttpGet("/articles/{slug}", Name = RouteName)]
    [OutputCache(PolicyName = PageCache.Article)]
    public async Task<IActionResult> Article(string slug, CancellationToken ct) =>
        await articles.GetAsync(slug, ct) is { } model ? View(model)
            : await this.NotServedAsync(ContentKind.Article, slug, to => Url.RouteUrl(RouteName, new { slug = to }), NotFound, ct);

    public const string RouteName = PagePaths.Article;
}
