namespace FrameworkCompare.Web.Checks;

/// <summary>How check results are shown in the workspace: addresses without query string, fragment or user information.</summary>
public static class SourceCheckDisplay
{
    /// <summary>Scheme, host, port and path only: a redirect target's query may carry a token the checked server handed out.</summary>
    public static string WithoutQuery(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri)
            ? uri.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped)
            : url.Split('?', '#')[0];

    /// <summary>Only http(s) addresses become links.</summary>
    public static bool IsLinkable(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https";
}
