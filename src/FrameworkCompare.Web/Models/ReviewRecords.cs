namespace FrameworkCompare.Web.Models;

/// <summary>Upload: a contributor's image, kept outside content/ until an editor publishes it (Path is media/&lt;name&gt;, Message its alt text).</summary>
public enum ReviewKind { Report, Question, Submission, Proposal, Upload }

public enum ReviewState { Open, Accepted, Declined, SentBack }

/// <summary>
/// One item of the review queue: a reader's report of a wrong fact, a reader's question, a contributor's draft
/// submitted for review, or a registry check's proposed change. Durable: never touched by a content rebuild.
/// </summary>
public sealed class ReviewItem
{
    public int Id { get; set; }
    public ReviewKind Kind { get; set; }
    public ReviewState State { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    /// <summary>Where it came from: "reader", a contributor's email, "registry pypi".</summary>
    public required string Origin { get; set; }

    // The fact a report or proposal is about.
    public string? FrameworkSlug { get; set; }
    public string? AttributeKey { get; set; }
    public string? CurrentValue { get; set; }
    public string? ProposedValue { get; set; }
    public string? EvidenceUrl { get; set; }
    public DateOnly? ProposedChecked { get; set; }

    /// <summary>What the reader says is wrong, the question asked, or the contributor's message.</summary>
    public string? Message { get; set; }
    /// <summary>For follow-up only: never shown or exported, and deleted some days after the item is resolved.</summary>
    public string? ReporterEmail { get; set; }

    /// <summary>A submission's content file, or the page a reader asked a question from.</summary>
    public string? Path { get; set; }
    // A contributor's submission: the draft's text and the file version it started from.
    public string? Text { get; set; }
    public string? BaseHash { get; set; }

    public DateTimeOffset? ResolvedAt { get; set; }
    public string? ResolvedBy { get; set; }
    /// <summary>The reason for a decline, the comment sent back, or what was done.</summary>
    public string? Resolution { get; set; }
}

/// <summary>The last check of one source URL that facts cite.</summary>
public sealed class SourceCheck
{
    public required string Url { get; set; }
    public bool Broken { get; set; }
    /// <summary>The final HTTP status, or null when no answer came (timeout, DNS, refused).</summary>
    public int? Status { get; set; }
    public string? RedirectedTo { get; set; }
    public required string Detail { get; set; }
    public DateTimeOffset CheckedAt { get; set; }
}
