namespace FrameworkCompare.Web.Editing;

public sealed class EditorOptions
{
    public const string Section = "Editor";

    /// <summary>Commit each publish to git when content/ is inside a git work tree.</summary>
    public bool GitCommit { get; set; } = true;

    /// <summary>Read the git history of content/ (when it is inside a git work tree) for the facts' history.</summary>
    public bool GitHistory { get; set; } = true;

    /// <summary>The git program.</summary>
    public string Git { get; set; } = "git";
}
