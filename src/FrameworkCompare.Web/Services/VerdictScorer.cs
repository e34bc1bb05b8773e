using System.Globalization;
using FrameworkCompare.Web.Models;

namespace FrameworkCompare.Web.Services;

/// <summary>
/// Scores 2-4 frameworks by the reader's weights. A category's score is the weighted average of the points of its known
/// facts; the total is the weighted average of the categories' scores. Unknown and not-recorded facts are left out of
/// both sums (or count as half the points when the rules say so): never as a "no".
/// </summary>
public static class VerdictScorer
{
    const int MaxAhead = 3, MaxBehind = 2;

    /// <summary>A row that counts: Known holds the points of known values, Points those with the missing-value rule applied.</summary>
    sealed record Scored(AttributeDefinition Attribute, int Weight, IReadOnlyList<double?> Points, IReadOnlyList<double?> Known, IReadOnlyList<string?> Values, IReadOnlyList<bool> Unknown);

    public static VerdictResult Score(IReadOnlyList<Framework> frameworks, IReadOnlyList<ComparisonSection> sections, ScoringRules rules, VerdictChoices choices)
    {
        var n = frameworks.Count;
        var categories = new List<VerdictCategory>();
        var share = new List<(Scored Row, double Share)>();
        var unknown = new int[n];
        var unrecorded = new int[n];
        var totals = new double[n];
        var totalWeights = new double[n];
        foreach (var section in sections)
        {
            var weight = choices.CategoryWeight(section.Category.Key);
            if (weight == 0) continue;
            var rows = section.Rows.Select(r => Row(r, rules, choices, section.Category.Key == Catalog.UseCasesCategory)).OfType<Scored>().ToList();
            if (rows.Count == 0) continue;
            var scores = new int?[n];
            for (var i = 0; i < n; i++)
            {
                var counted = rows.Where(r => r.Points[i] is not null).ToList();
                unknown[i] += rows.Count(r => r.Known[i] is null && r.Unknown[i]);
                unrecorded[i] += rows.Count(r => r.Known[i] is null && !r.Unknown[i]);
                var sum = counted.Sum(r => r.Weight);
                if (sum == 0) continue;
                var score = counted.Sum(r => r.Weight * r.Points[i]!.Value) / sum;
                scores[i] = (int)Math.Round(100 * score, MidpointRounding.AwayFromZero);
                totals[i] += weight * score;
                totalWeights[i] += weight;
            }
            var rowWeights = rows.Sum(r => r.Weight);
            share.AddRange(rows.Select(r => (r, (double)weight * r.Weight / rowWeights)));
            categories.Add(new VerdictCategory(section.Category, weight, scores));
        }
        if (categories.Count == 0) return new VerdictResult([], [], rules.Missing);

        var finals = Enumerable.Range(0, n).Select(i => totalWeights[i] == 0 ? (int?)null : (int)Math.Round(100 * totals[i] / totalWeights[i], MidpointRounding.AwayFromZero)).ToList();
        var standings = Enumerable.Range(0, n)
            .Select(i => new VerdictStanding(frameworks[i], Rank(finals, i), finals[i] is { } s && finals.Count(f => f == s) > 1, finals[i],
                Deciding(share, i, ahead: true), Deciding(share, i, ahead: false), unknown[i], unrecorded[i]))
            .OrderBy(s => s.Rank ?? int.MaxValue).ThenBy(s => s.Framework.Name, StringComparer.OrdinalIgnoreCase)
            .ToList();
        return new VerdictResult(categories, standings, rules.Missing);
    }

    /// <summary>Competition ranking on the shown (whole-number) scores: equal scores share a rank, the next rank skips.</summary>
    static int? Rank(List<int?> finals, int i) => finals[i] is { } s ? 1 + finals.Count(f => f > s) : null;

    /// <summary>The facts where this framework's points differ most from the others' average, weighted by their share of the total.</summary>
    static List<VerdictFact> Deciding(List<(Scored Row, double Share)> rows, int i, bool ahead) =>
        rows.Where(r => r.Row.Known[i] is not null && r.Row.Known.Where((_, j) => j != i).Any(p => p is not null))
            .Select(r =>
            {
                var others = r.Row.Known.Where((p, j) => j != i && p is not null).Average(p => p!.Value);
                return (r.Row, Effect: r.Share * (r.Row.Known[i]!.Value - others));
            })
            .Where(r => ahead ? r.Effect > 1e-9 : r.Effect < -1e-9)
            .OrderByDescending(r => Math.Abs(r.Effect)).ThenBy(r => r.Row.Attribute.Label, StringComparer.Ordinal)
            .Take(ahead ? MaxAhead : MaxBehind)
            .Select(r => new VerdictFact(r.Row.Attribute, r.Row.Values[i]!))
            .ToList();

    /// <summary>A weighted, scorable row's points per framework; null when the row does not count.</summary>
    static Scored? Row(ComparisonRow row, ScoringRules rules, VerdictChoices choices, bool useCase)
    {
        var weight = useCase ? (choices.UseCases.Contains(row.Attribute.Key) ? 1 : 0) : choices.AttributeWeight(row.Attribute.Key);
        var rule = rules.For(row.Attribute);
        if (weight == 0 || !rule.Scores) return null;
        var values = row.Cells.Select(c => c.Value is { IsUnknown: false, Value: { } v } ? v : null).ToList();
        IReadOnlyList<double?> known = row.Attribute.Type switch
        {
            AttributeType.YesNo when rule.Points is { } points => values.Select(v => v is not null && points.TryGetValue(v, out var p) ? p : (double?)null).ToList(),
            AttributeType.Number when rule.Better is { } better => Normalise(values.Select(Number).ToList(), better),
            _ => [],
        };
        if (known.Count == 0) return null;
        var counted = known.Select(p => p ?? (rules.Missing == MissingValues.Middle ? 0.5 : (double?)null)).ToList();
        return new Scored(row.Attribute, weight, counted, known, values, row.Cells.Select(c => c.Value is { IsUnknown: true }).ToList());
    }

    static double? Number(string? text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) && double.IsFinite(n) ? Math.Max(0, n) : null;

    /// <summary>Share of the best value among the compared frameworks: the best gets 1, half the stars gets 0.5; lower-is-better inverts.</summary>
    static List<double?> Normalise(List<double?> numbers, Better better)
    {
        var known = numbers.OfType<double>().ToList();
        if (known.Count == 0) return numbers;
        if (better == Better.Higher)
        {
            var best = known.Max();
            return numbers.Select(v => v is not { } x ? null : best == 0 ? 1 : (double?)(x / best)).ToList();
        }
        var least = known.Min();
        return numbers.Select(v => v is not { } x ? null : x == least ? 1 : (double?)(least / x)).ToList();
    }
}
