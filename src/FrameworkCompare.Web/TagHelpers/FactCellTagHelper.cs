using System.Text.Encodings.Web;
using FrameworkCompare.Web.Models;
using FrameworkCompare.Web.Services;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace FrameworkCompare.Web.TagHelpers;

/// <summary>
/// <c>&lt;fact-cell attribute="…" cell="…" /&gt;</c>: one fact as <see cref="FactCellHtml"/> writes it, for pages that show
/// a single cell. Facts tables take their cells from <see cref="FactCellCache"/> instead.
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
        var (history, report) = FactCellCache.Links(links, Attribute, Cell, HistoryLink, ReportLink, ViewContext.HttpContext.Request.PathBase);
        output.Content.SetHtmlContent(new Html(Attribute, Cell, history, report));
    }

    sealed class Html(AttributeDefinition attribute, ComparisonCell cell, string? historyPath, string? reportPath) : IHtmlContent
    {
        public void WriteTo(TextWriter w, HtmlEncoder encoder) => FactCellHtml.Write(w, encoder, attribute, cell, historyPath, reportPath);
    }
}
