using System.Globalization;
using System.Text.Encodings.Web;
using FrameworkCompare.Web.Models;
using FrameworkCompare.Web.Services;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace FrameworkCompare.Web.TagHelpers;

/// <summary>
/// <c>&lt;fact-cell attribute="…" cell="…" /&gt;</c>: one framework's fact as a table cell shows it (the value or why it is
/// unknown, its note, source, checked date and marks, then the history and report links), rendered inline.
/// </summary>
[HtmlTargetElement("fact-cell", TagStructure = TagStructure.WithoutEndTag)]
public sealed class FactCellTagHelper(LinkGenerator links) : TagHelper
{
    public AttributeDefinition Attribute { get; set; } = null!;
    public ComparisonCell Cell { get; set; } = null!;
    /// <summary>"History" when the fact had earlier values; off on the history page itself.</summary>
    public bool HistoryLink { get; set; } = true;
    /// <summary>"Report a problem"; off on the report page and in embeds.</summary>
    public bool ReportLink { get; set; } = true;

    [ViewContext, HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        output.TagName = null;
        var slug = Cell.Framework.Slug;
        var history = HistoryLink && Cell.HasHistory ? links.FactHistoryPath(slug, Attribute.Key) : null;
        var report = ReportLink
            ? links.GetPathByName(PagePaths.FactReport, new { framework = slug, attribute = Attribute.Key }, ViewContext.HttpContext.Request.PathBase)
            : null;
        output.Content.SetHtmlContent(new Html(Attribute, Cell, history, report));
    }

    sealed class Html(AttributeDefinition attribute, ComparisonCell cell, string? historyPath, string? reportPath) : IHtmlContent
    {
        public void WriteTo(TextWriter w, HtmlEncoder encoder)
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
                if (value.SourceUrl is not null || value.Checked is not null) WriteSource(w, encoder, value);
            }
            if (cell.RecentlyChanged) w.Write("<strong class=\"recent\">Changed recently</strong>\n");
            if (historyPath is not null) Link(w, encoder, "history", historyPath, "History");
            if (reportPath is not null) Link(w, encoder, "report", reportPath, "Report a problem");
        }

        void WriteSource(TextWriter w, HtmlEncoder encoder, FactValue value)
        {
            w.Write("<span class=\"source\">\n");
            if (value.SourceUrl is not null)
            {
                w.Write("<a href=\"");
                encoder.Encode(w, value.SourceUrl);
                w.Write("\" rel=\"nofollow\">Source</a>\n");
            }
            if (value.Checked is { } checkedOn)
            {
                w.Write("· checked <time datetime=\"");
                w.Write(checkedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                w.Write("\">");
                w.Write(checkedOn.ToString("d MMM yyyy", CultureInfo.InvariantCulture));
                w.Write("</time>\n");
            }
            if (cell.IsStale) w.Write("<strong class=\"stale\">possibly out of date</strong>\n");
            w.Write("</span>\n");
        }

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
}
