using System.Globalization;
using System.Xml.Linq;
using FrameworkCompare.Web.Models;

namespace FrameworkCompare.Web.Services;

/// <summary>
/// A shields-style SVG badge for one fact: "Django · License" on the left, the value on the right. Built as XML
/// nodes, so every piece of text is escaped; drawn with presentation attributes only, so it needs no style or script.
/// </summary>
public static class FactBadge
{
    static readonly XNamespace Svg = "http://www.w3.org/2000/svg";
    const int Height = 20, Padding = 6, MaxValueLength = 48;
    // Verdana at 11px averages about 6.5px a character; a little more keeps wide letters inside the box.
    const double CharWidth = 7;

    public static string Render(Framework framework, AttributeDefinition attribute, ComparisonCell cell)
    {
        var label = Clean($"{framework.Name} · {attribute.Label}");
        var value = Clean(Shorten(ValueText(attribute, cell.Value)));
        var title = Clean(Title(label, value, cell));
        var left = Width(label);
        var right = Width(value);
        var width = left + right;
        var svg = new XElement(Svg + "svg",
            new XAttribute("width", width), new XAttribute("height", Height), new XAttribute("viewBox", $"0 0 {width} {Height}"),
            new XAttribute("role", "img"), new XAttribute("aria-label", title),
            new XElement(Svg + "title", title),
            new XElement(Svg + "rect", new XAttribute("width", left), new XAttribute("height", Height), new XAttribute("fill", "#555555")),
            new XElement(Svg + "rect", new XAttribute("x", left), new XAttribute("width", right), new XAttribute("height", Height), new XAttribute("fill", Colour(attribute, cell))),
            new XElement(Svg + "g", new XAttribute("fill", "#ffffff"), new XAttribute("font-family", "Verdana,DejaVu Sans,sans-serif"), new XAttribute("font-size", 11),
                new XAttribute("text-anchor", "middle"), new XAttribute("aria-hidden", "true"),
                Text(left / 2.0, label),
                Text(left + right / 2.0, value)));
        return svg.ToString(SaveOptions.DisableFormatting);
    }

    /// <summary>The value as one line of plain text; a fact without a known value reads "unknown".</summary>
    public static string ValueText(AttributeDefinition attribute, FactValue? fact)
    {
        if (fact?.Value is not { } value || fact.IsUnknown) return "unknown";
        return attribute.Type switch
        {
            AttributeType.YesNo => value switch { "yes" => "yes", "no" => "no", _ => "partial" },
            AttributeType.Number when double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) =>
                $"{n.ToString("#,0.##", CultureInfo.InvariantCulture)} {attribute.Unit}".Trim(),
            AttributeType.List => string.Join(", ", value.Split('\n')),
            AttributeType.Date when DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) =>
                d.ToString("d MMM yyyy", CultureInfo.InvariantCulture),
            _ => value,
        };
    }

    static string Title(string label, string value, ComparisonCell cell)
    {
        var title = $"{label}: {value}";
        if (cell.Value?.Checked is { } on) title += $" (checked {on.ToString("d MMM yyyy", CultureInfo.InvariantCulture)})";
        if (cell.IsStale) title += ", possibly out of date";
        return title + " · FrameworkCompare";
    }

    static XElement Text(double x, string text) =>
        new(Svg + "text", new XAttribute("x", x.ToString("0.#", CultureInfo.InvariantCulture)), new XAttribute("y", 14), text);

    static int Width(string text) => (int)Math.Ceiling(text.Length * CharWidth) + 2 * Padding;

    // Darker than shields' defaults, so white text keeps a 4.5:1 contrast.
    static string Colour(AttributeDefinition attribute, ComparisonCell cell) => cell.Value switch
    {
        null or { IsUnknown: true } => "#6e7781",
        _ when cell.IsStale => "#8a4600",
        { Value: "yes" } when attribute.Type == AttributeType.YesNo => "#116329",
        { Value: "no" } when attribute.Type == AttributeType.YesNo => "#a40e26",
        _ when attribute.Type == AttributeType.YesNo => "#7d4e00",
        _ => "#0550ae",
    };

    static string Shorten(string text) => text.Length <= MaxValueLength ? text : text[..(MaxValueLength - 1)] + "…";

    /// <summary>XML cannot hold most control characters or lone surrogates: they become spaces (or U+FFFD) instead of failing the response.</summary>
    static string Clean(string text) => string.Concat(text.EnumerateRunes()
        .Select(r => System.Text.Rune.IsControl(r) || r.Value is 0xFFFE or 0xFFFF ? " " : r.ToString()));
}
