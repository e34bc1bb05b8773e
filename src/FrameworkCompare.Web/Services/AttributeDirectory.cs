using System.Globalization;
using FrameworkCompare.Web.Models;
using FrameworkCompare.Web.ReadModel;

namespace FrameworkCompare.Web.Services;

/// <summary>The attribute pages' models, from the snapshot: the catalog by category, and one attribute across every framework.</summary>
public sealed class AttributeDirectory(SiteSnapshot snapshot, FactSheet facts)
{
    public AttributeListViewModel List()
    {
        var known = snapshot.Frameworks.SelectMany(f => f.Values).Where(v => !v.IsUnknown && v.Value is not null)
            .CountBy(v => v.AttributeKey).ToDictionary();
        var byCategory = snapshot.Catalog.Attributes.ToLookup(a => a.CategoryKey);
        var sections = snapshot.Catalog.Categories
            .Select(c => new AttributeListSection(c, byCategory[c.Key].Select(a => (a, known.GetValueOrDefault(a.Key))).ToList()))
            .Where(s => s.Attributes.Count > 0)
            .ToList();
        return new AttributeListViewModel(sections, snapshot.Frameworks.Count);
    }

    public bool Exists(string key) => snapshot.Catalog.Find(key) is not null;

    /// <summary>Null when the catalog has no such attribute.</summary>
    public AttributePageViewModel? Page(string key, AttributeSort sort)
    {
        if (snapshot.Catalog.Find(key) is not { } attribute) return null;
        var category = snapshot.Catalog.Categories.First(c => c.Key == attribute.CategoryKey);
        var row = facts.Row(snapshot.Frameworks, attribute);
        var byName = row.Cells.OrderBy(c => c.Framework.Name, StringComparer.OrdinalIgnoreCase);
        var cells = sort == AttributeSort.Value ? byName.OrderBy(c => Rank(attribute, c.Value)).ThenByDescending(c => Number(c.Value)).ThenBy(c => c.Value?.Value, StringComparer.OrdinalIgnoreCase).ToList() : byName.ToList();
        return new AttributePageViewModel(attribute, category, sort, cells);
    }

    /// <summary>Yes before partial before no, every known value before unknown, and not recorded last.</summary>
    static int Rank(AttributeDefinition attribute, FactValue? value) => value switch
    {
        null => 4,
        { IsUnknown: true } => 3,
        { Value: "yes" } when attribute.Type == AttributeType.YesNo => 0,
        { Value: "partial" } when attribute.Type == AttributeType.YesNo => 1,
        _ when attribute.Type == AttributeType.YesNo => 2,
        _ => 0,
    };

    /// <summary>Numbers (and years) largest first; other types have none and keep their text order.</summary>
    static double Number(FactValue? value) =>
        double.TryParse(value?.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) ? n : double.NegativeInfinity;
}
