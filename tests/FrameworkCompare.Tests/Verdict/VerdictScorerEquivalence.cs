using System.Globalization;
using CsCheck;
using FrameworkCompare.Web.Models;
using FrameworkCompare.Web.Services;

namespace FrameworkCompare.Tests.Verdict;

/// <summary>
/// <see cref="VerdictScorer"/> loops over arrays for speed; its answer must stay exactly the one the scorer first gave in
/// LINQ (kept below as the specification): the same scores, ranks, ties, counts and deciding facts in the same order, on
/// random pages of 2-4 frameworks with yes/no, number and text rows, unknown and missing values, both missing-value
/// rules, random weights and use cases.
/// </summary>
public sealed class VerdictScorerEquivalence
{
    static readonly Category[] Categories =
    [
        new() { Key = "data", Label = "Data", Order = 1 },
        new() { Key = "speed", Label = "Speed", Order = 2 },
        new() { Key = Catalog.UseCasesCategory, Label = "Use cases", Order = 3 },
    ];

    static readonly string[] YesNoValues = ["yes", "no", "partial", "maybe", "?", "-"], NumberValues = ["0", "1", "2.5", "10", "40", "40", "1e3", "-3", "NaN", "x", "?", "-"];

    static readonly Gen<(AttributeType Type, int Category, string Label, int Weight)> RowShape =
        Gen.Select(Gen.OneOf(Gen.Const(AttributeType.YesNo), Gen.Const(AttributeType.Number), Gen.Const(AttributeType.Text)),
            Gen.Int[0, 2], Gen.OneOf<string>("a", "b", "c", "d"), Gen.Int[0, 3], (t, c, l, w) => (t, c, l, w));

    static readonly Gen<(List<Framework>, List<ComparisonSection>, ScoringRules, VerdictChoices)> Pages =
        from count in Gen.Int[2, 4]
        from shapes in RowShape.Array[1, 14]
        from cells in Gen.Int[0, 11].Array[count * 14]
        from missing in Gen.OneOf(Gen.Const(MissingValues.LeaveOut), Gen.Const(MissingValues.Middle))
        from lowerIsBetter in Gen.Bool
        from categoryWeights in Gen.Int[0, 3].Array[3]
        select Build(count, shapes, cells, missing, lowerIsBetter, categoryWeights);

    static (List<Framework>, List<ComparisonSection>, ScoringRules, VerdictChoices) Build(int count,
        (AttributeType Type, int Category, string Label, int Weight)[] shapes, int[] cells, MissingValues missing, bool lowerIsBetter, int[] categoryWeights)
    {
        var attributes = shapes.Select((s, i) => new AttributeDefinition
        {
            Key = $"k{i}", Label = s.Label, CategoryKey = Categories[s.Category].Key, Type = s.Type, Description = "",
        }).ToList();
        var frameworks = Enumerable.Range(0, count).Select(f => new Framework
        {
            Slug = $"f{f}", Name = ((char)('A' + f)).ToString(), Language = "x", Kind = "micro", Website = "", Repository = "",
            License = "", Summary = "", OverviewHtml = "", OverviewText = "", SourcePath = "",
        }).ToList();
        FactValue? Value(int row, int f)
        {
            var pick = cells[row * count + f];
            var text = attributes[row].Type == AttributeType.Number ? NumberValues[pick] : YesNoValues[pick % YesNoValues.Length];
            return text switch
            {
                "-" => null,
                "?" => new FactValue { AttributeKey = attributes[row].Key, UnknownReason = "not known" },
                _ => new FactValue { AttributeKey = attributes[row].Key, Value = text },
            };
        }
        var sections = Categories.Select(c => new ComparisonSection(c, attributes.Select((a, row) => (a, row)).Where(x => x.a.CategoryKey == c.Key)
            .Select(x => new ComparisonRow(x.a, frameworks.Select((f, i) => new ComparisonCell(f, Value(x.row, i), false)).ToList())).ToList()))
            .Where(s => s.Rows.Count > 0).ToList();
        var rules = new ScoringRules(missing,
            new Dictionary<AttributeType, ScoreRule>
            {
                [AttributeType.YesNo] = new(Points: new Dictionary<string, double> { ["yes"] = 1, ["partial"] = 0.5, ["no"] = 0 }),
                [AttributeType.Number] = new(Better: Better.Higher),
            },
            new Dictionary<string, ScoreRule> { ["k1"] = new(Better: lowerIsBetter ? Better.Lower : Better.Higher), ["k2"] = ScoreRule.None });
        var choices = new VerdictChoices(
            Categories.Select((c, i) => (c.Key, categoryWeights[i])).ToDictionary(),
            attributes.Select((a, i) => (a.Key, shapes[i].Weight)).ToDictionary(),
            attributes.Where((a, i) => a.CategoryKey == Catalog.UseCasesCategory && shapes[i].Weight > 1).Select(a => a.Key).ToList());
        return (frameworks, sections, rules, choices);
    }

    static string Described(VerdictResult result) => string.Join("\n",
        result.Categories.Select(c => $"{c.Category.Key} w{c.Weight}: {string.Join(",", c.Scores)}").Concat(
        result.Ranking.Select(s => $"{s.Framework.Name} #{s.Rank} tied={s.Tied} {s.Score} u{s.Unknown} n{s.NotRecorded} " +
            $"+[{string.Join(";", s.Ahead.Select(f => $"{f.Attribute.Key}={f.Value}"))}] -[{string.Join(";", s.Behind.Select(f => $"{f.Attribute.Key}={f.Value}"))}]")));

    [Fact]
    public void TheScorerGivesTheAnswerItsLinqSpecificationGives()
    {
        var decided = 0;
        Pages.Sample(page =>
        {
            var (frameworks, sections, rules, choices) = page;
            var expected = LinqVerdictScorer.Score(frameworks, sections, rules, choices);
            Assert.Equal(Described(expected), Described(VerdictScorer.Score(frameworks, sections, rules, choices)));
            if (expected.Ranking.Any(s => s.Ahead.Count > 1)) decided++;
        }, seed: Security.ParserProperties.Seed, iter: 3_000);
        // The generator reaches the interesting cases: several deciding facts to order, not only empty verdicts.
        Assert.True(decided > 300, $"only {decided} pages had more than one deciding fact");
    }

    /// <summary>The scorer as first written, in LINQ: the specification the faster one must equal.</summary>
    static class LinqVerdictScorer
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
}
