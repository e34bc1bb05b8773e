namespace FrameworkCompare.Web.ReadModel;

/// <summary>Which facts have a history, and when each changed: the "history" and "changed recently" marks.</summary>
public sealed class FactMarks(IReadOnlyDictionary<(string Framework, string Attribute), DateTimeOffset[]> changes)
{
    public const int RecentDays = 90;
    public static readonly FactMarks None = new(new Dictionary<(string, string), DateTimeOffset[]>());

    /// <summary>Every change's time, per fact.</summary>
    public IReadOnlyDictionary<(string Framework, string Attribute), DateTimeOffset[]> Changes => changes;

    public bool HasHistory(string framework, string attribute) => changes.ContainsKey((framework, attribute));

    /// <summary>Changed in the <see cref="RecentDays"/> days up to <paramref name="now"/> (a change dated later does not count yet).</summary>
    public bool IsRecent(string framework, string attribute, DateTimeOffset now) =>
        changes.TryGetValue((framework, attribute), out var times) && times.Any(t => t <= now && t >= now.AddDays(-RecentDays));
}
