namespace FrameworkCompare.Web.Models;

/// <summary>One point of a number's trend: the figure and the day it was true (its checked date, else when it changed).</summary>
public sealed record TrendPoint(DateOnly Date, double Value);

public sealed record FactHistoryViewModel(
    Framework Framework, AttributeDefinition Attribute, ComparisonCell Current, IReadOnlyList<FactChange> Changes, IReadOnlyList<TrendPoint> Trend);

/// <summary>A change with the names readers know the framework and attribute by.</summary>
public sealed record ChangeLine(FactChange Change, string FrameworkName, AttributeDefinition Attribute);

public sealed record ChangesViewModel(
    IReadOnlyList<ChangeLine> Lines, FrameworkSummary? Framework, IReadOnlyList<FrameworkSummary> Frameworks, int Shown);
