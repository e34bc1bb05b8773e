namespace FrameworkCompare.Web.Models;

/// <summary>
/// What the one facts-table partial (Views/Shared/_FactsTable) draws: a column per framework, a row per attribute,
/// inside a focusable scroll box named by <see cref="LabelledBy"/> (the id of the heading above it).
/// </summary>
public sealed record FactsTable(IReadOnlyList<Framework> Frameworks, IReadOnlyList<ComparisonSection> Sections, string LabelledBy)
{
    public string FirstColumn { get; init; } = "Attribute";
    /// <summary>Each section opens with a row naming its category.</summary>
    public bool CategoryRows { get; init; } = true;
    /// <summary>The attribute's description under its name.</summary>
    public bool Hints { get; init; }
    /// <summary>"Report a problem" in every cell.</summary>
    public bool ReportLinks { get; init; } = true;
    /// <summary>More classes on the table (matrix).</summary>
    public string? ExtraClass { get; init; }
    /// <summary>Row names link to this page's row anchor when set (an embed links back to the full page), else to their own.</summary>
    public string? RowLinksTo { get; init; }
}
