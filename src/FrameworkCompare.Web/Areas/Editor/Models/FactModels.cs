using FrameworkCompare.Web.Models;

namespace FrameworkCompare.Web.Areas.Editor.Models;

/// <summary>What the one-fact form posts.</summary>
public sealed record FactForm
{
    public string? Value { get; set; }
    public bool Unknown { get; set; }
    public string? UnknownReason { get; set; }
    public string? Note { get; set; }
    public string? Source { get; set; }
    public string? Checked { get; set; }
    public string? BaseHash { get; set; }
    public string? Message { get; set; }
    /// <summary>The reader report or registry proposal this edit resolves, if any.</summary>
    public int? ReviewItemId { get; set; }
}

public sealed record FactViewModel
{
    public required Framework Framework { get; init; }
    public required AttributeDefinition Attribute { get; init; }
    public FactValue? Current { get; init; }
    public required FactForm Form { get; init; }
    public ReviewItem? ReviewItem { get; init; }
    public IReadOnlyList<ContentProblem> Problems { get; init; } = [];
    public string? Notice { get; init; }
    public string? Warning { get; init; }
}

public sealed record StaleFact(Framework Framework, AttributeDefinition Attribute, string CategoryLabel, FactValue Value, DateOnly StaleSince);

public sealed record StaleViewModel
{
    public required List<StaleFact> Facts { get; init; }
    public required int Total { get; init; }
    public string? Framework { get; init; }
    public string? Category { get; init; }
    public string? Attribute { get; init; }
    public required List<(string Slug, string Name)> Frameworks { get; init; }
    public required List<Category> Categories { get; init; }
    public required List<AttributeDefinition> Attributes { get; init; }
    public string? Notice { get; init; }
}
