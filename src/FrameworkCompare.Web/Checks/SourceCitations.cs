using FrameworkCompare.Web.Content;
using FrameworkCompare.Web.Models;
using YamlDotNet.RepresentationModel;

namespace FrameworkCompare.Web.Checks;

public sealed record Citation(string File, int Line)
{
    public override string ToString() => $"{File}:{Line}";
}

/// <summary>A source URL and every place in the content that cites it.</summary>
public sealed record CitedUrl(string Url, List<Citation> Citations);

/// <summary>Finds the URLs the content cites: fact and pro/con sources, and profiles' website and repository.</summary>
public static class SourceCitations
{
    static readonly string[] CitingKeys = ["source", "website", "repository"];

    public static List<CitedUrl> Collect(string root)
    {
        var byUrl = new Dictionary<string, List<Citation>>(StringComparer.Ordinal);
        foreach (var source in ContentScanner.Scan(root).Sources.Where(s => s.Kind is not (ContentKind.Catalog or ContentKind.Scoring)))
        {
            var problems = new List<ContentProblem>();
            var text = source.ReadText(problems);
            var doc = text is null ? null : FrontMatter.Parse(source.Path, text, problems);
            if (doc is null) continue; // validate reports broken files; here they simply cite nothing
            foreach (var (url, line) in Walk(doc.Fields))
            {
                if (!byUrl.TryGetValue(url, out var list)) byUrl[url] = list = [];
                list.Add(new Citation(source.Path, line));
            }
        }
        return byUrl.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => new CitedUrl(kv.Key, kv.Value)).ToList();
    }

    static IEnumerable<(string Url, int Line)> Walk(YamlFields fields)
    {
        foreach (var (key, node, _) in fields.Entries)
        {
            if (node is YamlScalarNode { Value: { } value } && CitingKeys.Contains(key) && YamlFields.IsHttpUrl(value.Trim()))
                yield return (value.Trim(), fields.LineOf(node));
            foreach (var found in Children(fields, node)) yield return found;
        }
    }

    static IEnumerable<(string, int)> Children(YamlFields fields, YamlNode node) => node switch
    {
        YamlMappingNode map => Walk(fields.Child(map)),
        YamlSequenceNode seq => seq.Children.SelectMany(item => Children(fields, item)),
        _ => [],
    };
}
