using FrameworkCompare.Web.Models;

namespace FrameworkCompare.Web.Content;

/// <summary>What the database held before an import: the file records, the catalog in use and the authors served.</summary>
public sealed record ContentState(IReadOnlyDictionary<string, ContentFileRecord> Files, Catalog? Catalog, IReadOnlyList<ServedAuthor>? Authors = null)
{
    public static readonly ContentState Empty = new(new Dictionary<string, ContentFileRecord>(), null);
}

public sealed record ServedAuthor(string Path, string Slug, string Name);

/// <summary>The writes one import makes, decided before any of them is made.</summary>
public sealed class ImportPlan
{
    public Catalog? Catalog { get; set; }
    /// <summary>New good scoring rules, and the file they came from (kept in the database for the snapshot).</summary>
    public ScoringRules? Scoring { get; set; }
    public byte[]? ScoringBytes { get; set; }
    public List<Framework> Frameworks { get; } = [];
    public List<Article> Articles { get; } = [];
    public List<FaqEntry> Faqs { get; } = [];
    public List<Author> Authors { get; } = [];
    public List<ContentFileRecord> Records { get; } = [];
    /// <summary>Files read again but unchanged: only their size, times, inode and scan time are written.</summary>
    public List<ContentFileRecord> Metadata { get; } = [];
    public List<string> Removed { get; } = [];
    public List<ContentProblem> Problems { get; } = [];

    public bool IsEmpty => Records.Count == 0 && Removed.Count == 0;
    /// <summary>False when the scan was of some files alone: the other records are not accounted for, so none may be dropped.</summary>
    public bool WholeFolder { get; init; } = true;

    /// <summary>Source paths whose served rows this plan replaces or deletes.</summary>
    public List<string> ReplacedPaths =>
        [.. Removed, .. Frameworks.Select(f => f.SourcePath), .. Articles.Select(a => a.SourcePath), .. Faqs.Select(f => f.SourcePath), .. Authors.Select(a => a.SourcePath)];
}
