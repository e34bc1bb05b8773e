using Microsoft.AspNetCore.Identity;

namespace FrameworkCompare.Web.Models;

// Durable records that only the site knows: never touched when the content read model is rebuilt.

/// <summary>A person who signs in to the workspace.</summary>
public sealed class EditorUser : IdentityUser
{
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>One person's unpublished text for one content file, and the file version it started from.</summary>
public sealed class Draft
{
    public int Id { get; set; }
    public required string UserId { get; set; }
    public required string Path { get; set; }
    public required string Text { get; set; }
    /// <summary>SHA-256 of the file the draft started from; null when the file did not exist.</summary>
    public string? BaseHash { get; set; }
    public string? Message { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

public enum RevisionKind { Published, Restored, Deleted, Outside, FirstSeen }

/// <summary>One version of a content file: what it held, who made it, and the version it replaced.</summary>
public sealed class Revision
{
    public int Id { get; set; }
    public required string Path { get; set; }
    /// <summary>The whole file; null when this revision deleted it.</summary>
    public string? Text { get; set; }
    public string? Hash { get; set; }
    public string? BaseHash { get; set; }
    public RevisionKind Kind { get; set; }
    /// <summary>The editor's email, or <see cref="OutsideAuthor"/>.</summary>
    public required string Author { get; set; }
    public string? Message { get; set; }
    public DateTimeOffset At { get; set; }

    public const string OutsideAuthor = "outside the workspace";
}

/// <summary>Who did what, when and from where: sign-ins, account changes, publishes.</summary>
public sealed class AuditEntry
{
    public long Id { get; set; }
    public DateTimeOffset At { get; set; }
    public required string Action { get; set; }
    public string? Actor { get; set; }
    public string? Target { get; set; }
    public string? Detail { get; set; }
    public string? ClientAddress { get; set; }
}

/// <summary>A page address that content no longer serves: gone (410), or moved to another slug (301).</summary>
public sealed class RetiredPage
{
    public ContentKind Kind { get; set; }
    public required string Slug { get; set; }
    public string? MovedTo { get; set; }
    public DateTimeOffset RetiredAt { get; set; }
}
