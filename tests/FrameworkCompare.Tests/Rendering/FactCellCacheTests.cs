using System.Text.Encodings.Web;
using FrameworkCompare.Tests.Infrastructure;
using FrameworkCompare.Web.Models;
using FrameworkCompare.Web.ReadModel;
using FrameworkCompare.Web.TagHelpers;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Razor.TagHelpers;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace FrameworkCompare.Tests.Rendering;

/// <summary>Facts tables take their cells from a per-snapshot cache: the same HTML the fact-cell tag helper writes, never a previous snapshot's.</summary>
public sealed class FactCellCacheTests(ShippedContentTests.ReviewDaySite shipped) : IClassFixture<ShippedContentTests.ReviewDaySite>
{
    static readonly string[] PathBases = ["", "/base"];

    [Fact]
    public async Task EveryShippedFactInEveryMarkIsTheTagHelpersHtmlAndIsMadeOnce()
    {
        var snapshot = shipped.Services.GetRequiredService<CurrentSnapshot>().Value;
        var links = shipped.Services.GetRequiredService<LinkGenerator>();
        var cache = await Serving(new FactCellCache(links, HtmlEncoder.Default), snapshot);
        var cells = (from f in snapshot.Frameworks
                     from a in snapshot.Catalog.Attributes
                     from marks in Enumerable.Range(0, 8)
                     select (a, Cell: new ComparisonCell(f, f.Values.FirstOrDefault(v => v.AttributeKey == a.Key), (marks & 1) != 0, (marks & 2) != 0, (marks & 4) != 0))).ToList();
        Assert.True(cells.Count > 5_000, $"only {cells.Count} cells: the shipped content was not loaded");
        // All first, then again: a key that left something out would hand a later cell an earlier one's HTML.
        var first = Every(cache, snapshot, cells);
        var again = Every(cache, snapshot, cells);
        var i = 0;
        foreach (var (a, cell) in cells)
            foreach (var report in new[] { true, false })
                foreach (var pathBase in PathBases)
                {
                    var expected = TagHelperHtml(links, a, cell, report, pathBase);
                    Assert.True(expected == Text(first[i]), $"{cell.Framework.Slug}/{a.Key} ({cell}, report {report}, base '{pathBase}'):\n{Text(first[i])}\nnot\n{expected}");
                    Assert.Same(first[i], again[i]);
                    i++;
                }
    }

    [Fact]
    public async Task ANewDaysMarksGetCellsOfTheirOwn()
    {
        var snapshot = shipped.Services.GetRequiredService<CurrentSnapshot>().Value;
        var cache = await Serving(new FactCellCache(shipped.Services.GetRequiredService<LinkGenerator>(), HtmlEncoder.Default), snapshot);
        var framework = snapshot.Frameworks[0];
        var value = framework.Values.First(v => v.Checked is not null);
        var attribute = snapshot.Catalog.Attributes.First(a => a.Key == value.AttributeKey);
        var fresh = Text(cache.Html(snapshot, attribute, new ComparisonCell(framework, value, IsStale: false), true, default));
        var stale = Text(cache.Html(snapshot, attribute, new ComparisonCell(framework, value, IsStale: true), true, default));
        var recent = Text(cache.Html(snapshot, attribute, new ComparisonCell(framework, value, IsStale: false, RecentlyChanged: true), true, default));
        Assert.DoesNotContain("possibly out of date", fresh);
        Assert.Contains("possibly out of date", stale);
        Assert.Contains("Changed recently", recent);
    }

    [Fact]
    public async Task ANewSnapshotStartsWithNoCellsAndAnOlderOneIsNotKept()
    {
        using var site = new SiteFactory();
        var current = site.Services.GetRequiredService<CurrentSnapshot>();
        var cache = await Serving(new FactCellCache(site.Services.GetRequiredService<LinkGenerator>(), HtmlEncoder.Default), current.Value);
        var before = current.Value;
        var (attribute, cell) = AnyCell(before);
        var cached = cache.Html(before, attribute, cell, true, default);
        Assert.Same(cached, cache.Html(before, attribute, cell, true, default));

        site.Content.Write("faq/new-question.md", TestContent.Faq("Is Flask small?", "[flask]"));
        await site.ImportAsync();
        var after = current.Value;
        Assert.NotSame(before, after);
        await Serving(cache, after);
        // The same framework and value objects may carry over into the new snapshot; its cells are still made afresh.
        var (newAttribute, newCell) = AnyCell(after);
        var made = cache.Html(after, newAttribute, newCell, true, default);
        Assert.Equal(Text(cached), Text(made));
        Assert.NotSame(cached, made);
        Assert.Same(made, cache.Html(after, newAttribute, newCell, true, default));
        // A request still reading the previous snapshot gets its cells written, not kept.
        Assert.NotSame(cache.Html(before, attribute, cell, true, default), cache.Html(before, attribute, cell, true, default));
    }

    [Fact]
    public void TheSiteRegistersTheCacheWithTheChangeListener()
    {
        var cache = shipped.Services.GetRequiredService<FactCellCache>();
        Assert.Contains(shipped.Services.GetServices<ISnapshotSubscriber>(), s => ReferenceEquals(s, cache));
    }

    static async Task<FactCellCache> Serving(FactCellCache cache, SiteSnapshot snapshot)
    {
        await ((ISnapshotSubscriber)cache).ApplyAsync(new SnapshotChange(null, snapshot, new HashSet<string>(), []), CancellationToken.None);
        return cache;
    }

    static (AttributeDefinition, ComparisonCell) AnyCell(SiteSnapshot snapshot)
    {
        var framework = snapshot.FrameworkBySlug["django"];
        var value = framework.Values.First();
        return (snapshot.Catalog.Attributes.First(a => a.Key == value.AttributeKey), new ComparisonCell(framework, value, false));
    }

    static List<IHtmlContent> Every(FactCellCache cache, SiteSnapshot snapshot, List<(AttributeDefinition Attribute, ComparisonCell Cell)> cells) =>
        [.. from c in cells from report in new[] { true, false } from pathBase in PathBases select cache.Html(snapshot, c.Attribute, c.Cell, report, new PathString(pathBase.Length == 0 ? null : pathBase))];

    static string TagHelperHtml(LinkGenerator links, AttributeDefinition attribute, ComparisonCell cell, bool report, string pathBase)
    {
        var http = new DefaultHttpContext();
        http.Request.PathBase = new PathString(pathBase.Length == 0 ? null : pathBase);
        var helper = new FactCellTagHelper(links) { Attribute = attribute, Cell = cell, ReportLink = report, ViewContext = new ViewContext { HttpContext = http } };
        var output = new TagHelperOutput("fact-cell", [], (_, _) => Task.FromResult<TagHelperContent>(new DefaultTagHelperContent()));
        helper.Process(new TagHelperContext([], new Dictionary<object, object>(), "cell"), output);
        return Text(output);
    }

    static string Text(IHtmlContent html)
    {
        using var writer = new StringWriter();
        html.WriteTo(writer, HtmlEncoder.Default);
        return writer.ToString();
    }
}
