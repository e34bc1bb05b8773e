using FrameworkCompare.Web.Models;

namespace FrameworkCompare.Web.Content;

/// <summary>What a scan found; Ignored lists files in the folder that no reader will ever see.</summary>
public sealed record ScanResult(string Root, List<ContentSource> Sources, HashSet<string> Unreadable, List<string> Ignored);

/// <summary>Finds and reads the content files; files it cannot read now are kept as they were.</summary>
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

    public static ScanResult Scan(string root, ILogger? log = null)
    {
        // The scoring rules are optional: without them comparison pages offer no verdict.
        List<(string File, ContentKind Kind)> files =
            [(Path.Combine(root, CatalogParser.FileName), ContentKind.Catalog), (Path.Combine(root, ScoringParser.FileName), ContentKind.Scoring)];
        foreach (var (folder, kind) in Folders)
        {
            var dir = Path.Combine(root, folder);
            if (!Directory.Exists(dir)) continue;
            // Editors' swap and backup files start with a dot or end in ~ and are not .md.
            files.AddRange(Directory.EnumerateFiles(dir, "*.md").Where(f => !Path.GetFileName(f).StartsWith('.')).Order(StringComparer.Ordinal)
                .Select(f => (f, kind)));
        }
        var result = new ScanResult(root, [], [], Ignored(root, files.Select(f => f.File)));
        // Reading and hashing thousands of files is most of a restart's work: spread it over the cores, keep the order.
        foreach (var (file, source, error) in files.AsParallel().AsOrdered().Select(f => Read(root, f.File, f.Kind)))
        {
            if (source is not null) result.Sources.Add(source);
            if (error is null) continue;
            // Usually an editor still writing the file: the watcher sees the next write.
            log?.LogWarning("Could not read {File}: {Reason}", file, error);
            result.Unreadable.Add(Path.GetRelativePath(root, file).Replace('\\', '/'));
        }
        return result;
    }

    /// <summary>Files an editor probably meant as content (a typo in a folder or an extension), not dot files, READMEs or media images.</summary>
    static List<string> Ignored(string root, IEnumerable<string> scanned)
    {
        var known = scanned.ToHashSet();
        return Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Where(f => !known.Contains(f))
            .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))
            .Where(f => !f.Split('/').Any(part => part.StartsWith('.')) && !f.EndsWith('~') && !Path.GetFileName(f).Equals("README.md", StringComparison.OrdinalIgnoreCase))
            .Where(f => !MediaFiles.IsImagePath(f))
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    static (string File, ContentSource? Source, string? Error) Read(string root, string file, ContentKind kind)
    {
        if (!File.Exists(file)) return (file, null, null);
        try
        {
            return (file, ContentSource.Read(root, file, kind), null);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return (file, null, e.Message);
        }
    }
}
