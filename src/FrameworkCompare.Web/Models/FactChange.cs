namespace FrameworkCompare.Web.Models;

/// <summary>
/// One change of a fact's value or source between two versions of its profile: read model, derived from the
/// revision log and the git history of content/, rebuilt whenever they grow.
/// </summary>
public sealed class FactChange
{
    public long Id { get; set; }
    /// <summary>The profile file the change was found in; rows are replaced per file.</summary>
    public required string Path { get; set; }
    public required string FrameworkSlug { get; set; }
    public required string AttributeKey { get; set; }
    public FactState Old { get; set; } = new();
    public FactState New { get; set; } = new();
    /// <summary>When the version holding the new value was committed or published.</summary>
    public DateTimeOffset ChangedAt { get; set; }
}

/// <summary>A fact as one version of a profile held it.</summary>
public sealed class FactState
{
    /// <summary>Invariant text as the importer stores it; null when the fact was an explicit unknown.</summary>
    public string? Value { get; set; }
    public string? UnknownReason { get; set; }
    public string? SourceUrl { get; set; }
    public DateOnly? Checked { get; set; }

    public static FactState Of(FactValue fact) =>
        new() { Value = fact.IsUnknown ? null : fact.Value, UnknownReason = fact.UnknownReason, SourceUrl = fact.SourceUrl, Checked = fact.Checked };

    /// <summary>A copy: EF Core tracks an owned value per owner, so one state may not be one change's New and the next one's Old.</summary>
    public FactState Copy() => (FactState)MemberwiseClone();

    /// <summary>Only the value (known or not) and the source count: a new checked date or note is the same fact.</summary>
    public bool SameFactAs(FactState other) =>
        Value == other.Value && (UnknownReason is null) == (other.UnknownReason is null) && SourceUrl == other.SourceUrl;
}
