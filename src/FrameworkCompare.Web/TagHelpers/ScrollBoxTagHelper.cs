using Microsoft.AspNetCore.Razor.TagHelpers;

namespace FrameworkCompare.Web.TagHelpers;

/// <summary>
/// <c>&lt;scroll-box label="…"&gt;</c> around anything wider than a phone (tables, charts): it scrolls inside a named
/// region that keyboard users can focus, instead of widening the page. Markdown tables get the same box from the renderer.
/// </summary>
[HtmlTargetElement("scroll-box")]
public sealed class ScrollBoxTagHelper : TagHelper
{
    /// <summary>What the region holds, read out by screen readers; or use <see cref="LabelledBy"/>.</summary>
    public string? Label { get; set; }

    /// <summary>The id of a visible heading or caption that names the region.</summary>
    public string? LabelledBy { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        if (string.IsNullOrWhiteSpace(Label) == string.IsNullOrWhiteSpace(LabelledBy))
            throw new InvalidOperationException("A scroll-box needs exactly one of label or labelled-by.");
        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", "table-scroll");
        output.Attributes.SetAttribute("role", "region");
        output.Attributes.SetAttribute("tabindex", "0");
        output.Attributes.SetAttribute(LabelledBy is null ? "aria-label" : "aria-labelledby", LabelledBy ?? Label);
    }
}
