using FrameworkCompare.Web.Services;
using Microsoft.AspNetCore.Mvc;

namespace FrameworkCompare.Web.Controllers;

/// <summary>What crawlers and feed readers ask for: robots.txt, the sitemap and the Atom feed.</summary>
public sealed class RobotsController(SiteMapService siteMap) : Controller
{
    string Root => $"{Request.Scheme}://{Request.Host}{Request.PathBase}";

    [HttpGet("/robots.txt")]
    public IActionResult Robots() => Content($"""
        User-agent: *
        Allow: /
        Disallow: /content-status
        Disallow: /search
        Sitemap: {Root}/sitemap.xml

        """, "text/plain; charset=utf-8");

    [HttpGet("/sitemap.xml")]
    public async Task<IActionResult> Sitemap(CancellationToken ct) =>
        File(await siteMap.SitemapAsync(Root, ct), "application/xml; charset=utf-8");

    [HttpGet("/feed.xml")]
    public async Task<IActionResult> Feed(CancellationToken ct) =>
        File(await siteMap.FeedAsync(Root, ct), "application/atom+xml; charset=utf-8");
}
