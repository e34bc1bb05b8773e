using FrameworkCompare.Web.Models;

namespace FrameworkCompare.Web.Areas.Editor.Models;

/// <summary>What the editor form posts.</summary>
public sealed class EditForm
{
    public string Text { get; set; } = "";
    public string? BaseHash { get; set; }
    public string? Message { get; set; }
    public IFormFile? Image { get; set; }
    public string? ImageAlt { get; set; }
}

public sealed record EditViewModel
{
    public required string Path { get; init; }
    public required ContentKind Kind { get; init; }
    public required EditForm Form { get; init; }
    public bool FileExists { get; init; }
    public string? PublicPath { get; init; }
    public DateTimeOffset? DraftSavedAt { get; init; }
    /// <summary>The file changed since this person's draft started from it.</summary>
    public bool BaseChanged { get; init; }
    public List<DraftLine> OthersEditing { get; init; } = [];
    public IReadOnlyList<ContentProblem> Blocking { get; init; } = [];
    public IReadOnlyList<ContentProblem> Existing { get; init; } = [];
    public string? Notice { get; init; }
    public string? Warning { get; init; }
    public bool CanPublish { get; init; }
}

public sealed class ConflictViewModel
{
    public required string Path { get; init; }
    public required EditForm Form { get; init; }
    public string? BaseText { get; init; }
    public string? TheirText { get; init; }
    public string? TheirAuthor { get; init; }
    public DateTimeOffset? TheirTime { get; init; }
    /// <summary>Lines of base → theirs and base → yours, side by side.</summary>
    public required DiffView TheirChanges { get; init; }
    public required DiffView YourChanges { get; init; }
}

public sealed record DiffLine(string Kind, int? Number, string Text);

public sealed record DiffView(string Title, List<DiffLine> Lines);

/// <summary>Shown instead of a redirect when a save arrives after the session ended: the text stays in the page.</summary>
public sealed class SignedOutViewModel
{
    public required string Path { get; init; }
    public required EditForm Form { get; init; }
}

public sealed record HistoryViewModel
{
    public required string Path { get; init; }
    public required List<Revision> Revisions { get; init; }
    public string? CurrentHash { get; init; }
    public DiffView? Diff { get; init; }
    public int? From { get; init; }
    public int? To { get; init; }
    public string? Notice { get; init; }
}

public sealed class DeleteViewModel
{
    public required string Path { get; init; }
    public required string BaseHash { get; init; }
    public IReadOnlyList<ContentProblem> Blocking { get; init; } = [];
}

public sealed record PreviewProblemsViewModel(string Path, IReadOnlyList<ContentProblem> Problems);
