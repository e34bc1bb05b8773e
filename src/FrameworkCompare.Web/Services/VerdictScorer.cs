using System.Globalization;
using FrameworkCompare.Web.Models;

namespace FrameworkCompare.Web.Services;

/// <summary>
/// Scores 2-4 frameworks by the reader's weights. A category's score is the weighted average of the points of its known
/// facts; the total is the weighted average of the categories' scores. Unknown and not-recorded facts are left out of
/// both sums (or count as half the points when the rules say so): never as a "no".
/// </summary>
/// <remarks>Loops over arrays rather than LINQ: it runs on every verdict request, and the sums keep LINQ's order of addition.</remarks>
public static class VerdictScorer
{
    const int MaxAhead = 3, MaxBehind = 2;

    /// <summary>A row that counts: Known holds the points of known values, Points those with the missing-value rule applied.</summary>
    sealed record Scored(AttributeDefinition Attribute, int Weight, double?[] Points, double?[] Known, string?[] Values, bool[] Unknown);

    public static VerdictResult Score(IReadOnlyList<Framework> frameworks, IReadOnlyList<ComparisonSection> sections, ScoringRules rules, VerdictChoices choices)
    {
        var n = frameworks.Count;
        var categories = new List<VerdictCategory>();
        var share = new List<(Scored Row, double Share)>();
        var unknown = new int[n];
        var unrecorded = new int[n];
        var totals = new double[n];
        var totalWeights = new double[n];
        var rows = new List<Scored>();
        foreach (var section in sections)
        {
            var weight = choices.CategoryWeight(section.Category.Key);
            if (weight == 0) continue;
            rows.Clear();
            var useCase = section.Category.Key == Catalog.UseCasesCategory;
            foreach (var row in section.Rows)
                if (Row(row, rules, choices, useCase) is { } scored) rows.Add(scored);
            if (rows.Count == 0) continue;
            var scores = new int?[n];
            for (var i = 0; i < n; i++)
            {
                int sum = 0;
                double weighted = 0;
                foreach (var row in rows)
                {
                    if (row.Points[i] is { } points) { sum += row.Weight; weighted += row.Weight * points; }
                    if (row.Known[i] is null) { if (row.Unknown[i]) unknown[i]++; else unrecorded[i]++; }
                }
                if (sum == 0) continue;
                var score = weighted / sum;
                scores[i] = (int)Math.Round(100 * score, MidpointRounding.AwayFromZero);
                totals[i] += weight * score;
                totalWeights[i] += weight;
            }
            var rowWeights = 0;
            foreach (var row in rows) rowWeights += row.Weight;
            foreach (var row in rows) share.Add((row, (double)weight * row.Weight / rowWeights));
            categories.Add(new VerdictCategory(section.Category, weight, scores));
        }
        if (categories.Count == 0) return new VerdictResult([], [], rules.Missing);

        var finals = new int?[n];
        for (var i = 0; i < n; i++)
            finals[i] = totalWeights[i] == 0 ? null : (int)Math.Round(100 * totals[i] / totalWeights[i], MidpointRounding.AwayFromZero);
        var standings = new VerdictStanding[n];
        for (var i = 0; i < n; i++)
        {
            var (ahead, behind) = Deciding(share, i);
            standings[i] = new VerdictStanding(frameworks[i], Rank(finals, i), Tied(finals, i), finals[i], ahead, behind, unknown[i], unrecorded[i]);
        }
        var ranking = standings.OrderBy(s => s.Rank ?? int.MaxValue).ThenBy(s => s.Framework.Name, StringComparer.OrdinalIgnoreCase).ToList();
        return new VerdictResult(categories, ranking, rules.Missing);
    }

    /// <summary>Competition ranking on the shown (whole-number) scores: equal scores share a rank, the next rank skips.</summary>
    static int? Rank(int?[] finals, int i)
    {
        if (finals[i] is not { } s) return null;
        var rank = 1;
        foreach (var f in finals) if (f > s) rank++;
        return rank;
    }

    static bool Tied(int?[] finals, int i)
    {
        if (finals[i] is not { } s) return false;
        var same = 0;
        foreach (var f in finals) if (f == s) same++;
        return same > 1;
    }

    /// <summary>
    /// The facts where this framework's points differ most from the others' average, weighted by their share of the total:
    /// the largest effects first, then by label, and in row order when both are equal (a stable top few).
    /// </summary>
    static (List<VerdictFact> Ahead, List<VerdictFact> Behind) Deciding(List<(Scored Row, double Share)> rows, int i)
    {
        var ahead = new List<(Scored Row, double Effect)>(MaxAhead + 1);
        var behind = new List<(Scored Row, double Effect)>(MaxBehind + 1);
        foreach (var (row, rowShare) in rows)
        {
            if (row.Known[i] is not { } own) continue;
            double others = 0;
            var count = 0;
            for (var j = 0; j < row.Known.Length; j++)
                if (j != i && row.Known[j] is { } p) { others += p; count++; }
            if (count == 0) continue;
            var effect = rowShare * (own - others / count);
            if (effect > 1e-9) Keep(ahead, (row, effect), MaxAhead);
            else if (effect < -1e-9) Keep(behind, (row, effect), MaxBehind);
        }
        return (ahead.ConvertAll(r => new VerdictFact(r.Row.Attribute, r.Row.Values[i]!)), behind.ConvertAll(r => new VerdictFact(r.Row.Attribute, r.Row.Values[i]!)));
    }

    static void Keep(List<(Scored Row, double Effect)> top, (Scored Row, double Effect) candidate, int most)
    {
        var at = top.Count;
        while (at > 0 && Precedes(candidate, top[at - 1])) at--;
        if (at >= most) return;
        top.Insert(at, candidate);
        if (top.Count > most) top.RemoveAt(most);
    }

    static bool Precedes((Scored Row, double Effect) a, (Scored Row, double Effect) b)
    {
        var (x, y) = (Math.Abs(a.Effect), Math.Abs(b.Effect));
        return x > y || x == y && string.CompareOrdinal(a.Row.Attribute.Label, b.Row.Attribute.Label) < 0;
    }

    /// <summary>A weighted, scorable row's points per framework; null when the row does not count.</summary>
    static Scored? Row(ComparisonRow row, ScoringRules rules, VerdictChoices choices, bool useCase)
    {
        var weight = useCase ? (choices.UseCases.Contains(row.Attribute.Key) ? 1 : 0) : choices.AttributeWeight(row.Attribute.Key);
        if (weight == 0 || Points(row, rules) is not var (known, values)) return null;
        var m = known.Length;
        var unknown = new bool[m];
        var counted = new double?[m];
        for (var i = 0; i < m; i++)
        {
            unknown[i] = row.Cells[i].Value is { IsUnknown: true };
            counted[i] = known[i] ?? (rules.Missing == MissingValues.Middle ? 0.5 : null);
        }
        return new Scored(row.Attribute, weight, counted, known, values, unknown);
    }

    /// <summary>
    /// The points (0 to 1) of each cell's known value by the rules, one per cell, and the values they came from; null
    /// when the rules score nothing of this row. Numbers score as a share of the best value among the row's cells.
    /// </summary>
    public static (double?[] Points, string?[] Values)? Points(ComparisonRow row, ScoringRules rules)
    {
        var rule = rules.For(row.Attribute);
        if (!rule.Scores) return null;
        var byPoints = row.Attribute.Type == AttributeType.YesNo && rule.Points is not null;
        var byNumber = row.Attribute.Type == AttributeType.Number && rule.Better is not null;
        var m = row.Cells.Count;
        if (!(byPoints || byNumber) || m == 0) return null;
        var values = new string?[m];
        var known = new double?[m];
        for (var i = 0; i < m; i++) values[i] = row.Cells[i].Value is { IsUnknown: false, Value: { } v } ? v : null;
        if (byPoints)
            for (var i = 0; i < m; i++) known[i] = values[i] is { } v && rule.Points!.TryGetValue(v, out var p) ? p : null;
        else
            Normalise(values, known, rule.Better!.Value);
        return (known, values);
    }

    static double? Number(string? text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) && double.IsFinite(n) ? Math.Max(0, n) : null;

    /// <summary>Share of the best value among the compared frameworks: the best gets 1, half the stars gets 0.5; lower-is-better inverts.</summary>
    static void Normalise(string?[] values, double?[] points, Better better)
    {
        double? best = null;
        for (var i = 0; i < values.Length; i++)
        {
            points[i] = Number(values[i]);
            if (points[i] is { } x && (best is not { } b || (better == Better.Higher ? x > b : x < b))) best = x;
        }
        if (best is not { } top) return;
        for (var i = 0; i < points.Length; i++)
            if (points[i] is { } x)
                points[i] = better == Better.Higher ? (top == 0 ? 1 : x / top) : (x == top ? 1 : top / x);
    }
}
