using FrameworkCompare.Web.Services;
using Microsoft.AspNetCore.Mvc;

namespace FrameworkCompare.Web.Controllers;

public sealed class ArticlesController(ArticleService articles) : Controller
{
    [HttpGet("/articles")]
    public async Task<IActionResult> Index(CancellationToken ct) => View(await articles.ListAsync(ct));

    [HttpGet("/articles/{slug}")]
    public async Task<IActionResult> Article(string slug, CancellationToken ct) =>
        await articles.GetAsync(slug, ct) is { } model ? View(model) : NotFound();
}
