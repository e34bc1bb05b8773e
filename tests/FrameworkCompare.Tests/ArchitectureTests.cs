using System.Text.RegularExpressions;

namespace FrameworkCompare.Tests;

/// <summary>The site's namespaces form layers: none reaches itself again through others.</summary>
public sealed partial class ArchitectureTests
{
    const string Root = "FrameworkCompare.Web";

    [Fact]
    public void NoNamespaceDependsOnItselfThroughAnother()
    {
        var graph = NamespaceGraph();
        Assert.True(graph.Count > 5, "the source files were not found");
        foreach (var start in graph.Keys)
        {
            var cycle = PathBack(graph, start);
            Assert.True(cycle is null, $"namespace cycle: {string.Join(" → ", cycle ?? [])}");
        }
    }

    /// <summary>Each namespace and the site namespaces its files name in usings or qualified references.</summary>
    static Dictionary<string, HashSet<string>> NamespaceGraph()
    {
        var source = Path.GetFullPath(Path.Combine(ShippedContentTests.RepositoryContent, "..", "src", Root));
        var graph = new Dictionary<string, HashSet<string>>();
        foreach (var file in Directory.EnumerateFiles(source, "*.cs", SearchOption.AllDirectories))
        {
            if (file.Contains("/obj/") || file.Contains("/bin/") || file.Contains("/Migrations/")) continue;
            var text = File.ReadAllText(file);
            var ns = NamespaceLine().Match(text) is { Success: true } m ? m.Groups[1].Value : Root;
            if (ns == Root) continue; // the composition root wires every layer together
            var uses = graph.TryGetValue(ns, out var set) ? set : graph[ns] = [];
            foreach (Match use in UsingLine().Matches(text)) uses.Add(use.Groups[1].Value);
            foreach (Match qualified in QualifiedName().Matches(text)) uses.Add($"{Root}.{qualified.Groups[1].Value}");
            uses.Remove(ns);
            uses.Remove(Root);
        }
        return graph;
    }

    static List<string>? PathBack(Dictionary<string, HashSet<string>> graph, string start)
    {
        var queue = new Queue<List<string>>(graph[start].Select(n => new List<string> { start, n }));
        var seen = new HashSet<string>();
        while (queue.TryDequeue(out var path))
        {
            if (path[^1] == start) return path;
            if (!seen.Add(path[^1]) || !graph.TryGetValue(path[^1], out var next)) continue;
            foreach (var n in next) queue.Enqueue([.. path, n]);
        }
        return null;
    }

    [GeneratedRegex(@"^namespace (FrameworkCompare\.Web[\w.]*);", RegexOptions.Multiline)]
    private static partial Regex NamespaceLine();

    [GeneratedRegex(@"^using (FrameworkCompare\.Web\.[\w.]+);", RegexOptions.Multiline)]
    private static partial Regex UsingLine();

    [GeneratedRegex(@"\b(Services|Content|Data|Models|Editing|Accounts|Caching|Commands|Controllers)\.[A-Z]\w+\b")]
    private static partial Regex QualifiedName();
}
