using FrameworkCompare.Web.Models;

namespace FrameworkCompare.Web.Editing;

/// <summary>What an editor asks the writer to do with one content file.</summary>
/// <param name="Text">The new text; null deletes the file.</param>
/// <param name="BaseHash">The hash of the file the editor started from; null when they started a new file.</param>
public sealed record PublishRequest(string Path, string? Text, string? BaseHash, string AuthorEmail, string? Message, RevisionKind Kind = RevisionKind.Published);

public abstract record PublishOutcome;

public sealed record Published(Revision Revision, string? GitWarning) : PublishOutcome;

/// <summary>The file changed since the editor's version was made: nothing was written.</summary>
public sealed record Conflict(string? BaseText, string? TheirText, string? TheirAuthor, DateTimeOffset? TheirTime) : PublishOutcome;

/// <summary>The change would break content: nothing was written. Only <see cref="Blocking"/> problems stop it.</summary>
public sealed record Invalid(IReadOnlyList<ContentProblem> Blocking, IReadOnlyList<ContentProblem> Existing) : PublishOutcome;
