using FrameworkCompare.Web.Models;

namespace FrameworkCompare.Web.ReadModel;

/// <summary>When a fact counts as possibly out of date: its attribute's own stale age, else the site-wide one.</summary>
public sealed record Staleness(int DefaultMonths, DateOnly Today)
{
    public static Staleness At(DateTimeOffset now, int defaultMonths) => new(defaultMonths, DateOnly.FromDateTime(now.UtcDateTime));

    public DateOnly CheckedBefore(AttributeDefinition attribute) => attribute.StaleAfterMonths == AttributeDefinition.NeverStale
        ? DateOnly.MinValue
        : Today.AddMonths(-(attribute.StaleAfterMonths ?? DefaultMonths));

    public bool IsStale(FactValue? value, AttributeDefinition attribute) => value?.Checked < CheckedBefore(attribute);
}
