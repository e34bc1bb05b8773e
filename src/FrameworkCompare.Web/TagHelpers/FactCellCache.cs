using System.Collections.Concurrent;
using System.Text.Encodings.Web;
using FrameworkCompare.Web.Models;
using FrameworkCompare.Web.ReadModel;
using FrameworkCompare.Web.Services;
using Microsoft.AspNetCore.Html;

namespace FrameworkCompare.Web.TagHelpers;

/// <summary>
/// Each fact cell's HTML, written once per snapshot and then given to every facts table that shows it: a comparison
/// has a few hundred cells, and a tag helper per cell was most of the page's render. The key holds everything the HTML
/// depends on (the snapshot's framework, attribute and value objects, today's marks, the links shown, the path base),
/// so a new day's "possibly out of date" gets a cell of its own. Only the served snapshot's cells are kept: a request
/// still reading the previous one renders its cells afresh.
/// </summary>
public sealed class FactCellCache(LinkGenerator links, HtmlEncoder encoder) : ISnapshotSubscriber
{
    /// <summary>A bound on what one snapshot's tables can ask for (every fact in each of its mark variants), not a working limit.</summary>
    const int MaxCells = 100_000;
    Cells? served;

    public IHtmlContent Html(SiteSnapshot snapshot, AttributeDefinition attribute, ComparisonCell cell, bool reportLink, PathString pathBase)
    {
        var cells = Volatile.Read(ref served);
        if (cells?.Snapshot != snapshot) return Render(attribute, cell, reportLink, pathBase);
        var marks = (cell.IsStale ? 1 : 0) | (cell.RecentlyChanged ? 2 : 0) | (cell.HasHistory ? 4 : 0) | (reportLink ? 8 : 0);
        var key = new CellKey(cell.Framework, attribute, cell.Value, marks, pathBase.Value ?? "");
        if (cells.Html.TryGetValue(key, out var html)) return html;
        html = Render(attribute, cell, reportLink, pathBase);
        // A draft's framework (the workspace's preview) is not the snapshot's: its cells would never be asked for again.
        if (cells.Html.Count < MaxCells && snapshot.FrameworkBySlug.GetValueOrDefault(cell.Framework.Slug) == cell.Framework) cells.Html.TryAdd(key, html);
        return html;
    }

    HtmlString Render(AttributeDefinition attribute, ComparisonCell cell, bool reportLink, PathString pathBase)
    {
        var (history, report) = Links(links, attribute, cell, historyLink: true, reportLink, pathBase);
        using var writer = new StringWriter();
        FactCellHtml.Write(writer, encoder, attribute, cell, history, report);
        return new HtmlString(writer.ToString());
    }

    /// <summary>The cell's history and report links, or null for those it does not show.</summary>
    public static (string? History, string? Report) Links(LinkGenerator links, AttributeDefinition attribute, ComparisonCell cell,
        bool historyLink, bool reportLink, PathString pathBase)
    {
        var slug = cell.Framework.Slug;
        var history = historyLink && cell.HasHistory ? links.FactHistoryPath(slug, attribute.Key) : null;
        var report = reportLink ? links.GetPathByName(PagePaths.FactReport, new { framework = slug, attribute = attribute.Key }, pathBase) : null;
        return (history, report);
    }

    public ValueTask ApplyAsync(SnapshotChange change, CancellationToken ct)
    {
        Volatile.Write(ref served, new Cells(change.Current));
        return ValueTask.CompletedTask;
    }

    sealed class Cells(SiteSnapshot snapshot)
    {
        public SiteSnapshot Snapshot => snapshot;
        public ConcurrentDictionary<CellKey, HtmlString> Html { get; } = new();
    }

    /// <summary>Framework, attribute and value compare as references: a snapshot's objects are never changed.</summary>
    readonly record struct CellKey(Framework Framework, AttributeDefinition Attribute, FactValue? Value, int Marks, string PathBase);
}
