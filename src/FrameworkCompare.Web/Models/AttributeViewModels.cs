namespace FrameworkCompare.Web.Models;

/// <summary>Every attribute of the catalog, by category, with how many frameworks have a known value for it.</summary>
public sealed record AttributeListViewModel(IReadOnlyList<AttributeListSection> Sections, int Frameworks);

public sealed record AttributeListSection(Category Category, IReadOnlyList<(AttributeDefinition Attribute, int Known)> Attributes);

/// <summary>How the rows of an attribute page are ordered: by framework name (the plain page) or by value.</summary>
public enum AttributeSort { Name, Value }

/// <summary>One attribute across every framework: each framework's value with its source, checked date and marks.</summary>
public sealed record AttributePageViewModel(AttributeDefinition Attribute, Category Category, AttributeSort Sort, IReadOnlyList<ComparisonCell> Cells)
{
    public int Known => Cells.Count(c => c.Value is { IsUnknown: false });
    public int Stale => Cells.Count(c => c.IsStale);
}
