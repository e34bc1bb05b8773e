using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace FrameworkCompare.Web.Content;

/// <summary>
/// Refuses a parsed Markdown document whose elements nest too deep or are too many, before anything recursive (the
/// HTML renderer, Descendants) walks it. The walk itself keeps its own stack.
/// </summary>
public static class MarkdownGuard
{
    /// <summary>
    /// Before parsing: a line that opens more quotes and list items than the depth limit ("&gt; &gt; - - …") is refused
    /// in one linear pass, since Markdig would spend seconds on it before its own limit stops it.
    /// </summary>
    /// <returns>The line (0-based, within the body) and message, or null.</returns>
    public static (int Line, string Message)? CheckLines(string markdown, ParseLimits limits)
    {
        var line = 0;
        foreach (var text in markdown.AsSpan().EnumerateLines())
        {
            var depth = 0;
            var i = 0;
            while (i < text.Length && depth <= limits.MaxDepth)
            {
                while (i < text.Length && text[i] is ' ' or '\t') i++;
                if (i < text.Length && text[i] == '>') { depth++; i++; continue; }
                if (i + 1 < text.Length && text[i] is '-' or '*' or '+' && text[i + 1] is ' ' or '\t') { depth++; i += 2; continue; }
                var digits = i;
                while (digits < text.Length && char.IsAsciiDigit(text[digits]) && digits - i < 9) digits++;
                if (digits > i && digits + 1 < text.Length && text[digits] is '.' or ')' && text[digits + 1] is ' ' or '\t') { depth++; i = digits + 2; continue; }
                break;
            }
            if (depth > limits.MaxDepth) return (line, $"the Markdown nests deeper than {limits.MaxDepth} levels (quotes and list items inside each other)");
            line++;
        }
        return null;
    }

    /// <returns>The line (0-based, within the body) and message of the first limit crossed, or null.</returns>
    public static (int Line, string Message)? Check(MarkdownDocument document, ParseLimits limits)
    {
        var pending = new Stack<(MarkdownObject Node, int Depth)>();
        pending.Push((document, 0));
        var count = 0;
        while (pending.TryPop(out var item))
        {
            var (node, depth) = item;
            if (depth > limits.MaxDepth) return (node.Line, $"the Markdown nests deeper than {limits.MaxDepth} levels (quotes, lists, links or emphasis inside each other)");
            if (++count > limits.MaxNodes) return (node.Line, $"the Markdown has more than {limits.MaxNodes:N0} elements");
            switch (node)
            {
                case ContainerBlock container:
                    foreach (var child in container) pending.Push((child, depth + 1));
                    break;
                case LeafBlock { Inline: { } inline }:
                    pending.Push((inline, depth + 1));
                    break;
                case ContainerInline inlines:
                    for (var child = inlines.FirstChild; child is not null; child = child.NextSibling) pending.Push((child, depth + 1));
                    break;
            }
        }
        return null;
    }
}
