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

    public string FullPath => System.IO.Path.GetFullPath(Path);

    /// <summary>Where article images are kept and served from.</summary>
    public string MediaPath => System.IO.Path.Combine(FullPath, MediaFiles.Folder);
}
