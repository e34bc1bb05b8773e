namespace FrameworkCompare.Web.Content;

public sealed class ContentOptions
{
    public const string Section = "Content";

    /// <summary>The content folder; a relative path is taken from the working directory.</summary>
    public string Path { get; set; } = "content";

    /// <summary>Re-import when files change.</summary>
    public bool Watch { get; set; } = true;

    /// <summary>How long after a fact was checked it is shown as possibly stale.</summary>
    public int StaleAfterMonths { get; set; } = 18;

    string? resolved;

    /// <summary>
    /// The folder's real path. Content:Path may itself be a symbolic link: it is resolved the first time it is asked
    /// for (at start-up) and kept, so every later read is checked against the same folder. Links inside it are refused.
    /// </summary>
    public string FullPath
    {
        get
        {
            if (resolved is not null) return resolved;
            var real = ContentFiles.RealPath(Path);
            // A missing folder is reported by the importer; it is resolved once it exists.
            if (Directory.Exists(real)) resolved = real;
            return real;
        }
    }

    /// <summary>Where article images are kept and served from.</summary>
    public string MediaPath => System.IO.Path.Combine(FullPath, MediaFiles.Folder);
}
