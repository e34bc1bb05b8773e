using System.Text.Encodings.Web;
using FrameworkCompare.Web.Models;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace FrameworkCompare.Web.TagHelpers;

/// <summary><c>&lt;fact-state attribute="…" state="…" /&gt;</c>: a fact as one version held it, in the history tables.</summary>
[HtmlTargetElement("fact-state", TagStructure = TagStructure.WithoutEndTag)]
public sealed class FactStateTagHelper : TagHelper
{
    public AttributeDefinition Attribute { get; set; } = null!;
    public FactState State { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        output.TagName = null;
        output.Content.SetHtmlContent(new Html(Attribute, State));
    }

    sealed class Html(AttributeDefinition attribute, FactState state) : IHtmlContent
    {
        public void WriteTo(TextWriter w, HtmlEncoder encoder)
        {
            if (state.Value is { } value) FactHtml.WriteValue(w, encoder, attribute, value);
            else FactHtml.WriteUnknown(w, encoder, state.UnknownReason);
        }
    }
}
