using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace FrameworkCompare.Web.Content;

/// <summary>
/// Walks a YAML document's events (YamlDotNet's parser is iterative) and refuses it, with a line, before the recursive
/// representation model is built: too deep, too many nodes, aliases that expand too far, or keys that are not plain text.
/// </summary>
public static class YamlGuard
{
    /// <returns>The line (1-based, within <paramref name="yaml"/>) and message of the first limit crossed, or null.</returns>
    public static (int Line, string Message)? Check(string yaml, ParseLimits limits)
    {
        if (System.Text.Encoding.UTF8.GetByteCount(yaml) > limits.MaxFrontMatterBytes)
            return (1, $"the YAML is larger than {limits.MaxFrontMatterBytes / 1024} KB");
        var parser = new Parser(new StringReader(yaml));
        var frames = new Stack<Frame>();
        var anchors = new Dictionary<string, long>(StringComparer.Ordinal);
        long nodes = 0, written = 0, expanded = 0;
        var line = 1;
        while (true)
        {
            try
            {
                if (!parser.MoveNext()) return null;
            }
            catch (Exception failure) when (failure is InvalidOperationException or ArgumentException)
            {
                // YamlDotNet fails this way on some broken input (a tag that is not a URI), without a position: the last event's line is close.
                return (line, "malformed YAML: check quoting and brackets on this line");
            }
            var e = parser.Current!;
            line = (int)e.Start.Line;
            if (e is MappingEnd or SequenceEnd)
            {
                var done = frames.Pop();
                if (done.Anchor is { } anchor) anchors[anchor] = written - done.WrittenAtStart;
                continue;
            }
            if (e is not (NodeEvent or AnchorAlias)) continue;
            if (frames.TryPeek(out var parent) && parent.IsMapping)
            {
                if (parent.ExpectsKey && e is not Scalar)
                    return (line, e is AnchorAlias ? "a key may not be an alias (*name): write the key as plain text" : "a key must be plain text, not a list or a mapping");
                parent.ExpectsKey = !parent.ExpectsKey;
            }
            if (++nodes > limits.MaxNodes) return (line, $"the YAML has more than {limits.MaxNodes:N0} values");
            if (e is AnchorAlias alias)
            {
                var size = anchors.GetValueOrDefault(alias.Value.Value, 1);
                expanded += size;
                written += size;
                if (expanded > limits.MaxAliasExpansions)
                    return (line, $"aliases (*name) would repeat more than {limits.MaxAliasExpansions:N0} values: write the values out");
                continue;
            }
            var node = (NodeEvent)e;
            written++;
            var anchorName = node.Anchor.IsEmpty ? null : node.Anchor.Value;
            if (e is MappingStart or SequenceStart)
            {
                if (frames.Count >= limits.MaxDepth) return (line, $"the YAML nests deeper than {limits.MaxDepth} levels");
                frames.Push(new Frame(e is MappingStart, anchorName, written - 1));
            }
            else if (anchorName is not null) anchors[anchorName] = 1;
        }
    }

    sealed class Frame(bool isMapping, string? anchor, long writtenAtStart)
    {
        public bool IsMapping { get; } = isMapping;
        public string? Anchor { get; } = anchor;
        public long WrittenAtStart { get; } = writtenAtStart;
        public bool ExpectsKey { get; set; } = true;
    }
}
