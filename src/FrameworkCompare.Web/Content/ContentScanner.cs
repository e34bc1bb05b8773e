using FrameworkCompare.Web.Models;

namespace FrameworkCompare.Web.Content;

public sealed record ScanResult(string Root, List<ContentSource> Sources, HashSet<string> Unreadable);

/// <summary>Finds and reads the content files; files it cannot read now are kept as they were.</summary>
public static class ContentScanner
{
    static readonly (string Folder, ContentKind Kind)[] Folders =
        [("frameworks", ContentKind.Framework), ("articles", ContentKind.Article), ("faq", ContentKind.Faq)];

    public static ScanResult Scan(string root, ILogger? log = null)
    {
        var result = new ScanResult(root, [], []);
        Add(result, Path.Combine(root, CatalogParser.FileName), ContentKind.Catalog, log);
        foreach (var (folder, kind) in Folders)
        {
            var dir = Path.Combine(root, folder);
            if (!Directory.Exists(dir)) continue;
            // Editors' swap and backup files start with a dot or end in ~ and are not .md.
            var files = Directory.EnumerateFiles(dir, "*.md").Where(f => !Path.GetFileName(f).StartsWith('.')).Order(StringComparer.Ordinal);
            foreach (var file in files) Add(result, file, kind, log);
        }
        return result;
    }

    static void Add(ScanResult result, string file, ContentKind kind, ILogger? log)
    {
        if (!File.Exists(file)) return;
        try
        {
            result.Sources.Add(ContentSource.Read(result.Root, file, kind));
        }
        catch (IOException e)
        {
            // Usually an editor still writing the file: the watcher sees the next write.
            log?.LogWarning("Could not read {File}: {Reason}", file, e.Message);
            result.Unreadable.Add(Path.GetRelativePath(result.Root, file).Replace('\\', '/'));
        }
        catch (UnauthorizedAccessException e)
        {
            log?.LogWarning("Could not read {File}: {Reason}", file, e.Message);
            result.Unreadable.Add(Path.GetRelativePath(result.Root, file).Replace('\\', '/'));
        }
    }
}
