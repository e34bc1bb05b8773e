namespace FrameworkCompare.Web.Models;

public enum Better { Higher, Lower }

/// <summary>What an unknown or not-recorded value counts as: left out of the sums (the default), or half the points.</summary>
public enum MissingValues { LeaveOut, Middle }

/// <summary>How one attribute's values turn into points from 0 to 1. A rule with neither Points nor Better scores nothing.</summary>
public sealed record ScoreRule(IReadOnlyDictionary<string, double>? Points = null, Better? Better = null)
{
    public static readonly ScoreRule None = new();

    public bool Scores => Points is not null || Better is not null;
}

/// <summary>The parsed scoring.yml: the verdict's rules per attribute type, with per-attribute exceptions.</summary>
public sealed record ScoringRules(MissingValues Missing, IReadOnlyDictionary<AttributeType, ScoreRule> Types, IReadOnlyDictionary<string, ScoreRule> Attributes)
{
    public ScoreRule For(AttributeDefinition attribute) =>
        Attributes.TryGetValue(attribute.Key, out var rule) ? rule : Types.GetValueOrDefault(attribute.Type, ScoreRule.None);
}
