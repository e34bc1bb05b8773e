using FrameworkCompare.Web.Caching;
using FrameworkCompare.Web.Models;
using FrameworkCompare.Web.Services;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;

namespace FrameworkCompare.Web.Controllers;

public sealed class AuthorsController(AuthorDirectory authors) : Controller
{
    public const string RouteName = PagePaths.Author;

    [HttpGet("/authors", Name = PagePaths.Authors)]
    [OutputCache(PolicyName = PageCache.AuthorList)]
    public async Task<IActionResult> Index(CancellationToken ct) => View(await authors.ListAsync(ct));

    [HttpGet("/authors/{slug}", Name = RouteName)]
    [OutputCache(PolicyName = PageCache.AuthorPage)]
    public async Task<IActionResult> Author(string slug, CancellationToken ct) =>
        await authors.GetAsync(slug, ct) is { } model ? View(model)
            : await this.NotServedAsync(ContentKind.Author, slug, to => Url.RouteUrl(RouteName, new { slug = to }), NotFound, ct);
}
