namespace FrameworkCompare.Web.Models;

/// <summary>A fact that moved a framework up or down, with its value as stored (shown by its attribute's type).</summary>
public sealed record VerdictFact(AttributeDefinition Attribute, string Value);

/// <summary>One weighted category: its weight and each framework's score from 0 to 100, null when none of its facts is known.</summary>
public sealed record VerdictCategory(Category Category, int Weight, IReadOnlyList<int?> Scores);

/// <summary>
/// One framework's place. Tied frameworks share a rank (1, 1, 3). Score is null when none of the weighted facts is known.
/// Unknown and NotRecorded count the weighted facts left out (or counted as half, see <see cref="ScoringRules.Missing"/>).
/// </summary>
public sealed record VerdictStanding(
    Framework Framework, int? Rank, bool Tied, int? Score,
    IReadOnlyList<VerdictFact> Ahead, IReadOnlyList<VerdictFact> Behind, int Unknown, int NotRecorded);

/// <summary>The outcome of scoring: empty categories and standings when nothing was weighted.</summary>
public sealed record VerdictResult(IReadOnlyList<VerdictCategory> Categories, IReadOnlyList<VerdictStanding> Ranking, MissingValues Missing)
{
    public bool NothingWeighted => Categories.Count == 0;
}

/// <summary>One weight in the form: its query key, label, current and default weight, and for a category its single facts.</summary>
public sealed record VerdictWeightField(string Name, string Label, int Weight, int Default, IReadOnlyList<VerdictWeightField> Attributes);

public sealed record VerdictUseCaseField(string Key, string Label, bool Picked);

/// <summary>The "Your priorities" form and, when the reader asked, the verdict and the address to share it.</summary>
public sealed class VerdictViewModel
{
    public required IReadOnlyList<VerdictWeightField> Categories { get; init; }
    public required IReadOnlyList<VerdictUseCaseField> UseCases { get; init; }
    public VerdictResult? Result { get; init; }
    /// <summary>The comparison's path with the shortest query string for these choices.</summary>
    public string? SharePath { get; init; }
    public bool AttributesWeighted { get; init; }
}

/// <summary>The methodology page: the scoring rules in use (null when there are none) and the attributes with rules of their own.</summary>
public sealed record MethodologyViewModel(ScoringRules? Rules, IReadOnlyList<(AttributeDefinition Attribute, ScoreRule Rule)> Exceptions);
