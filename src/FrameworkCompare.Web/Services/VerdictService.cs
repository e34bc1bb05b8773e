using FrameworkCompare.Web.Models;
using FrameworkCompare.Web.ReadModel;
using Microsoft.Extensions.Primitives;

namespace FrameworkCompare.Web.Services;

/// <summary>Builds a comparison page's "Your priorities" form and, when the query asks for one, the verdict.</summary>
public sealed class VerdictService(SiteSnapshot snapshot)
{
    /// <summary>The form and verdict, or null when there are no scoring rules (then the page offers no verdict).</summary>
    public VerdictViewModel? Build(ComparisonViewModel comparison, IEnumerable<KeyValuePair<string, StringValues>> query)
    {
        var sections = comparison.FullSections;
        if (snapshot.Scoring is not { } scoring) return null;

        // Only what the rules score can be weighed: a category without scored attributes gets no field.
        var scored = sections
            .Select(s => (s.Category, Attributes: s.Rows.Select(r => r.Attribute).Where(a => Scores(scoring, a)).ToList()))
            .Where(s => s.Attributes.Count > 0)
            .ToList();
        var useCases = scored.Where(s => s.Category.Key == Catalog.UseCasesCategory).SelectMany(s => s.Attributes).ToList();
        var weighable = scored.Where(s => s.Category.Key != Catalog.UseCasesCategory).ToList();
        var keys = new VerdictKeys(
            [.. scored.Select(s => s.Category.Key)],
            [.. weighable.SelectMany(s => s.Attributes.Select(a => a.Key))],
            [.. useCases.Select(a => a.Key)]);
        var choices = VerdictQuery.Parse(query, keys);
        var shown = choices ?? new VerdictChoices(new Dictionary<string, int>(), new Dictionary<string, int>(), []);

        return new VerdictViewModel
        {
            Categories = scored.Select(s => new VerdictWeightField(VerdictQuery.CategoryPrefix + s.Category.Key, s.Category.Label,
                shown.CategoryWeight(s.Category.Key), VerdictQuery.DefaultWeight(s.Category.Key),
                s.Category.Key == Catalog.UseCasesCategory ? []
                    : s.Attributes.Select(a => new VerdictWeightField(VerdictQuery.AttributePrefix + a.Key, a.Label, shown.AttributeWeight(a.Key), VerdictQuery.DefaultAttributeWeight, [])).ToList())).ToList(),
            UseCases = useCases.Select(a => new VerdictUseCaseField(a.Key, a.Label, shown.UseCases.Contains(a.Key))).ToList(),
            Result = choices is null ? null : VerdictScorer.Score(comparison.Frameworks, sections, scoring, choices),
            SharePath = choices is null ? null : comparison.CanonicalPath + VerdictQuery.Canonical(choices, keys, comparison.OnlyDifferences),
            AttributesWeighted = shown.Attributes.Values.Any(w => w != VerdictQuery.DefaultAttributeWeight),
        };
    }

    public Task<MethodologyViewModel> MethodologyAsync(CancellationToken ct)
    {
        var scoring = snapshot.Scoring;
        var exceptions = snapshot.Catalog.Attributes.Where(a => scoring?.Attributes.ContainsKey(a.Key) == true).Select(a => (a, scoring!.Attributes[a.Key])).ToList();
        return Task.FromResult(new MethodologyViewModel(scoring, exceptions));
    }

    static bool Scores(ScoringRules rules, AttributeDefinition attribute) => rules.For(attribute) switch
    {
        { Points: not null } => attribute.Type == AttributeType.YesNo,
        { Better: not null } => attribute.Type == AttributeType.Number,
        _ => false,
    };
}
