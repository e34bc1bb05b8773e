using FrameworkCompare.Web.Caching;
using FrameworkCompare.Web.Services;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;

namespace FrameworkCompare.Web.Controllers;

/// <summary>What crawlers and feed readers ask for: robots.txt, the sitemap and the Atom feed.</summary>
public sealed class RobotsController(SiteMapService siteMap) : Controller
{
    string Root => SiteUrl.Origin(Request);

    [HttpGet("/robots.txt")]
    [OutputCache(PolicyName = PageCache.Robots)]
    public IActionResult Robots() => Content($"""
        User-agent: *
        Allow: /
        Disallow: /content-status
        Disallow: /search
        Disallow: /facts/
        Disallow: /questions/
        Disallow: /account/
        Disallow: /editor/
        Sitemap: {Root}/sitemap.xml

        """, "text/plain; charset=utf-8");

    [HttpGet("/sitemap.xml", Name = PagePaths.SiteMap)]
    [OutputCache(PolicyName = PageCache.SiteMap)]
    public async Task<IActionResult> Sitemap(CancellationToken ct) =>
        File(await siteMap.SitemapAsync(Root, ct), "application/xml; charset=utf-8");

    [HttpGet("/feed.xml", Name = PagePaths.ArticlesFeed)]
    [OutputCache(PolicyName = PageCache.Feed)]
    public async Task<IActionResult> Feed(CancellationToken ct) =>
        File(await siteMap.FeedAsync(Root, ct), "application/atom+xml; charset=utf-8");
}
