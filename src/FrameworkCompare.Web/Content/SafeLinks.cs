using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace FrameworkCompare.Web.Content;

/// <summary>Removes links and images whose target is not http, https, mailto or relative.</summary>
public static class SafeLinks
{
    static readonly string[] AllowedSchemes = ["http", "https", "mailto"];

    public static bool IsSafe(string? url)
    {
        if (string.IsNullOrEmpty(url)) return true;
        // Browsers ignore whitespace and control characters inside a scheme ("java\tscript:").
        var cleaned = new string(url.Where(c => !char.IsWhiteSpace(c) && !char.IsControl(c)).ToArray());
        var colon = cleaned.IndexOf(':');
        if (colon < 0) return true;
        var firstDelimiter = cleaned.IndexOfAny(['/', '?', '#']);
        if (firstDelimiter >= 0 && firstDelimiter < colon) return true;
        var scheme = cleaned[..colon].ToLowerInvariant();
        return AllowedSchemes.Contains(scheme);
    }

    public static List<(int Line, string Message)> Enforce(MarkdownDocument document)
    {
        var removed = new List<(int, string)>();
        foreach (var link in document.Descendants<LinkInline>().ToList())
        {
            if (IsSafe(link.Url)) continue;
            removed.Add((link.Line, $"unsafe {(link.IsImage ? "image" : "link")} target '{Shorten(link.Url)}' removed: use http, https, mailto or a relative URL"));
            ReplaceWithChildren(link);
        }
        foreach (var autolink in document.Descendants<AutolinkInline>().ToList())
        {
            if (IsSafe(autolink.Url)) continue;
            removed.Add((autolink.Line, $"unsafe link target '{Shorten(autolink.Url)}' removed"));
            autolink.ReplaceBy(new LiteralInline(autolink.Url));
        }
        return removed;
    }

    static void ReplaceWithChildren(LinkInline link)
    {
        // An image keeps its alt text; a link keeps its text. Neither keeps the target.
        var child = link.FirstChild;
        while (child is not null)
        {
            var next = child.NextSibling;
            child.Remove();
            link.InsertBefore(child);
            child = next;
        }
        link.Remove();
    }

    static string Shorten(string? url) => url is null ? "" : url.Length <= 40 ? url : url[..40] + "…";
}
