using System.Net;
using Markdig.Extensions.Tables;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace FrameworkCompare.Web.Content;

/// <summary>
/// Writes each Markdown table inside a scroll box that keyboard users can focus and screen readers can name, so a wide
/// table scrolls inside the article instead of widening the page on a phone. One instance per rendered document: it
/// numbers the document's tables.
/// </summary>
public sealed class ScrollingTableRenderer : HtmlObjectRenderer<Table>
{
    public const string BoxClass = "table-scroll";
    readonly HtmlTableRenderer table = new();
    int count;

    protected override void Write(HtmlRenderer renderer, Table block)
    {
        count++;
        renderer.EnsureLine();
        renderer.Write($"<div class=\"{BoxClass}\" role=\"region\" tabindex=\"0\" aria-label=\"{WebUtility.HtmlEncode(Label(block, count))}\">");
        // The public entry point: the typed Write is protected.
        table.Write((RendererBase)renderer, (MarkdownObject)block);
        renderer.EnsureLine();
        renderer.WriteLine("</div>");
    }

    /// <summary>"Table: Framework, Language, Async" from the header cells, or "Table 2" when the header is empty.</summary>
    internal static string Label(Table block, int number)
    {
        var header = block.OfType<TableRow>().FirstOrDefault(r => r.IsHeader);
        var names = header?.OfType<TableCell>()
            .Select(c => string.Concat(c.Descendants<LiteralInline>().Select(l => l.Content.ToString()).Concat(c.Descendants<CodeInline>().Select(i => i.Content))).Trim())
            .Where(n => n.Length > 0).ToList() ?? [];
        if (names.Count == 0) return $"Table {number}";
        var label = "Table: " + string.Join(", ", names);
        return label.Length <= 120 ? label : label[..119] + "…";
    }
}
