using FrameworkCompare.Web.Models;

namespace FrameworkCompare.Web.Content;

/// <summary>
/// What a scan found. Ignored lists files in the folder that no reader will ever see; Refused the links, special
/// files and possible hard links that are never read (each with its problem, listed at /content-status).
/// StartedAtNs is when the scan began, by the real clock: the racy-clean rule compares it with file times.
/// </summary>
public sealed record ScanResult(string Root, List<ContentSource> Sources, HashSet<string> Unreadable, List<string> Ignored)
{
    public List<ContentProblem> Refused { get; } = [];
    public long StartedAtNs { get; init; }
    /// <summary>The paths looked at, when the scan was of those files alone; null for the whole folder.</summary>
    public IReadOnlySet<string>? Only { get; init; }
    /// <summary>How many files the scan opened.</summary>
    public int Opened { get; set; }

    /// <summary>Whether the scan looked at <paramref name="path"/>: what it did not find there is gone.</summary>
    public bool Covers(string path) => Only is null || Only.Contains(path);
}

/// <summary>
/// Finds and reads the content files; files it cannot read now are kept as they were. Given the records of the last
/// import, it reads only the files whose metadata changed (see <see cref="UnchangedFiles"/>).
/// </summary>
public static class ContentScanner
{
    static readonly (string Folder, ContentKind Kind)[] Folders =
        [("frameworks", ContentKind.Framework), ("articles", ContentKind.Article), ("faq", ContentKind.Faq), ("authors", ContentKind.Author)];

    /// <summary>The kind of content a path inside the folder holds, or null when the importer would not read it.</summary>
    public static ContentKind? KindOf(string path)
    {
        if (path == CatalogParser.FileName) return ContentKind.Catalog;
        if (path == ScoringParser.FileName) return ContentKind.Scoring;
        var parts = path.Split('/');
        if (parts.Length != 2 || parts[1].StartsWith('.') || !parts[1].EndsWith(".md", StringComparison.Ordinal)) return null;
        return Folders.Where(f => f.Folder == parts[0]).Select(f => (ContentKind?)f.Kind).FirstOrDefault();
    }

    public static ScanResult Scan(string root, ILogger? log = null, IReadOnlyDictionary<string, ContentFileRecord>? known = null)
    {
        // Taken before any file is opened, so a file written during the scan is within the racy window of it.
        var startedAt = UnchangedFiles.NowNs();
        // Links are listed, never followed: a linked folder's files are not content.
        var entries = ContentFiles.Walk(root);
        var links = entries.Where(e => e.IsLink).Select(e => e.Path).ToHashSet(StringComparer.Ordinal);
        // The scoring rules are optional: without them comparison pages offer no verdict.
        var candidates = entries.Where(e => !e.IsLink && KindOf(e.Path) is not null).Select(e => e.Path).ToHashSet(StringComparer.Ordinal);
        candidates.Add(CatalogParser.FileName);
        var files = candidates.Order(StringComparer.Ordinal).Select(path => (Path: path, Kind: KindOf(path)!.Value)).ToList();
        var result = new ScanResult(root, [], [], []) { StartedAtNs = startedAt, Opened = files.Count };
        // Reading and hashing thousands of files is most of a first start's work: spread it over the cores, keep the order.
        Add(result, files.AsParallel().AsOrdered().Select(f => Read(root, f.Path, f.Kind, known?.GetValueOrDefault(f.Path))), log);
        foreach (var path in links)
            result.Refused.Add(new ContentProblem(path, 1, ContentFiles.Link));
        // Images and stray files are not read here, but opened and checked the same way, so a refusal is listed.
        foreach (var entry in entries.Where(e => !e.IsLink && !candidates.Contains(e.Path) && !IsEditorLeftover(e.Path)))
        {
            if (ContentFiles.Refusal(root, entry.Path) is { } problem) result.Refused.Add(new ContentProblem(entry.Path, 1, problem));
            else if (!MediaFiles.IsImagePath(entry.Path)) result.Ignored.Add(entry.Path);
        }
        result.Refused.Sort((a, b) => string.CompareOrdinal(a.File, b.File));
        result.Ignored.Sort(StringComparer.Ordinal);
        foreach (var refused in result.Refused) log?.LogWarning("Not read: {Problem}", refused);
        return result;
    }

    /// <summary>The content files at <paramref name="paths"/> alone, as <see cref="Scan"/> would find them: what a publish of one file imports.</summary>
    public static ScanResult ScanFiles(string root, IReadOnlyCollection<string> paths, IReadOnlyDictionary<string, ContentFileRecord>? known = null, ILogger? log = null)
    {
        if (paths.FirstOrDefault(p => KindOf(p) is null) is { } other) throw new ArgumentException($"{other} is no content file", nameof(paths));
        var startedAt = UnchangedFiles.NowNs();
        var files = paths.Distinct().Order(StringComparer.Ordinal).ToList();
        var result = new ScanResult(root, [], [], []) { StartedAtNs = startedAt, Only = files.ToHashSet(), Opened = files.Count };
        Add(result, files.Select(path => Read(root, path, KindOf(path)!.Value, known?.GetValueOrDefault(path))), log);
        foreach (var refused in result.Refused) log?.LogWarning("Not read: {Problem}", refused);
        return result;
    }

    static void Add(ScanResult result, IEnumerable<(string Path, ContentSource? Source, string? Error, string? Refusal)> read, ILogger? log)
    {
        foreach (var (path, source, error, refusal) in read)
        {
            if (source is not null) result.Sources.Add(source);
            if (refusal is not null) result.Refused.Add(new ContentProblem(path, 1, refusal));
            if (error is null) continue;
            // Usually an editor still writing the file: the watcher sees the next write.
            log?.LogWarning("Could not read {File}: {Reason}", path, error);
            result.Unreadable.Add(path);
        }
    }

    /// <summary>Editors' swap and backup files end in ~; READMEs explain the folder. Neither is content nor a mistake.</summary>
    static bool IsEditorLeftover(string path) =>
        path.EndsWith('~') || System.IO.Path.GetFileName(path).Equals("README.md", StringComparison.OrdinalIgnoreCase);

    static (string Path, ContentSource? Source, string? Error, string? Refusal) Read(string root, string path, ContentKind kind, ContentFileRecord? known)
    {
        try
        {
            return (path, ContentSource.Read(root, path, kind, known), null, null);
        }
        catch (ContentFileRefusedException e)
        {
            return (path, null, null, e.Problem);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return (path, null, e.Message, null);
        }
    }
}
