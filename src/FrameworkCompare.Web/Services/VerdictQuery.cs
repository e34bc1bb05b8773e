using System.Globalization;
using System.Text;
using Microsoft.Extensions.Primitives;

namespace FrameworkCompare.Web.Services;

/// <summary>The weights a reader chose, as read from the query string; every key not listed has its default.</summary>
public sealed record VerdictChoices(IReadOnlyDictionary<string, int> Categories, IReadOnlyDictionary<string, int> Attributes, IReadOnlyList<string> UseCases)
{
    public int CategoryWeight(string key) => Categories.TryGetValue(key, out var w) ? w : VerdictQuery.DefaultWeight(key);
    public int AttributeWeight(string key) => Attributes.TryGetValue(key, out var w) ? w : VerdictQuery.DefaultAttributeWeight;
}

/// <summary>What the priorities form can weigh on one page: category, attribute and use-case keys in page order.</summary>
public sealed record VerdictKeys(IReadOnlyList<string> Categories, IReadOnlyList<string> Attributes, IReadOnlyList<string> UseCases);

/// <summary>
/// Reads and writes a verdict's query string: <c>?verdict=1&amp;w-security=3&amp;a-orm=0&amp;use=rest-api</c>. Anything it does
/// not know (other keys, words, repeated keys) is ignored and numbers are clamped to 0-3, so no query string fails.
/// </summary>
public static class VerdictQuery
{
    public const string Marker = "verdict", CategoryPrefix = "w-", AttributePrefix = "a-", UseCase = "use";
    public const int MinWeight = 0, MaxWeight = 3, DefaultAttributeWeight = 1;

    /// <summary>Each category counts once unless the reader says otherwise; use cases the reader picked count twice.</summary>
    public static int DefaultWeight(string categoryKey) => categoryKey == Models.Catalog.UseCasesCategory ? 2 : 1;

    public static bool IsRequested(IEnumerable<KeyValuePair<string, StringValues>> query) => query.Any(q => q.Key == Marker);

    /// <summary>The reader's choices, or null when the query does not ask for a verdict.</summary>
    public static VerdictChoices? Parse(IEnumerable<KeyValuePair<string, StringValues>> query, VerdictKeys keys)
    {
        var pairs = query.ToList();
        if (!pairs.Any(q => q.Key == Marker)) return null;
        var categories = Weights(pairs, CategoryPrefix, keys.Categories);
        var attributes = Weights(pairs, AttributePrefix, keys.Attributes);
        var picked = pairs.Where(q => q.Key == UseCase).SelectMany(q => q.Value).ToHashSet(StringComparer.Ordinal);
        return new VerdictChoices(categories, attributes, keys.UseCases.Where(picked.Contains).ToList());
    }

    static Dictionary<string, int> Weights(List<KeyValuePair<string, StringValues>> pairs, string prefix, IReadOnlyList<string> known)
    {
        var weights = new Dictionary<string, int>(StringComparer.Ordinal);
        var knownSet = known.ToHashSet(StringComparer.Ordinal);
        foreach (var (key, values) in pairs)
        {
            if (!key.StartsWith(prefix, StringComparison.Ordinal) || !knownSet.Contains(key[prefix.Length..])) continue;
            // The first value that reads as a whole number wins; a repeated key cannot override it.
            var weight = values.Select(Weight).FirstOrDefault(w => w is not null);
            if (weight is not null) weights.TryAdd(key[prefix.Length..], weight.Value);
        }
        return weights;
    }

    /// <summary>A whole number clamped to 0-3; anything else (words, fractions, numbers too big to read) is no choice.</summary>
    static int? Weight(string? text) =>
        int.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite, CultureInfo.InvariantCulture, out var n)
            ? Math.Clamp(n, MinWeight, MaxWeight) : null;

    /// <summary>The shortest query string for these choices: only weights that differ from the defaults, in page order.</summary>
    public static string Canonical(VerdictChoices choices, VerdictKeys keys, bool onlyDifferences)
    {
        var query = new StringBuilder(onlyDifferences ? "?only=differences&" : "?").Append(Marker).Append("=1");
        foreach (var key in keys.Categories.Where(k => choices.CategoryWeight(k) != DefaultWeight(k)))
            query.Append('&').Append(CategoryPrefix).Append(key).Append('=').Append(choices.CategoryWeight(key));
        foreach (var key in keys.Attributes.Where(k => choices.AttributeWeight(k) != DefaultAttributeWeight))
            query.Append('&').Append(AttributePrefix).Append(key).Append('=').Append(choices.AttributeWeight(key));
        foreach (var key in keys.UseCases.Where(choices.UseCases.Contains))
            query.Append('&').Append(UseCase).Append('=').Append(key);
        return query.ToString();
    }
}
