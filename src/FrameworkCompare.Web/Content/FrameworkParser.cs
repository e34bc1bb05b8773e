using System.Globalization;
using FrameworkCompare.Web.Models;
using YamlDotNet.RepresentationModel;

namespace FrameworkCompare.Web.Content;

/// <summary>Reads a framework profile: front matter facts checked against the catalog, and the overview.</summary>
public sealed class FrameworkParser(MarkdownRenderer markdown, TimeProvider clock)
{
    public static readonly string[] Kinds = ["full-stack", "micro", "api", "async"];

    public Framework? Parse(ContentSource source, Catalog catalog, List<ContentProblem> problems)
    {
        var errorsBefore = problems.Count(p => !p.IsWarning);
        var text = source.ReadText(problems);
        var doc = text is null ? null : FrontMatter.Parse(source.Path, text, problems);
        if (doc is null) return null;
        var f = doc.Fields;
        f.RejectUnknown("slug", "name", "language", "kind", "website", "repository", "license", "first_release",
            "summary", "package", "values", "pros", "cons", "choose_when");
        var package = f.Text("package", required: false);
        if (package is not null && Registries.PackageName.Problem(package) is { } problem)
        {
            f.Error(f.LineOf(f.Node("package", false)!), $"field 'package': {problem}");
            package = null;
        }

        var kind = f.Text("kind");
        if (kind is not null && !Kinds.Contains(kind))
        {
            f.Error(f.LineOf(f.Node("kind", false)!), $"field 'kind': '{kind}' is not one of {string.Join(", ", Kinds)}");
            kind = null;
        }
        var slug = f.Slug("slug");
        if (slug is not null && slug.Contains(Framework.ComparisonSeparator, StringComparison.Ordinal))
        {
            f.Error(f.LineOf(f.Node("slug", false)!), $"field 'slug': '{slug}' contains '-vs-', which separates frameworks in comparison URLs");
            slug = null;
        }
        var framework = new Framework
        {
            Slug = slug ?? "",
            Name = f.Text("name") ?? "",
            Language = f.Text("language") ?? "",
            Kind = kind ?? "",
            Website = f.Url("website") ?? "",
            Repository = f.Url("repository") ?? "",
            License = f.Text("license") ?? "",
            FirstRelease = f.Integer("first_release", 1980, 2100) ?? 0,
            Summary = f.Text("summary") ?? "",
            Package = package,
            ChooseWhen = f.List("choose_when", required: false) ?? [],
            SourcePath = source.Path,
            OverviewHtml = "",
            OverviewText = "",
        };
        framework.Values = ParseValues(f, catalog);
        framework.Points = [.. ParsePoints(f, "pros", isPro: true), .. ParsePoints(f, "cons", isPro: false)];

        if (string.IsNullOrWhiteSpace(doc.Body))
            f.Error(doc.BodyFirstLine, "the body is empty: write the framework's overview below the front matter");
        else
        {
            var rendered = markdown.Render(doc.Body, source.Path, doc.BodyFirstLine, problems);
            (framework.OverviewHtml, framework.OverviewText) = (rendered.Html, rendered.Text);
        }
        return problems.Count(p => !p.IsWarning) == errorsBefore ? framework : null;
    }

    List<FactValue> ParseValues(YamlFields f, Catalog catalog)
    {
        var values = new List<FactValue>();
        var node = f.Node("values", required: true);
        if (node is null) return values;
        if (node is not YamlMappingNode map)
        {
            f.Error(f.KeyLine("values"), "field 'values' must map attribute keys to values");
            return values;
        }
        var fields = f.Child(map);
        foreach (var (key, entry, line) in fields.Entries)
        {
            var attribute = catalog.Find(key);
            if (attribute is null)
                fields.Error(line, $"unknown attribute '{key}' (not in {CatalogParser.FileName})");
            else if (entry is not YamlMappingNode valueMap)
                fields.Error(line, $"attribute '{key}' needs fields: value, source and checked (or unknown)");
            else if (ParseValue(fields.Child(valueMap), attribute) is { } value)
                values.Add(value);
        }
        foreach (var missing in catalog.Attributes.Where(a => fields.Entries.All(e => e.Key != a.Key)))
            f.Warning(f.KeyLine("values"), $"no value for attribute '{missing.Key}': add one, or mark it unknown with a reason");
        return values;
    }

    FactValue? ParseValue(YamlFields v, AttributeDefinition attribute)
    {
        v.RejectUnknown("value", "note", "source", "checked", "unknown");
        var unknown = v.Text("unknown", required: false);
        var isUnknown = unknown is not null;
        var fact = new FactValue
        {
            AttributeKey = attribute.Key,
            UnknownReason = unknown,
            Note = v.Text("note", required: false),
            SourceUrl = v.Url("source", required: !isUnknown),
            Checked = v.Date("checked", required: !isUnknown),
        };
        ReaderNotes.Check(v, "note", fact.Note);
        ReaderNotes.Check(v, "unknown", fact.UnknownReason);
        if (fact.Checked > DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime))
            v.Error(v.LineOf(v.Node("checked", false)!), $"field 'checked': {fact.Checked:yyyy-MM-dd} is in the future");
        if (isUnknown)
        {
            if (v.Node("value", false) is { } extra) v.Error(v.LineOf(extra), "a value cannot be both 'value' and 'unknown'");
            return fact;
        }
        var node = v.Node("value", required: true);
        if (node is null) return null;
        fact.Value = ValueOfType(v, attribute, node);
        if (attribute.Type == AttributeType.Date && fact.Value is not null && fact.Checked is { } checkedOn && DateOnly.Parse(fact.Value, CultureInfo.InvariantCulture) > checkedOn)
            v.Error(v.LineOf(node), $"the date {fact.Value} is later than the day it was checked ({checkedOn:yyyy-MM-dd}): a fact cannot be verified before it happened");
        return fact.Value is null ? null : fact;
    }

    static string? ValueOfType(YamlFields v, AttributeDefinition attribute, YamlNode node)
    {
        if (attribute.Type == AttributeType.List)
        {
            var items = v.ListOf("value", node);
            return items is null ? null : string.Join('\n', items);
        }
        var raw = (node as YamlScalarNode)?.Value?.Trim();
        string? value = attribute.Type switch
        {
            _ when string.IsNullOrEmpty(raw) => null,
            AttributeType.YesNo => raw.ToLowerInvariant() is "yes" or "no" or "partial" ? raw.ToLowerInvariant() : null,
            AttributeType.Number => double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var n)
                ? n.ToString(CultureInfo.InvariantCulture) : null,
            AttributeType.Year => int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var y) && y is >= 1900 and <= 2100
                ? raw : null,
            AttributeType.Url => YamlFields.IsHttpUrl(raw) ? raw : null,
            AttributeType.Date => DateOnly.TryParseExact(raw, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _) ? raw : null,
            _ => raw,
        };
        if (value is null)
        {
            var expected = attribute.Type switch
            {
                AttributeType.YesNo => "yes, no or partial",
                AttributeType.Number => "a number",
                AttributeType.Year => "a four-digit year",
                AttributeType.Url => "an http(s) URL",
                AttributeType.Date => "a date, YYYY-MM-DD",
                _ => "a non-empty text",
            };
            v.Error(v.LineOf(node), $"value '{raw}' does not fit attribute '{attribute.Key}' ({attribute.Type.ToString().ToLowerInvariant()}): expected {expected}");
        }
        return value;
    }

    static IEnumerable<ProCon> ParsePoints(YamlFields f, string key, bool isPro)
    {
        var points = new List<ProCon>();
        foreach (var p in f.Mappings(key))
        {
            p.RejectUnknown("text", "source");
            var (text, source) = (p.Text("text"), p.Url("source", required: false));
            if (text is not null) points.Add(new ProCon { IsPro = isPro, Text = text, SourceUrl = source, Order = points.Count });
        }
        if (points.Count == 0 && f.Node(key, false) is not null) f.Error(f.KeyLine(key), $"'{key}' needs at least one entry");
        return points;
    }
}
