using System.Globalization;
using System.Text;
using FrameworkCompare.Web.Models;

namespace FrameworkCompare.Web.Editing;

/// <summary>A new version of one fact, as the one-fact form gives it.</summary>
public sealed record FactEdit(AttributeType Type, string? Value, string? UnknownReason, string? Note, string? Source, DateOnly? Checked)
{
    public bool IsUnknown => UnknownReason is not null;
}

/// <summary>
/// Rewrites one fact of a framework profile in place: only the lines of that attribute's block under `values:`
/// change, so a reviewer's diff shows just the fact. Text edits, not a YAML round trip, keep every other byte.
/// </summary>
public static class FactLines
{
    /// <summary>The profile's text with the fact replaced (or added at the end of `values:`), or null when the file has no `values:` block.</summary>
    public static string? Replace(string text, string attributeKey, FactEdit edit)
    {
        var lines = text.Split('\n').ToList();
        var values = lines.FindIndex(l => l.TrimEnd() == "values:");
        if (values < 0) return null;
        var end = values + 1;
        while (end < lines.Count && (lines[end].Trim().Length == 0 || Indent(lines[end]) > 0) && lines[end] != "---") end++;
        var keyIndent = Enumerable.Range(values + 1, end - values - 1).Select(i => lines[i]).Where(l => l.Trim().Length > 0).Select(Indent).DefaultIfEmpty(2).Min();

        var start = Enumerable.Range(values + 1, end - values - 1)
            .FirstOrDefault(i => Indent(lines[i]) == keyIndent && lines[i].Trim() == attributeKey + ":", -1);
        var block = Block(attributeKey, edit, keyIndent, ChildIndent(lines, start, keyIndent));
        if (start < 0)
        {
            var last = end;
            while (last > values + 1 && lines[last - 1].Trim().Length == 0) last--;
            lines.InsertRange(last, block);
            return string.Join('\n', lines);
        }
        var stop = start + 1;
        while (stop < end && (lines[stop].Trim().Length == 0 || Indent(lines[stop]) > keyIndent)) stop++;
        while (stop > start + 1 && lines[stop - 1].Trim().Length == 0) stop--;
        lines.RemoveRange(start, stop - start);
        lines.InsertRange(start, block);
        return string.Join('\n', lines);
    }

    /// <summary>Only the fact's `checked:` line, set to <paramref name="day"/>: what "re-checked, still true" changes.</summary>
    public static string? SetChecked(string text, string attributeKey, DateOnly day)
    {
        var lines = text.Split('\n').ToList();
        var values = lines.FindIndex(l => l.TrimEnd() == "values:");
        if (values < 0) return null;
        var start = lines.FindIndex(values + 1, l => l.Trim() == attributeKey + ":" && Indent(l) > 0);
        if (start < 0) return null;
        var keyIndent = Indent(lines[start]);
        for (var i = start + 1; i < lines.Count && (lines[i].Trim().Length == 0 || Indent(lines[i]) > keyIndent); i++)
        {
            if (!lines[i].TrimStart().StartsWith("checked:", StringComparison.Ordinal)) continue;
            lines[i] = new string(' ', Indent(lines[i])) + "checked: " + day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            return string.Join('\n', lines);
        }
        return null;
    }

    static int ChildIndent(List<string> lines, int keyLine, int keyIndent) =>
        keyLine >= 0 && keyLine + 1 < lines.Count && Indent(lines[keyLine + 1]) > keyIndent ? Indent(lines[keyLine + 1]) : keyIndent + 2;

    static List<string> Block(string key, FactEdit edit, int keyIndent, int childIndent)
    {
        var pad = new string(' ', childIndent);
        var block = new List<string> { new string(' ', keyIndent) + key + ":" };
        if (edit.IsUnknown)
        {
            block.Add($"{pad}unknown: {Quote(edit.UnknownReason!)}");
            return block;
        }
        if (edit.Type == AttributeType.List)
        {
            block.Add($"{pad}value:");
            block.AddRange((edit.Value ?? "").Split('\n').Select(i => i.Trim()).Where(i => i.Length > 0).Select(i => $"{pad}  - {Quote(i)}"));
        }
        else block.Add($"{pad}value: {Scalar(edit.Type, edit.Value ?? "")}");
        if (!string.IsNullOrWhiteSpace(edit.Note)) block.Add($"{pad}note: {Quote(edit.Note)}");
        if (!string.IsNullOrWhiteSpace(edit.Source)) block.Add($"{pad}source: {Plain(edit.Source)}");
        if (edit.Checked is { } day) block.Add($"{pad}checked: {day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}");
        return block;
    }

    /// <summary>Typed values stay plain (yes, 2010, 86000); text is always quoted, so no text can turn into YAML syntax.</summary>
    static string Scalar(AttributeType type, string value) => type switch
    {
        AttributeType.YesNo or AttributeType.Number or AttributeType.Year or AttributeType.Date => Plain(value),
        AttributeType.Url => Plain(value),
        _ => Quote(value),
    };

    static string Plain(string value)
    {
        var trimmed = value.Trim();
        return trimmed.Length > 0 && trimmed.All(c => char.IsLetterOrDigit(c) || "-._~:/?&=%+@!$*,;()".Contains(c)) && !trimmed.StartsWith('-') ? trimmed : Quote(trimmed);
    }

    static string Quote(string text)
    {
        var quoted = new StringBuilder("\"");
        foreach (var c in text.Trim())
        {
            quoted.Append(c switch
            {
                '"' => "\\\"", '\\' => "\\\\", '\n' => "\\n", '\r' => "", '\t' => "\\t",
                _ when char.IsControl(c) => "",
                _ => c.ToString(),
            });
        }
        return quoted.Append('"').ToString();
    }

    static int Indent(string line) => line.Length - line.TrimStart(' ').Length;
}
