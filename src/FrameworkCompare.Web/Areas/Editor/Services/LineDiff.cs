using DiffPlex;
using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;
using FrameworkCompare.Web.Areas.Editor.Models;

namespace FrameworkCompare.Web.Areas.Editor.Services;

/// <summary>Line diffs for the conflict and history pages, with long unchanged runs folded to a few lines of context.</summary>
public static class LineDiff
{
    const int Context = 3;
    static readonly InlineDiffBuilder Builder = new(new Differ());

    public static DiffView Build(string title, string? before, string? after)
    {
        var model = Builder.BuildDiffModel(before ?? "", after ?? "", ignoreWhitespace: false);
        var lines = model.Lines;
        var changed = lines.Select((l, i) => (l, i)).Where(x => x.l.Type is ChangeType.Inserted or ChangeType.Deleted).Select(x => x.i).ToList();
        var shown = new List<DiffLine>();
        var lastShown = -1;
        for (var i = 0; i < lines.Count; i++)
        {
            if (!changed.Any(c => Math.Abs(c - i) <= Context)) continue;
            if (i > lastShown + 1) shown.Add(new DiffLine("skip", null, "…"));
            var line = lines[i];
            shown.Add(new DiffLine(line.Type switch { ChangeType.Inserted => "added", ChangeType.Deleted => "removed", _ => "same" }, line.Position, line.Text));
            lastShown = i;
        }
        return new DiffView(title, shown);
    }
}
