using System.Globalization;
using FrameworkCompare.Web.Models;
using FrameworkCompare.Web.ReadModel;

namespace FrameworkCompare.Web.Services;

/// <summary>
/// What a comparison opens with: the scored rows where the frameworks' points differ (by scoring.yml), the heaviest by
/// default weight first, then the widest gap, then page order; and how fresh the page's facts are.
/// </summary>
public static class KeyDifferences
{
    public const int Most = 8;

    /// <summary>Null when the site has no scoring rules: then nothing is "scored", so the page claims no differences.</summary>
    public static IReadOnlyList<KeyDifference>? Of(IReadOnlyList<ComparisonSection> sections, ScoringRules? rules)
    {
        if (rules is null) return null;
        var found = new List<(KeyDifference Difference, int Weight, double Gap, int Order)>();
        foreach (var section in sections)
            foreach (var row in section.Rows)
            {
                // A use case weighs only once the reader ticks it: by default it weighs nothing.
                var weight = section.Category.Key == Catalog.UseCasesCategory ? 0 : VerdictQuery.DefaultWeight(section.Category.Key) * VerdictQuery.DefaultAttributeWeight;
                if (weight == 0) continue;
                if (VerdictScorer.Points(row, rules) is not var (points, _)) continue;
                var known = points.OfType<double>().ToList();
                var gap = known.Count < 2 ? 0 : known.Max() - known.Min();
                if (gap < 1e-9) continue;
                var values = row.Cells.Select(c => new KeyValue(c.Framework, Text(row.Attribute, c.Value))).ToList();
                found.Add((new KeyDifference(row.Attribute, values), weight, gap, found.Count));
            }
        return [.. found.OrderByDescending(f => f.Weight).ThenByDescending(f => f.Gap).ThenBy(f => f.Order).Take(Most).Select(f => f.Difference)];
    }

    public static Freshness FreshnessOf(IReadOnlyList<ComparisonSection> sections, Staleness staleness)
    {
        var cells = sections.SelectMany(s => s.Rows).SelectMany(r => r.Cells).Where(c => c.Value is not null).ToList();
        return new Freshness(cells.Count, cells.Count(c => staleness.CheckedRecently(c.Value)), cells.Count(c => c.IsStale), cells.Count(c => c.Value!.IsUnknown));
    }

    /// <summary>The value in a few words, as the summary line shows it.</summary>
    static string Text(AttributeDefinition attribute, FactValue? value) => value switch
    {
        null => "not recorded",
        { IsUnknown: true } => "unknown",
        { Value: { } v } when attribute.Type == AttributeType.YesNo => v switch { "yes" => "yes", "no" => "no", _ => "partly" },
        { Value: { } v } when attribute.Type == AttributeType.Number && double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) =>
            n.ToString("#,0.##", CultureInfo.InvariantCulture) + (attribute.Unit is null ? "" : " " + attribute.Unit),
        { Value: { } v } => v,
        _ => "not recorded",
    };
}
