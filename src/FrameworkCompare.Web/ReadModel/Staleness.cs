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

    /// <summary>The comparison's freshness line counts facts checked in the last 12 months.</summary>
    public const int RecentlyCheckedMonths = 12;

    public bool CheckedRecently(FactValue? value) => value?.Checked >= Today.AddMonths(-RecentlyCheckedMonths);

    /// <summary>The first day (as its UTC midnight) on which a fact checked on <paramref name="checkedOn"/> no longer counts as checked recently.</summary>
    public static DateTimeOffset FirstDayNotRecentlyChecked(DateOnly checkedOn)
    {
        var day = checkedOn.AddMonths(RecentlyCheckedMonths).AddDays(-4);
        while (new Staleness(0, day).CheckedRecently(new FactValue { AttributeKey = "", Checked = checkedOn })) day = day.AddDays(1);
        return new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
    }
}
