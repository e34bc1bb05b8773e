using FrameworkCompare.Web.Models;

namespace FrameworkCompare.Web.Content;

/// <summary>Reads attributes.yml, the catalog of what frameworks are compared on.</summary>
public static class CatalogParser
{
    public const string FileName = "attributes.yml";

    public static readonly IReadOnlyDictionary<string, AttributeType> Types = new Dictionary<string, AttributeType>
    {
        ["yesno"] = AttributeType.YesNo, ["text"] = AttributeType.Text, ["number"] = AttributeType.Number,
        ["year"] = AttributeType.Year, ["list"] = AttributeType.List, ["url"] = AttributeType.Url,
        ["date"] = AttributeType.Date,
    };

    public static Catalog? Parse(ContentSource source, List<ContentProblem> problems)
    {
        var errorsBefore = problems.Count(p => !p.IsWarning);
        var text = source.ReadText(problems);
        var fields = text is null ? null : YamlFields.LoadMapping(source.Path, text, lineOffset: 0, problems);
        if (fields is null) return null;
        fields.RejectUnknown("categories", "attributes");

        var categories = new List<Category>();
        foreach (var c in fields.Mappings("categories"))
        {
            c.RejectUnknown("key", "label", "order");
            var (key, label, order) = (c.Slug("key"), c.Text("label"), c.Integer("order", 0, 10_000));
            if (key is null || label is null || order is null) continue;
            if (categories.Any(x => x.Key == key)) c.Error(c.Line, $"duplicate category key '{key}'");
            else categories.Add(new Category { Key = key, Label = label, Order = order.Value });
        }

        var attributes = new List<AttributeDefinition>();
        foreach (var a in fields.Mappings("attributes"))
        {
            var attribute = ParseAttribute(a, categories);
            if (attribute is null) continue;
            if (attributes.Any(x => x.Key == attribute.Key)) a.Error(a.Line, $"duplicate attribute key '{attribute.Key}'");
            else attributes.Add(attribute);
        }
        if (attributes.Count == 0) fields.Error(fields.Line, "the catalog defines no attributes");

        return problems.Count(p => !p.IsWarning) == errorsBefore ? new Catalog(categories, attributes) : null;
    }

    /// <summary>Months, or <c>never</c> (stored as <see cref="AttributeDefinition.NeverStale"/>) for facts that cannot change.</summary>
    static int? StaleAfter(YamlFields a)
    {
        if (a.Node("stale_after_months", false) is not { } node) return null;
        if (node is YamlDotNet.RepresentationModel.YamlScalarNode { Value: "never" }) return AttributeDefinition.NeverStale;
        return a.Integer("stale_after_months", 1, 600);
    }

    static AttributeDefinition? ParseAttribute(YamlFields a, List<Category> categories)
    {
        a.RejectUnknown("key", "label", "category", "type", "unit", "description", "order", "stale_after_months");
        var key = a.Slug("key");
        var label = a.Text("label");
        var category = a.Text("category");
        var typeName = a.Text("type");
        var unit = a.Text("unit", required: false);
        var description = a.Text("description");
        var order = a.Integer("order", 0, 10_000);
        var staleAfter = StaleAfter(a);
        if (category is not null && categories.All(c => c.Key != category))
        {
            a.Error(a.LineOf(a.Node("category", false)!), $"unknown category '{category}' (known: {string.Join(", ", categories.Select(c => c.Key))})");
            category = null;
        }
        AttributeType type = default;
        if (typeName is not null && !Types.TryGetValue(typeName, out type))
        {
            a.Error(a.LineOf(a.Node("type", false)!), $"unknown type '{typeName}' (use one of: {string.Join(", ", Types.Keys)})");
            typeName = null;
        }
        if (typeName is not null && type == AttributeType.Number && unit is null)
        {
            a.Error(a.Line, $"attribute '{key}' of type number needs a 'unit'");
            typeName = null;
        }
        if (key is null || label is null || category is null || typeName is null || description is null || order is null) return null;
        return new AttributeDefinition
        {
            Key = key, Label = label, CategoryKey = category, Type = type, Unit = unit, Description = description, Order = order.Value,
            StaleAfterMonths = staleAfter,
        };
    }
}
