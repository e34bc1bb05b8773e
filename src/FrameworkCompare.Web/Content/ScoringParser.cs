using System.Globalization;
using FrameworkCompare.Web.Models;
using YamlDotNet.RepresentationModel;

namespace FrameworkCompare.Web.Content;

/// <summary>Reads scoring.yml, the rules that turn facts into the points of a comparison's verdict.</summary>
public static class ScoringParser
{
    public const string FileName = "scoring.yml";

    static readonly string[] YesNoValues = ["yes", "partial", "no"];
    static readonly Dictionary<string, MissingValues> MissingNames = new() { ["leave-out"] = MissingValues.LeaveOut, ["middle"] = MissingValues.Middle };
    static readonly Dictionary<string, Better> BetterNames = new() { ["higher"] = Better.Higher, ["lower"] = Better.Lower };

    /// <summary>The rules, or null with problems; attribute keys are checked against <paramref name="catalog"/> when there is one.</summary>
    public static ScoringRules? Parse(ContentSource source, Catalog? catalog, List<ContentProblem> problems)
    {
        var errorsBefore = problems.Count(p => !p.IsWarning);
        var text = source.ReadText(problems);
        var fields = text is null ? null : YamlFields.LoadMapping(source.Path, text, lineOffset: 0, problems);
        if (fields is null) return null;
        fields.RejectUnknown("missing", "types", "attributes");

        var missing = MissingValues.LeaveOut;
        if (fields.Text("missing", required: false) is { } name && !MissingNames.TryGetValue(name, out missing))
            fields.Error(fields.KeyLine("missing"), $"field 'missing': '{name}' is not one of: {string.Join(", ", MissingNames.Keys)}");

        var types = new Dictionary<AttributeType, ScoreRule>();
        foreach (var (key, rule, line) in Rules(fields, "types"))
        {
            if (!CatalogParser.Types.TryGetValue(key, out var type))
                fields.Error(line, $"unknown type '{key}' (use one of: {string.Join(", ", CatalogParser.Types.Keys)})");
            else if (Rule(rule, type, $"type '{key}'") is { } parsed) types[type] = parsed;
        }

        var attributes = new Dictionary<string, ScoreRule>();
        foreach (var (key, rule, line) in Rules(fields, "attributes"))
        {
            var attribute = catalog?.Find(key);
            if (catalog is not null && attribute is null)
                fields.Error(line, $"unknown attribute '{key}': it is not in {CatalogParser.FileName}");
            else if (Rule(rule, attribute?.Type, $"attribute '{key}'") is { } parsed) attributes[key] = parsed;
        }
        return problems.Count(p => !p.IsWarning) == errorsBefore ? new ScoringRules(missing, types, attributes) : null;
    }

    /// <summary>The entries of a mapping of rules (key: fields), reporting entries that are not mappings.</summary>
    static IEnumerable<(string Key, YamlFields Rule, int Line)> Rules(YamlFields fields, string field)
    {
        var node = fields.Node(field, required: false);
        if (node is null) yield break;
        if (node is not YamlMappingNode map)
        {
            fields.Error(fields.LineOf(node), $"field '{field}' must map names to rules (name: then indented fields)");
            yield break;
        }
        foreach (var (key, value, line) in fields.Child(map).Entries)
        {
            if (value is YamlMappingNode rule) yield return (key, fields.Child(rule), line);
            else fields.Error(line, $"'{key}' under '{field}' must have fields (points, better or skip)");
        }
    }

    /// <summary>One rule; <paramref name="type"/> is null for an attribute the catalog does not know (checked without a catalog).</summary>
    static ScoreRule? Rule(YamlFields rule, AttributeType? type, string what)
    {
        rule.RejectUnknown("points", "better", "skip");
        var skip = rule.Text("skip", required: false);
        var points = rule.Node("points", required: false);
        var better = rule.Text("better", required: false);
        if (skip is not null)
        {
            if (skip != "true") rule.Error(rule.KeyLine("skip"), $"{what}: 'skip' can only be true");
            else if (points is not null || better is not null) rule.Error(rule.Line, $"{what}: a skipped rule gives no points or better");
            else return ScoreRule.None;
            return null;
        }
        if (points is not null && better is not null)
        {
            rule.Error(rule.Line, $"{what}: give either points (yes/no values) or better (numbers), not both");
            return null;
        }
        if (points is not null)
        {
            if (type is not (null or AttributeType.YesNo))
                rule.Error(rule.KeyLine("points"), $"{what}: points are for yesno attributes; numbers use 'better'");
            else return Points(rule, points, what);
            return null;
        }
        if (better is not null)
        {
            if (type is not (null or AttributeType.Number))
                rule.Error(rule.KeyLine("better"), $"{what}: 'better' is for number attributes; yesno attributes use 'points'");
            else if (!BetterNames.TryGetValue(better, out var direction))
                rule.Error(rule.KeyLine("better"), $"{what}: better must be higher or lower, not '{better}'");
            else return new ScoreRule(Better: direction);
            return null;
        }
        rule.Error(rule.Line, $"{what}: a rule needs points, better or skip: true");
        return null;
    }

    static ScoreRule? Points(YamlFields rule, YamlNode node, string what)
    {
        if (node is not YamlMappingNode map)
        {
            rule.Error(rule.LineOf(node), $"{what}: points must give yes, partial and no a number from 0 to 1");
            return null;
        }
        var points = new Dictionary<string, double>();
        var ok = true;
        foreach (var (value, number, line) in rule.Child(map).Entries)
        {
            if (!YesNoValues.Contains(value)) { rule.Error(line, $"{what}: points are given for yes, partial and no, not '{value}'"); ok = false; continue; }
            if (number is YamlScalarNode { Value: { } t } && double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) && n is >= 0 and <= 1)
                points[value] = n;
            else { rule.Error(line, $"{what}: the points for '{value}' must be a number from 0 to 1"); ok = false; }
        }
        if (ok && points.Count != YesNoValues.Length)
        {
            rule.Error(rule.LineOf(node), $"{what}: points must be given for each of yes, partial and no (missing: {string.Join(", ", YesNoValues.Except(points.Keys))})");
            ok = false;
        }
        return ok ? new ScoreRule(Points: points) : null;
    }
}
