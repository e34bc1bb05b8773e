using System.Globalization;
using System.Text.RegularExpressions;
using FrameworkCompare.Web.Models;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace FrameworkCompare.Web.Content;

/// <summary>Reads typed fields from a YAML mapping, reporting each mistake with its file and line.</summary>
public sealed partial class YamlFields(YamlMappingNode map, string file, int lineOffset, List<ContentProblem> problems)
{
    public string File => file;
    public int Line => LineOf(map);
    public List<ContentProblem> Problems => problems;

    public static YamlFields? LoadMapping(string file, string yaml, int lineOffset, List<ContentProblem> problems)
    {
        var stream = new YamlStream();
        try
        {
            if (YamlGuard.Check(yaml, ParseLimits.Current) is { } refused)
            {
                problems.Add(new(file, refused.Line + lineOffset, refused.Message));
                return null;
            }
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException e)
        {
            var message = (e.InnerException ?? e).Message;
            problems.Add(new(file, (int)e.Start.Line + lineOffset, $"malformed YAML: {message}"));
            return null;
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException)
        {
            // YamlDotNet fails this way on some broken input (a tag that is not a URI, an event it cannot load), without a position.
            problems.Add(new(file, FirstFailingLine(yaml) + lineOffset, "malformed YAML: check quoting and brackets on this line"));
            return null;
        }
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            problems.Add(new(file, 1 + lineOffset, "expected YAML fields (key: value lines)"));
            return null;
        }
        return new YamlFields(root, file, lineOffset, problems);
    }

    static int FirstFailingLine(string yaml)
    {
        // Parses every prefix, so only for short documents; the guard has already located most failures.
        var lines = yaml.Split('\n');
        for (var n = 1; n <= Math.Min(lines.Length, 200); n++)
        {
            try { new YamlStream().Load(new StringReader(string.Join('\n', lines.Take(n)))); }
            catch (Exception e) when (e is YamlException or InvalidOperationException or ArgumentException) { return n; }
        }
        return 1;
    }

    public IEnumerable<(string Key, YamlNode Node, int Line)> Entries =>
        map.Children.Select(kv => ((kv.Key as YamlScalarNode)?.Value ?? "", kv.Value, LineOf(kv.Key)));

    public YamlFields Child(YamlMappingNode child) => new(child, file, lineOffset, problems);

    public void Error(int line, string message) => problems.Add(new(file, line, message));
    public void Warning(int line, string message) => problems.Add(new(file, line, message, IsWarning: true));

    public int LineOf(YamlNode node) => (int)node.Start.Line + lineOffset;

    /// <summary>The line of a field's key: where a list or mapping field starts.</summary>
    public int KeyLine(string key) => Entries.Where(e => e.Key == key).Select(e => e.Line).DefaultIfEmpty(Line).First();

    /// <summary>Reports fields that no reader looks at, usually a typo of a known one.</summary>
    public void RejectUnknown(params string[] known)
    {
        foreach (var (key, _, line) in Entries.Where(e => !known.Contains(e.Key)))
            Error(line, $"unknown field '{key}' (expected one of: {string.Join(", ", known)})");
    }

    public YamlNode? Node(string key, bool required)
    {
        if (map.Children.TryGetValue(new YamlScalarNode(key), out var node)) return node;
        if (required) Error(Line, $"missing required field '{key}'");
        return null;
    }

    public string? Text(string key, bool required = true)
    {
        var node = Node(key, required);
        if (node is null) return null;
        if (node is YamlScalarNode { Value: { } value } && !string.IsNullOrWhiteSpace(value)) return value.Trim();
        Error(LineOf(node), $"field '{key}' must be a non-empty text");
        return null;
    }

    public string? Slug(string key, bool required = true)
    {
        var text = Text(key, required);
        if (text is null || IsSlug(text)) return text;
        Error(LineOf(Node(key, false)!), $"field '{key}': '{text}' is not a slug (lower-case letters, digits and single hyphens)");
        return null;
    }

    public static bool IsSlug(string text) => SlugPattern().IsMatch(text);

    public string? Url(string key, bool required = true)
    {
        var text = Text(key, required);
        if (text is null || IsHttpUrl(text)) return text;
        Error(LineOf(Node(key, false)!), $"field '{key}': '{text}' is not an absolute http(s) URL");
        return null;
    }

    public static bool IsHttpUrl(string text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);

    public DateOnly? Date(string key, bool required = true)
    {
        var text = Text(key, required);
        if (text is null) return null;
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return date;
        Error(LineOf(Node(key, false)!), $"field '{key}': '{text}' is not a date; write YYYY-MM-DD");
        return null;
    }

    public int? Integer(string key, int min, int max, bool required = true)
    {
        var text = Text(key, required);
        if (text is null) return null;
        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max) return n;
        Error(LineOf(Node(key, false)!), $"field '{key}': '{text}' is not a whole number from {min} to {max}");
        return null;
    }

    /// <summary>A list of texts; a single text counts as a list of one.</summary>
    public List<string>? List(string key, bool required = true)
    {
        var node = Node(key, required);
        return node is null ? null : ListOf(key, node);
    }

    public List<string>? ListOf(string key, YamlNode node)
    {
        if (node is YamlScalarNode { Value: { } one } && !string.IsNullOrWhiteSpace(one)) return [one.Trim()];
        if (node is YamlSequenceNode seq)
        {
            var items = new List<string>();
            foreach (var item in seq)
            {
                if (item is YamlScalarNode { Value: { } v } && !string.IsNullOrWhiteSpace(v)) items.Add(v.Trim());
                else Error(LineOf(item), $"field '{key}': every item must be a non-empty text");
            }
            return items.Count == seq.Children.Count ? items : null;
        }
        Error(LineOf(node), $"field '{key}' must be a list of texts");
        return null;
    }

    public IEnumerable<YamlFields> Mappings(string key, bool required = true)
    {
        var node = Node(key, required);
        if (node is null) yield break;
        if (node is not YamlSequenceNode seq)
        {
            Error(LineOf(node), $"field '{key}' must be a list of entries (lines starting with '- ')");
            yield break;
        }
        foreach (var item in seq)
        {
            if (item is YamlMappingNode child) yield return Child(child);
            else Error(LineOf(item), $"each entry of '{key}' must have fields (key: value)");
        }
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex SlugPattern();
}
