using FrameworkCompare.Web.Models;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace FrameworkCompare.Web.Content;

/// <summary>A Markdown file split into its YAML front matter and its body.</summary>
public sealed record FrontMatter(YamlFields Fields, string Body, int BodyFirstLine)
{
    public static FrontMatter? Parse(string file, string text, List<ContentProblem> problems)
    {
        if (!text.StartsWith("---\n", StringComparison.Ordinal))
        {
            problems.Add(new(file, 1, "the file must start with front matter: a line '---', YAML fields, and another '---'"));
            return null;
        }
        var end = text.IndexOf("\n---\n", 3, StringComparison.Ordinal);
        if (end < 0 && text.EndsWith("\n---", StringComparison.Ordinal)) end = text.Length - 4;
        if (end < 0)
        {
            problems.Add(new(file, 1, "the front matter is not closed: add a line '---' after the YAML fields"));
            return null;
        }
        var yaml = text[4..(end + 1)];
        var map = YamlFields.LoadMapping(file, yaml, lineOffset: 1, problems);
        if (map is null) return null;
        var bodyStart = Math.Min(text.Length, end + 5);
        var bodyFirstLine = 1 + text.AsSpan(0, bodyStart).Count('\n');
        return new FrontMatter(map, text[bodyStart..], bodyFirstLine);
    }
}
