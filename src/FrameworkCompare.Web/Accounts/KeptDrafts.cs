using FrameworkCompare.Web.Models;

namespace FrameworkCompare.Web.Accounts;

/// <summary>Which kept-draft paths are acceptable, and where the editor continues with one.</summary>
public static class KeptDrafts
{
    /// <summary>A path relative inside content/, such as articles/django-vs-flask.md.</summary>
    public static bool IsContentPath(string? path) =>
        !string.IsNullOrWhiteSpace(path) && path.Length <= 260 && !path.StartsWith('/') && !path.Contains('\\')
        && path.Split('/').All(segment => segment.Length > 0 && segment != ".." && segment != ".")
        && !path.Any(char.IsControl);

    public static string EditUrl(string path) => "/editor/edit/" + string.Join('/', path.Split('/').Select(Uri.EscapeDataString));

    public static bool IsAcceptable(KeptDraft? keep) => keep is null || !keep.IsPresent || IsContentPath(keep.Path);
}
