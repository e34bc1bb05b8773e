using System.Globalization;
using System.Text.Encodings.Web;
using FrameworkCompare.Web.Models;

namespace FrameworkCompare.Web.TagHelpers;

/// <summary>
/// One framework's fact as a table cell shows it: the value or why it is unknown, its note, source, checked date and
/// marks, then the history and report links. Written by the fact-cell tag helper and, once per snapshot, by <see cref="FactCellCache"/>.
/// </summary>
static class FactCellHtml
{
    public static void Write(TextWriter w, HtmlEncoder encoder, AttributeDefinition attribute, ComparisonCell cell, string? historyPath, string? reportPath)
    {
        if (cell.Value is not { } value)
            w.Write("<span class=\"value unrecorded\">Not recorded</span>\n");
        else
        {
            if (value.IsUnknown) FactHtml.WriteUnknown(w, encoder, value.UnknownReason);
            else
            {
                FactHtml.WriteValue(w, encoder, attribute, value.Value!);
                if (value.Note is not null)
                {
                    w.Write('\n');
                    FactHtml.Span(w, encoder, "note", value.Note);
                }
            }
            w.Write('\n');
            if (value.SourceUrl is not null || value.Checked is not null) WriteSource(w, encoder, value, cell.IsStale);
        }
        if (cell.RecentlyChanged) w.Write("<strong class=\"recent\">Changed recently</strong>\n");
        if (historyPath is not null) Link(w, encoder, "history", historyPath, "History");
        if (reportPath is not null) Link(w, encoder, "report", reportPath, "Report a problem");
    }

    static void WriteSource(TextWriter w, HtmlEncoder encoder, FactValue value, bool stale)
    {
        w.Write("<span class=\"source\">\n");
        if (value.SourceUrl is not null)
        {
            // Named by its site, so a reader sees whose word it is before following it.
            w.Write("from <a href=\"");
            encoder.Encode(w, value.SourceUrl);
            w.Write("\" rel=\"nofollow\">");
            encoder.Encode(w, SiteOf(value.SourceUrl));
            w.Write("</a>\n");
        }
        if (value.Checked is { } checkedOn)
        {
            w.Write("· checked <time datetime=\"");
            w.Write(checkedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            w.Write("\">");
            w.Write(checkedOn.ToString("d MMM yyyy", CultureInfo.InvariantCulture));
            w.Write("</time>\n");
        }
        if (stale) w.Write("<strong class=\"stale\">possibly out of date</strong>\n");
        w.Write("</span>\n");
    }

    /// <summary>The source's host without "www." ("docs.djangoproject.com"), or "source" for an address without one.</summary>
    public static string SiteOf(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Host.Length > 0
            ? (uri.Host.StartsWith("www.", StringComparison.OrdinalIgnoreCase) ? uri.Host[4..] : uri.Host)
            : "source";

    static void Link(TextWriter w, HtmlEncoder encoder, string cssClass, string href, string text)
    {
        w.Write("<a class=\"");
        w.Write(cssClass);
        w.Write("\" href=\"");
        encoder.Encode(w, href);
        w.Write("\">");
        w.Write(text);
        w.Write("</a>\n");
    }
}
