namespace FrameworkCompare.Web.Content;

/// <summary>Images for articles: files in the content folder's media/, served at /media/&lt;file&gt;.</summary>
public static class MediaFiles
{
    public const string Folder = "media";
    public const string UrlPrefix = "/" + Folder + "/";

    static readonly Dictionary<string, string> ContentTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        [".png"] = "image/png", [".jpg"] = "image/jpeg", [".jpeg"] = "image/jpeg", [".webp"] = "image/webp",
    };

    public static IReadOnlyDictionary<string, string> Types => ContentTypes;

    /// <summary>A plain file name (no folder, not a dot file) with one of the served image extensions.</summary>
    public static bool IsImageName(string name) =>
        name.Length > 0 && !name.StartsWith('.') && name.IndexOfAny(['/', '\\']) < 0 && ContentTypes.ContainsKey(Path.GetExtension(name));

    /// <summary>Whether a path relative to the content folder (media/x.png) is an image the site serves.</summary>
    public static bool IsImagePath(string relativePath) =>
        relativePath.StartsWith(Folder + "/", StringComparison.Ordinal) && IsImageName(relativePath[(Folder.Length + 1)..]);
}
