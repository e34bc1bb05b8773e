namespace FrameworkCompare.Web.Models;

public sealed record FrameworkSummary(string Slug, string Name, string Language, string Kind, string Summary);

public sealed record ContentLink(string Title, string Path, string? Summary = null);

public sealed class ComparisonViewModel
{
    public required IReadOnlyList<Framework> Frameworks { get; init; }
    public required IReadOnlyList<FrameworkSummary> AllFrameworks { get; init; }
    public required IReadOnlyList<ComparisonSection> Sections { get; init; }
    /// <summary>Every category with every row, the use cases included: what the verdict scores, whatever the table shows.</summary>
    public IReadOnlyList<ComparisonSection> FullSections { get; init; } = [];
    /// <summary>The priorities form and the reader's verdict; null when the site has no scoring rules.</summary>
    public VerdictViewModel? Verdict { get; set; }
    public ComparisonSection? UseCases { get; init; }
    public required IReadOnlyList<ComparisonRow> NumericRows { get; init; }
    public required IReadOnlyList<FaqEntry> Faq { get; init; }
    public required IReadOnlyList<ContentLink> Articles { get; init; }
    public required IReadOnlyList<ContentLink> Related { get; init; }
    public required string CanonicalPath { get; init; }
    public bool OnlyDifferences { get; init; }
    public int HiddenRows { get; init; }
    /// <summary>What the page opens with: the scored rows that differ, at most eight; null without scoring rules.</summary>
    public IReadOnlyList<KeyDifference>? KeyDifferences { get; init; }
    public Freshness? Freshness { get; init; }

    public string Title => string.Join(" vs ", Frameworks.Select(f => f.Name));

    /// <summary>The canonical selection, "django-vs-flask", as comparison and embed routes take it.</summary>
    public string Selection => string.Join(Framework.ComparisonSeparator, Frameworks.Select(f => f.Slug));
}

public sealed record ComparisonSection(Category Category, IReadOnlyList<ComparisonRow> Rows);

public sealed record ComparisonRow(AttributeDefinition Attribute, IReadOnlyList<ComparisonCell> Cells)
{
    /// <summary>Every framework has a recorded, known value and all are the same. Unknowns never agree.</summary>
    public bool AllAgree => Cells.All(c => c.Value is { IsUnknown: false }) && Cells.Select(c => c.Value!.Value).Distinct().Count() == 1;
}

/// <summary>One framework's value in one row; Value is null when the profile records nothing. HasHistory: it had earlier values.</summary>
public sealed record ComparisonCell(Framework Framework, FactValue? Value, bool IsStale, bool HasHistory = false, bool RecentlyChanged = false);

public sealed record ComparisonProblem(int StatusCode, string Title, string Message, IReadOnlyList<FrameworkSummary> Suggestions);

/// <summary>A comparison cut down to the rows an embedding site chose.</summary>
public sealed record EmbedViewModel(ComparisonViewModel Comparison, ComparisonSection Rows);
