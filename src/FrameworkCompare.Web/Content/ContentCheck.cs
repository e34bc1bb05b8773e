using FrameworkCompare.Web.Models;

namespace FrameworkCompare.Web.Content;

/// <summary>Validates a whole content folder, optionally as it would be with one file changed, added or removed.</summary>
public static class ContentCheck
{
    /// <summary>A planner whose renderer checks media links against <paramref name="root"/>; cheap, the Markdown pipeline is shared.</summary>
    public static ContentPlanner PlannerFor(string root)
    {
        var markdown = new MarkdownRenderer(root);
        return new(new FrameworkParser(markdown, TimeProvider.System), new DocumentParser(markdown), TimeProvider.System, new ParseCounter());
    }

    /// <summary>Every problem, ordered by file and line.</summary>
    public static List<ContentProblem> Problems(string root, ContentPlanner? planner = null) =>
        Problems(ContentScanner.Scan(root), planner);

    /// <summary>
    /// The problems of the folder with <paramref name="path"/> holding <paramref name="bytes"/> (null: deleted). Given what the
    /// database holds (<paramref name="served"/>), only the files that differ from it are parsed, plus those the change
    /// reaches (every profile for a new catalog, every article and FAQ answer when the set of frameworks changes).
    /// </summary>
    public static List<ContentProblem> ProblemsWith(string root, string path, byte[]? bytes, ContentPlanner? planner = null, ContentState? served = null) =>
        Ordered(PlanWith(root, path, bytes, planner, served).Problems);

    /// <summary>The import the change would make: its records name the files that were parsed again.</summary>
    public static ImportPlan PlanWith(string root, string path, byte[]? bytes, ContentPlanner? planner = null, ContentState? served = null) =>
        (planner ?? PlannerFor(root)).Plan(FolderWith(root, path, bytes), served ?? ContentState.Empty);

    /// <summary>A scan of the folder as it would be with <paramref name="path"/> holding <paramref name="bytes"/> (null: deleted).</summary>
    public static ScanResult FolderWith(string root, string path, byte[]? bytes)
    {
        var scan = ContentScanner.Scan(root);
        scan.Sources.RemoveAll(s => s.Path == path);
        scan.Ignored.Remove(path);
        // Writing replaces a link at the path (it is never followed), so its refusal goes with it.
        scan.Refused.RemoveAll(p => p.File == path);
        if (bytes is not null)
        {
            if (ContentScanner.KindOf(path) is { } kind) scan.Sources.Add(ContentSource.FromBytes(path, kind, bytes));
            else scan.Ignored.Add(path);
        }
        scan.Sources.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));
        return scan;
    }

    /// <summary>As <see cref="FolderWith"/>, but of the content file <paramref name="path"/> alone: nothing is opened.</summary>
    public static ScanResult FileWith(string root, string path, byte[]? bytes) =>
        new(root, bytes is null ? [] : [ContentSource.FromBytes(path, ContentScanner.KindOf(path)!.Value, bytes)], [], [])
        {
            StartedAtNs = UnchangedFiles.NowNs(), Only = new HashSet<string> { path },
        };

    static List<ContentProblem> Problems(ScanResult scan, ContentPlanner? planner) =>
        Ordered((planner ?? PlannerFor(scan.Root)).Plan(scan, ContentState.Empty).Problems);

    static List<ContentProblem> Ordered(IEnumerable<ContentProblem> problems) =>
        problems.OrderBy(p => p.File, StringComparer.Ordinal).ThenBy(p => p.Line).ToList();
}
