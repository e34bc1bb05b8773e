using FrameworkCompare.Web.Models;
using FrameworkCompare.Web.Services;
using Microsoft.Extensions.Primitives;

namespace FrameworkCompare.Tests.Verdict;

/// <summary>The scorer and the query string on their own, without a site.</summary>
public sealed class VerdictScorerTests
{
    static readonly Category Data = new() { Key = "data", Label = "Data", Order = 1 };
    static readonly Category Speed = new() { Key = "speed", Label = "Speed", Order = 2 };

    static AttributeDefinition Attribute(string key, Category category, AttributeType type) =>
        new() { Key = key, Label = key, CategoryKey = category.Key, Type = type, Description = key, Unit = type == AttributeType.Number ? "ms" : null };

    static readonly AttributeDefinition Orm = Attribute("orm", Data, AttributeType.YesNo), Migrations = Attribute("migrations", Data, AttributeType.YesNo),
        Latency = Attribute("latency", Speed, AttributeType.Number), Notes = Attribute("notes", Speed, AttributeType.Text);

    static ScoringRules Rules(MissingValues missing = MissingValues.LeaveOut, Dictionary<string, ScoreRule>? attributes = null) => new(missing,
        new Dictionary<AttributeType, ScoreRule>
        {
            [AttributeType.YesNo] = new(Points: new Dictionary<string, double> { ["yes"] = 1, ["partial"] = 0.5, ["no"] = 0 }),
            [AttributeType.Number] = new(Better: Better.Higher),
        },
        attributes ?? new Dictionary<string, ScoreRule> { ["latency"] = new(Better: Better.Lower) });

    /// <summary>Frameworks named a, b, c… with the given values per attribute key; null: not recorded, "?": unknown.</summary>
    static (List<Framework> Frameworks, List<ComparisonSection> Sections) Page(params (AttributeDefinition Attribute, string?[] Values)[] rows)
    {
        var count = rows[0].Values.Length;
        var frameworks = Enumerable.Range(0, count).Select(i => new Framework
        {
            Slug = ((char)('a' + i)).ToString(), Name = ((char)('A' + i)).ToString(), Language = "x", Kind = "micro", Website = "", Repository = "",
            License = "", Summary = "", OverviewHtml = "", OverviewText = "", SourcePath = "",
            Values = rows.Where(r => r.Values[i] is not null).Select(r => r.Values[i] == "?"
                ? new FactValue { AttributeKey = r.Attribute.Key, UnknownReason = "not known" }
                : new FactValue { AttributeKey = r.Attribute.Key, Value = r.Values[i] }).ToList(),
        }).ToList();
        var sections = rows.GroupBy(r => r.Attribute.CategoryKey).Select(g => new ComparisonSection(
            g.Key == Data.Key ? Data : Speed,
            g.Select(r => new ComparisonRow(r.Attribute, frameworks.Select(f => new ComparisonCell(f, f.Values.FirstOrDefault(v => v.AttributeKey == r.Attribute.Key), false)).ToList())).ToList())).ToList();
        return (frameworks, sections);
    }

    static VerdictChoices Choices(Dictionary<string, int>? categories = null, Dictionary<string, int>? attributes = null) =>
        new(categories ?? [], attributes ?? [], []);

    static List<(string Name, int? Rank, int? Score)> Ranking(VerdictResult result) => result.Ranking.Select(s => (s.Framework.Name, s.Rank, s.Score)).ToList();

    [Fact]
    public void LowerIsBetterGivesTheLeastTheFullPointAndOthersTheirShare()
    {
        var (frameworks, sections) = Page((Latency, ["10", "20", "40"]));
        var result = VerdictScorer.Score(frameworks, sections, Rules(), Choices());
        Assert.Equal([("A", 1, 100), ("B", 2, 50), ("C", 3, 25)], Ranking(result));
    }

    [Fact]
    public void AttributeWeightsWeighInsideTheirCategoryAndCategoryWeightsBetweenCategories()
    {
        var (frameworks, sections) = Page((Orm, ["yes", "no"]), (Migrations, ["no", "yes"]), (Latency, ["10", "20"]));
        // Data: A = (3·1 + 1·0) / 4 = 75, B = 25. Speed: A 100, B 50. Totals with data at 3: A (3·75 + 100) / 4 = 81, B (3·25 + 50) / 4 = 31.
        var result = VerdictScorer.Score(frameworks, sections, Rules(), Choices(new() { ["data"] = 3 }, new() { ["orm"] = 3 }));
        Assert.Equal([75, 25], result.Categories[0].Scores);
        Assert.Equal([("A", 1, 81), ("B", 2, 31)], Ranking(result));
    }

    [Fact]
    public void TiesShareARankAndTheNextRankSkips()
    {
        var (frameworks, sections) = Page((Orm, ["yes", "yes", "no", "partial"]));
        var result = VerdictScorer.Score(frameworks, sections, Rules(), Choices());
        Assert.Equal([("A", 1, 100), ("B", 1, 100), ("D", 3, 50), ("C", 4, 0)], Ranking(result));
        Assert.Equal([true, true, false, false], result.Ranking.Select(s => s.Tied));
    }

    [Fact]
    public void AllZeroWeightsGiveNoCategoriesAndNoRanking()
    {
        var (frameworks, sections) = Page((Orm, ["yes", "no"]), (Latency, ["1", "2"]));
        var result = VerdictScorer.Score(frameworks, sections, Rules(), Choices(new() { ["data"] = 0, ["speed"] = 0 }));
        Assert.True(result.NothingWeighted);
        Assert.Empty(result.Ranking);
    }

    [Fact]
    public void UnknownAndNotRecordedAreLeftOutAndCounted()
    {
        var (frameworks, sections) = Page((Orm, ["no", "?", null]), (Migrations, ["no", "yes", "yes"]));
        var result = VerdictScorer.Score(frameworks, sections, Rules(), Choices());
        // A: both no → 0. B and C: only migrations known → 100, as if the ORM row were not there.
        Assert.Equal([("B", 1, 100), ("C", 1, 100), ("A", 3, 0)], Ranking(result));
        Assert.Equal([(0, 0), (1, 0), (0, 1)], frameworks.Select(f => result.Ranking.Single(s => s.Framework == f)).Select(s => (s.Unknown, s.NotRecorded)));
    }

    [Fact]
    public void MiddleCountsMissingValuesAsHalfNeverAsNo()
    {
        var (frameworks, sections) = Page((Orm, ["no", "?"]), (Migrations, ["no", "yes"]));
        var result = VerdictScorer.Score(frameworks, sections, Rules(MissingValues.Middle), Choices());
        Assert.Equal([("B", 1, 75), ("A", 2, 0)], Ranking(result));
    }

    [Fact]
    public void AFrameworkWithNothingKnownIsNotRanked()
    {
        var (frameworks, sections) = Page((Orm, ["yes", "?"]));
        var result = VerdictScorer.Score(frameworks, sections, Rules(), Choices());
        Assert.Equal([("A", 1, 100), ("B", null, null)], Ranking(result));
        Assert.Equal([100, null], result.Categories[0].Scores);
    }

    [Fact]
    public void TextsAndSkippedAttributesAreNotScored()
    {
        var (frameworks, sections) = Page((Notes, ["fast", "slow"]), (Latency, ["10", "20"]), (Orm, ["yes", "no"]));
        var rules = Rules(attributes: new() { ["latency"] = ScoreRule.None });
        var result = VerdictScorer.Score(frameworks, sections, rules, Choices());
        Assert.Equal(["data"], result.Categories.Select(c => c.Category.Key));
    }

    [Fact]
    public void TheDecidingFactsAreTheBiggestDifferencesByTheirWeight()
    {
        var (frameworks, sections) = Page((Orm, ["yes", "no"]), (Migrations, ["yes", "partial"]), (Latency, ["10", "10"]));
        var result = VerdictScorer.Score(frameworks, sections, Rules(), Choices());
        var a = result.Ranking[0];
        Assert.Equal([("orm", "yes"), ("migrations", "yes")], a.Ahead.Select(f => (f.Attribute.Key, f.Value)));
        Assert.Empty(a.Behind);
        Assert.Equal([("orm", "no"), ("migrations", "partial")], result.Ranking[1].Behind.Select(f => (f.Attribute.Key, f.Value)));
    }

    static readonly VerdictKeys Keys = new(["data", "speed", "use-cases"], ["orm", "latency"], ["rest-api", "prototypes"]);

    static IEnumerable<KeyValuePair<string, StringValues>> Query(string query) =>
        Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(query);

    [Theory]
    [InlineData("?verdict=1&w-data=9&w-speed=-1&a-orm=2&a-latency=x&use=prototypes&use=nope&use=rest-api", "?verdict=1&w-data=3&w-speed=0&a-orm=2&use=rest-api&use=prototypes")]
    [InlineData("?verdict=1&w-data=1&w-use-cases=2&a-orm=1", "?verdict=1")]
    [InlineData("?verdict=x&w-data= 2 &w-data=3", "?verdict=1&w-data=2")]
    [InlineData("?verdict&w-unknown=3&a-data=3&w-orm=3", "?verdict=1")]
    public void QueriesAreReadLeniently(string query, string canonical)
    {
        var choices = VerdictQuery.Parse(Query(query), Keys)!;
        Assert.Equal(canonical, VerdictQuery.Canonical(choices, Keys, onlyDifferences: false));
        // Reading the canonical form again changes nothing: no redirect loop.
        Assert.Equal(canonical, VerdictQuery.Canonical(VerdictQuery.Parse(Query(canonical), Keys)!, Keys, onlyDifferences: false));
    }

    [Fact]
    public void WithoutTheMarkerThereIsNoVerdict() => Assert.Null(VerdictQuery.Parse(Query("?w-data=3&use=rest-api"), Keys));
}
