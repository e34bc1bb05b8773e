namespace FrameworkCompare.Web.Models;

public sealed record KeyValue(Framework Framework, string Text);

/// <summary>One scored row where the frameworks differ, with each framework's value in words.</summary>
public sealed record KeyDifference(AttributeDefinition Attribute, IReadOnlyList<KeyValue> Values);

/// <summary>How many facts the page shows, how many were checked in the last 12 months (see ReadModel.Staleness.CheckedRecently), how many are possibly out of date or unknown.</summary>
public sealed record Freshness(int Facts, int CheckedLastYear, int PossiblyStale, int Unknown);
