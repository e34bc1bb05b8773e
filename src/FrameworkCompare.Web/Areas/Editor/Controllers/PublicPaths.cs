using FrameworkCompare.Web.Controllers;
using FrameworkCompare.Web.Models;
using Microsoft.AspNetCore.Mvc;

namespace FrameworkCompare.Web.Areas.Editor.Controllers;

static class PublicPaths
{
    /// <summary>Where readers see a content file, from the public routes.</summary>
    public static string? For(this IUrlHelper url, ContentKind kind, string? slug) => (kind, slug) switch
    {
        (ContentKind.Catalog, _) => url.Action("Index", "Frameworks", new { area = "" }),
        (_, null) => null,
        (ContentKind.Framework, _) => url.RouteUrl(FrameworksController.RouteName, new { slug }),
        (ContentKind.Article, _) => url.RouteUrl(ArticlesController.RouteName, new { slug }),
        (ContentKind.Author, _) => url.RouteUrl(AuthorsController.RouteName, new { slug }),
        _ => url.RouteUrl(FaqController.RouteName, new { slug }),
    };
}
