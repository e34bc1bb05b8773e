namespace FrameworkCompare.Web.Models;

public enum AttributeType { YesNo, Text, Number, Year, List, Url, Date }

public sealed class Category
{
    public required string Key { get; set; }
    public required string Label { get; set; }
    public int Order { get; set; }
}

public sealed class AttributeDefinition
{
    public required string Key { get; set; }
    public required string Label { get; set; }
    public required string CategoryKey { get; set; }
    public AttributeType Type { get; set; }
    public string? Unit { get; set; }
    public required string Description { get; set; }
    public int Order { get; set; }
    /// <summary>Months after which this attribute's facts count as possibly stale; null takes the site-wide setting.</summary>
    public int? StaleAfterMonths { get; set; }

    /// <summary>The <see cref="StaleAfterMonths"/> of a fact that never changes (<c>stale_after_months: never</c>).</summary>
    public const int NeverStale = 0;
}

/// <summary>The parsed attributes.yml: what every framework is compared on.</summary>
public sealed record Catalog(IReadOnlyList<Category> Categories, IReadOnlyList<AttributeDefinition> Attributes)
{
    public const string UseCasesCategory = "use-cases";

    public AttributeDefinition? Find(string key) => Attributes.FirstOrDefault(a => a.Key == key);
}
