using AngleSharp.Dom;

namespace FrameworkCompare.Tests.Infrastructure;

/// <summary>
/// What a reader page may run: JSON-LD data, and the site's own script files from /js/ with nothing inline.
/// Anything else (inline code, another origin, a path outside /js/) is a script the CSP would have to block.
/// </summary>
public static class PageScripts
{
    public static bool IsAllowed(IElement script) =>
        script.GetAttribute("type") == "application/ld+json"
        || (script.GetAttribute("src") is { } src && src.StartsWith("/js/", StringComparison.Ordinal) && !src.Contains("//", StringComparison.Ordinal)
            && string.IsNullOrWhiteSpace(script.TextContent));

    public static IEnumerable<IElement> Disallowed(IParentNode page) => page.QuerySelectorAll("script").Where(s => !IsAllowed(s));
}
