namespace FrameworkCompare.Web.Models;

public sealed class Framework
{
    /// <summary>Joins framework slugs in comparison addresses (/compare/django-vs-flask), so no slug may contain it.</summary>
    public const string ComparisonSeparator = "-vs-";

    public required string Slug { get; set; }
    public required string Name { get; set; }
    public required string Language { get; set; }
    public required string Kind { get; set; }
    public required string Website { get; set; }
    public required string Repository { get; set; }
    public required string License { get; set; }
    public int FirstRelease { get; set; }
    public required string Summary { get; set; }
    /// <summary>Where a registry knows the framework, as REGISTRY:NAME (pypi:Django, npm:express).</summary>
    public string? Package { get; set; }
    public required string OverviewHtml { get; set; }
    public required string OverviewText { get; set; }
    public List<string> ChooseWhen { get; set; } = [];
    public required string SourcePath { get; set; }
    public List<FactValue> Values { get; set; } = [];
    public List<ProCon> Points { get; set; } = [];
}

/// <summary>One framework's value for one catalog attribute, with where it came from.</summary>
public sealed class FactValue
{
    public int Id { get; set; }
    public string FrameworkSlug { get; set; } = "";
    public required string AttributeKey { get; set; }
    /// <summary>Invariant text; a list is stored one item per line.</summary>
    public string? Value { get; set; }
    public string? Note { get; set; }
    public string? SourceUrl { get; set; }
    public DateOnly? Checked { get; set; }
    public string? UnknownReason { get; set; }

    public bool IsUnknown => UnknownReason is not null;
}

public sealed class ProCon
{
    public int Id { get; set; }
    public string FrameworkSlug { get; set; } = "";
    public bool IsPro { get; set; }
    public required string Text { get; set; }
    public string? SourceUrl { get; set; }
    public int Order { get; set; }
}
