using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Primitives;

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

/// <summary>
/// content/media/ for the static-file middleware, opened through <see cref="ContentFiles"/>: an image name directly
/// in the folder that is a regular file with one link, never a listing. No physical path is handed out, so the
/// middleware cannot send the file by its name (which would follow a link).
/// </summary>
public sealed class MediaFileProvider(string contentRoot) : IFileProvider
{
    public IFileInfo GetFileInfo(string subpath)
    {
        var name = subpath.TrimStart('/');
        if (!MediaFiles.IsImageName(name)) return new NotFoundFileInfo(name);
        var path = $"{MediaFiles.Folder}/{name}";
        try
        {
            return ContentFiles.Stat(contentRoot, path) is { } info ? new Image(contentRoot, path, name, info) : new NotFoundFileInfo(name);
        }
        catch (IOException)
        {
            // Refused (a link, a FIFO, a hard link: the import lists it) or unreadable: either way not served.
            return new NotFoundFileInfo(name);
        }
    }

    public IDirectoryContents GetDirectoryContents(string subpath) => NotFoundDirectoryContents.Singleton;

    public IChangeToken Watch(string filter) => NullChangeToken.Singleton;

    sealed class Image(string root, string path, string name, ContentFileInfo info) : IFileInfo
    {
        public bool Exists => true;
        public long Length => info.Length;
        public string? PhysicalPath => null;
        public string Name => name;
        public DateTimeOffset LastModified => info.LastModified;
        public bool IsDirectory => false;

        // Opened and checked again: what was checked a moment ago may have been swapped for a link since.
        public Stream CreateReadStream() => ContentFiles.OpenRead(root, path) ?? throw new FileNotFoundException(null, name);
    }
}
