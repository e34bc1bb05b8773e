using System.Globalization;
using System.Text.Encodings.Web;
using FrameworkCompare.Web.Models;

namespace FrameworkCompare.Web.TagHelpers;

/// <summary>
/// A fact's value as HTML, written straight to the page: it appears in every table cell, so it is plain code
/// rather than a partial view, which costs a view lookup and a view-data copy each time.
/// </summary>
static class FactHtml
{
    public static void WriteValue(TextWriter w, HtmlEncoder encoder, AttributeDefinition attribute, string value)
    {
        switch (attribute.Type)
        {
            case AttributeType.YesNo:
                w.Write("<span class=\"value yesno ");
                encoder.Encode(w, value);
                w.Write("\">");
                w.Write(value switch { "yes" => "Yes", "no" => "No", _ => "Partial" });
                w.Write("</span>");
                break;
            case AttributeType.Number:
                w.Write("<span class=\"value number\">");
                w.Write(double.Parse(value, CultureInfo.InvariantCulture).ToString("#,0.##", CultureInfo.InvariantCulture));
                w.Write(' ');
                if (attribute.Unit is not null) encoder.Encode(w, attribute.Unit);
                w.Write("</span>");
                break;
            case AttributeType.List:
                w.Write("<ul class=\"value list\">\n");
                foreach (var item in value.Split('\n'))
                {
                    w.Write("<li>");
                    encoder.Encode(w, item);
                    w.Write("</li>\n");
                }
                w.Write("</ul>");
                break;
            case AttributeType.Date:
                var date = DateOnly.ParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture);
                w.Write("<time class=\"value\" datetime=\"");
                encoder.Encode(w, value);
                w.Write("\">");
                w.Write(date.ToString("d MMM yyyy", CultureInfo.InvariantCulture));
                w.Write("</time>");
                break;
            case AttributeType.Url:
                w.Write("<a class=\"value\" href=\"");
                encoder.Encode(w, value);
                w.Write("\">");
                encoder.Encode(w, value);
                w.Write("</a>");
                break;
            default:
                Span(w, encoder, "value", value);
                break;
        }
    }

    /// <summary>An explicit unknown and why.</summary>
    public static void WriteUnknown(TextWriter w, HtmlEncoder encoder, string? reason)
    {
        w.Write("<span class=\"value unknown\">Unknown</span>\n");
        Span(w, encoder, "note", reason);
    }

    public static void Span(TextWriter w, HtmlEncoder encoder, string cssClass, string? text)
    {
        w.Write("<span class=\"");
        w.Write(cssClass);
        w.Write("\">");
        if (text is not null) encoder.Encode(w, text);
        w.Write("</span>");
    }
}
