using FrameworkCompare.Web.Checks;
using FrameworkCompare.Web.Models;

namespace FrameworkCompare.Web.Areas.Editor.Models;

public sealed record DraftLine(string Path, string Author, DateTimeOffset UpdatedAt);

public sealed class HomeViewModel
{
    public required List<DraftLine> MyDrafts { get; init; }
    public required List<DraftLine> OtherDrafts { get; init; }
    public required List<Revision> Recent { get; init; }
    public required List<ContentProblem> ImportProblems { get; init; }
    public int StaleFacts { get; init; }
    public int OpenReviews { get; init; }
    public int BrokenSources { get; init; }
}

/// <summary>
/// A checked source, shown without query string, and the file:line places citing it (none when the content stopped citing it
/// since the check). Status and the redirect target are null unless the reader may see check details.
/// </summary>
public sealed record SourceLine(string Url, string? Status, string? RedirectedTo, DateTimeOffset CheckedAt, List<Citation> CitedAt);

public sealed class SourcesViewModel
{
    /// <summary>Status codes, network errors and redirect targets: for editors and admins, not contributors.</summary>
    public bool ShowsDetails { get; init; }
    public required List<SourceLine> Broken { get; init; }
    public required List<SourceLine> Redirected { get; init; }
}

public sealed record FileLine(string Path, ContentKind Kind, string? Slug, bool Failing, string? PublicPath);

public sealed class FilesViewModel
{
    public string? Kind { get; init; }
    public string? Query { get; init; }
    public required List<FileLine> Files { get; init; }
}

public sealed class NewFileForm
{
    public string Title { get; set; } = "";
    public string? Slug { get; set; }
}

public sealed class NewFileViewModel
{
    public required string Kind { get; init; }
    public required string Label { get; init; }
    public required NewFileForm Form { get; init; }
    public string? Error { get; init; }
}

public sealed class AuditViewModel
{
    public required List<AuditEntry> Entries { get; init; }
    public int Page { get; init; }
    public bool HasMore { get; init; }
}
