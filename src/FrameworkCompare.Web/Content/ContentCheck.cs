using FrameworkCompare.Web.Models;

namespace FrameworkCompare.Web.Content;

/// <summary>Validates a whole content folder, optionally as it would be with one file changed, added or removed.</summary>
public static class ContentCheck
{
    /// <summary>A planner whose renderer checks media links against <paramref name="root"/>; cheap, the Markdown pipeline is shared.</summary>
    static ContentPlanner PlannerFor(string root)
    {
        var markdown = new MarkdownRenderer(root);
        return new(new FrameworkParser(markdown, TimeProvider.System), new DocumentParser(markdown), TimeProvider.System, new ParseCounter());
    }

    /// <summary>Every problem, ordered by file and line.</summary>
    public static List<ContentProblem> Problems(string root, ContentPlanner? planner = null) =>
        Problems(ContentScanner.Scan(root), planner);

    /// <summary>The problems of the folder with <paramref name="path"/> holding <paramref name="bytes"/> (null: deleted).</summary>
    public static List<ContentProblem> ProblemsWith(string root, string path, byte[]? bytes, ContentPlanner? planner = null)
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
        return Problems(scan, planner);
    }

    static List<ContentProblem> Problems(ScanResult scan, ContentPlanner? planner) =>
        (planner ?? PlannerFor(scan.Root)).Plan(scan, ContentState.Empty).Problems
            .OrderBy(p => p.File, StringComparer.Ordinal).ThenBy(p => p.Line).ToList();
}
