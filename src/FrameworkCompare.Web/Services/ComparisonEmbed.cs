using FrameworkCompare.Web.Models;

namespace FrameworkCompare.Web.Services;

/// <summary>The few rows of a comparison another site shows in an iframe, chosen by attribute key in the URL.</summary>
public static class ComparisonEmbed
{
    /// <summary>Shown when the URL chooses no known row: what a reader weighing frameworks asks first.</summary>
    public static readonly IReadOnlyList<string> DefaultRows =
        ["language", "license", "latest-stable-version", "async-support", "orm", "learning-curve"];

    /// <summary>Rows named in a URL must stay few: an embed is a glance, the full page is one link away.</summary>
    public const int MaxRows = 12;

    static readonly Category Chosen = new() { Key = "chosen", Label = "Chosen facts" };

    public static EmbedViewModel Build(ComparisonViewModel comparison, string? rows)
    {
        var all = comparison.Sections.Append(comparison.UseCases).OfType<ComparisonSection>()
            .SelectMany(s => s.Rows).ToDictionary(r => r.Attribute.Key, StringComparer.Ordinal);
        var chosen = Keys(rows).Where(all.ContainsKey).Distinct().Take(MaxRows).ToList();
        if (chosen.Count == 0) chosen = DefaultRows.Where(all.ContainsKey).ToList();
        if (chosen.Count == 0) chosen = all.Keys.Take(DefaultRows.Count).ToList();
        return new EmbedViewModel(comparison, new ComparisonSection(Chosen, chosen.Select(k => all[k]).ToList()));
    }

    /// <summary>Keys the default set would show for this comparison, for the copy-ready code.</summary>
    public static string DefaultRowsFor(ComparisonViewModel comparison) => string.Join(',', Build(comparison, null).Rows.Rows.Select(r => r.Attribute.Key));

    static IEnumerable<string> Keys(string? rows) =>
        (rows ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(k => k.ToLowerInvariant());
}
