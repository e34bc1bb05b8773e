namespace FrameworkCompare.Web.Models;

/// <summary>What a content file is; Other is a refused path that is no content file (an image, a stray file, a linked folder).</summary>
public enum ContentKind { Catalog, Framework, Article, Faq, Author, Scoring, Other }

/// <summary>What the importer last saw of one content file, and whether that version is served.</summary>
public sealed class ContentFileRecord
{
    public required string Path { get; set; }
    public ContentKind Kind { get; set; }
    public required string Hash { get; set; }
    public string? Slug { get; set; }
    /// <summary>Hash of the version whose rows are served; differs from Hash while the newest version fails.</summary>
    public string? ServedHash { get; set; }
    public List<ContentProblem> Problems { get; set; } = [];
    public DateTimeOffset SeenAt { get; set; }

    // The file as its handle showed it when Hash was taken, and when that scan began (nanoseconds since 1970):
    // while they match the file on disk a restart does not read it. Null for files recorded before they were kept.
    public long? Size { get; set; }
    public long? ModifiedNs { get; set; }
    public long? ChangedNs { get; set; }
    public long? Inode { get; set; }
    public long? ScannedAtNs { get; set; }
}

/// <summary>A content mistake. Errors keep the file out of the site; warnings do not.</summary>
public sealed record ContentProblem(string File, int Line, string Message, bool IsWarning = false)
{
    public override string ToString() => $"{File}:{Line}: {(IsWarning ? "warning: " : "")}{Message}";
}

/// <summary>Durable audit log of imports: kept across rebuilds of the read model.</summary>
public sealed class ImportRun
{
    public int Id { get; set; }
    public DateTimeOffset StartedAt { get; set; }
    public int DurationMs { get; set; }
    public int FilesImported { get; set; }
    public int FilesFailed { get; set; }
    public int FilesRemoved { get; set; }
}
