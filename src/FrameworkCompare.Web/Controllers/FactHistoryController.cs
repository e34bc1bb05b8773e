using System.Globalization;
using FrameworkCompare.Web.Caching;
using FrameworkCompare.Web.Models;
using FrameworkCompare.Web.Services;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;

namespace FrameworkCompare.Web.Controllers;

/// <summary>Each fact's earlier values, and the latest fact changes across the site (a page and an Atom feed, all or per framework).</summary>
public sealed class FactHistoryController(FactHistoryService history, LinkGenerator links, TimeProvider clock) : Controller
{
    [HttpGet("/facts/{framework}/{attribute}/history", Name = PagePaths.FactHistory)]
    [OutputCache(PolicyName = PageCache.Changes)]
    public async Task<IActionResult> History(string framework, string attribute, CancellationToken ct) =>
        await history.HistoryAsync(framework, attribute, ct) is { } model ? View(model) : NotFoundPage("No such fact", "We have no fact at this address: the framework or the attribute is unknown.");

    /// <summary>All changes; the filter form's ?framework= goes to that framework's own page, which a static copy can hold.</summary>
    [HttpGet("/changes", Name = PagePaths.Changes)]
    [OutputCache(PolicyName = PageCache.Changes, VaryByQueryKeys = ["framework"])]
    public async Task<IActionResult> Index(string? framework, CancellationToken ct)
    {
        if (!string.IsNullOrWhiteSpace(framework))
        {
            var slug = framework.Trim().ToLowerInvariant();
            return await history.ChangesAsync(slug, ct) is null ? UnknownFramework() : RedirectToRoute(PagePaths.FrameworkChanges, new { framework = slug });
        }
        return View("Index", await history.ChangesAsync(null, ct));
    }

    [HttpGet("/changes/{framework}", Name = PagePaths.FrameworkChanges)]
    [OutputCache(PolicyName = PageCache.Changes)]
    public async Task<IActionResult> Framework(string framework, CancellationToken ct) =>
        await history.ChangesAsync(framework, ct) is { } model ? View("Index", model) : UnknownFramework();

    [HttpGet("/changes/feed.xml", Name = PagePaths.ChangesFeed)]
    [OutputCache(PolicyName = PageCache.Changes)]
    public Task<IActionResult> Feed(CancellationToken ct) => FeedAsync(null, ct);

    [HttpGet("/changes/{framework}/feed.xml", Name = PagePaths.FrameworkChangesFeed)]
    [OutputCache(PolicyName = PageCache.Changes)]
    public Task<IActionResult> FrameworkFeed(string framework, CancellationToken ct) => FeedAsync(framework, ct);

    async Task<IActionResult> FeedAsync(string? framework, CancellationToken ct)
    {
        if (await history.ChangesAsync(framework, ct) is not { } model) return UnknownFramework();
        var root = SiteUrl.Origin(Request);
        var entries = model.Lines.Select(l => new AtomEntry(
            $"{root}{links.FactHistoryPath(l.Change.FrameworkSlug, l.Change.AttributeKey)}#{AnchorOf(l.Change)}",
            $"{l.FrameworkName}: {l.Attribute.Label} changed",
            l.Change.ChangedAt, l.Change.ChangedAt,
            $"{Describe(l.Attribute, l.Change.Old)} → {Describe(l.Attribute, l.Change.New)}",
            "FrameworkCompare editors")).ToList();
        var title = model.Framework is null ? "FrameworkCompare: what changed" : $"FrameworkCompare: what changed in {model.Framework.Name}'s facts";
        return File(AtomFeed.Write(title, root + links.ChangesPath(framework, feed: true), root + links.ChangesPath(framework), entries, clock.GetUtcNow()),
            "application/atom+xml; charset=utf-8");
    }

    /// <summary>A change's stable anchor on its fact's history page: rebuilt rows get new ids, but keep their time.</summary>
    public static string AnchorOf(FactChange change) => "change-" + change.ChangedAt.UtcDateTime.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);

    /// <summary>A fact state in words for feeds: the value with its unit (or "unknown"), and its source.</summary>
    public static string Describe(AttributeDefinition attribute, FactState state)
    {
        var value = state.Value is null ? "unknown"
            : attribute.Type == AttributeType.Number && double.TryParse(state.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var n)
                ? $"{n.ToString("#,0.##", CultureInfo.InvariantCulture)} {attribute.Unit}".TrimEnd()
                : string.Join(", ", state.Value.Split('\n'));
        return state.SourceUrl is null ? value : $"{value} (source {state.SourceUrl})";
    }

    IActionResult UnknownFramework() => NotFoundPage("Framework not found", "We have no framework by that name, so there are no changes to list.");

    IActionResult NotFoundPage(string title, string message)
    {
        Response.StatusCode = StatusCodes.Status404NotFound;
        return View("Problem", new ComparisonProblem(404, title, message, []));
    }
}
