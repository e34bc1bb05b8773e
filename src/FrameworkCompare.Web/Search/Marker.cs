using System.Text;
using FrameworkCompare.Web.Models;

namespace FrameworkCompare.Web.Search;

/// <summary>Marks the words a query matched in a title or a snippet, as plain text runs (never HTML).</summary>
public sealed class Marker(IReadOnlySet<string> terms, string? prefix)
{
    public bool IsMatch(string term) => terms.Contains(term) || (prefix is not null && term.StartsWith(prefix, StringComparison.Ordinal));

    public IReadOnlyList<TextRun> Runs(string text) => Runs(text, SearchText.Words(text), 0, int.MaxValue);

    /// <summary>About `length` words around the first match (the start of the text when none), with … where cut.</summary>
    public IReadOnlyList<TextRun> Snippet(string text, int length)
    {
        // Read only as far as the snippet reaches: long articles usually match early.
        var words = new List<SearchText.Word>();
        var first = -1;
        foreach (var word in SearchText.EnumerateWords(text))
        {
            if (first < 0 && IsMatch(word.Term)) first = words.Count;
            words.Add(word);
            if (first >= 0 && words.Count > first + length) break;
        }
        if (words.Count == 0) return [];
        // A few words of lead-in before the first match; a text shorter than a snippet is shown whole.
        var start = Math.Max(0, Math.Min(first - 6, words.Count - length));
        return Runs(text, words, start, length);
    }

    IReadOnlyList<TextRun> Runs(string text, List<SearchText.Word> words, int startWord, int length)
    {
        if (words.Count == 0) return text.Length == 0 ? [] : [new TextRun(text, false)];
        var end = (int)Math.Min((long)startWord + length, words.Count);
        var whole = startWord == 0 && end == words.Count;
        var runs = new List<TextRun>();
        var plain = new StringBuilder();
        if (startWord > 0) plain.Append('…');
        var at = whole ? 0 : words[startWord].Start;
        for (var i = startWord; i < end; i++)
        {
            var w = words[i];
            plain.Append(Squeeze(text.AsSpan(at, w.Start - at)));
            if (IsMatch(w.Term))
            {
                if (plain.Length > 0) runs.Add(new TextRun(plain.ToString(), false));
                plain.Clear();
                runs.Add(new TextRun(text.Substring(w.Start, w.Length), true));
            }
            else plain.Append(text, w.Start, w.Length);
            at = w.Start + w.Length;
        }
        if (whole) plain.Append(text, at, text.Length - at);
        else if (end < words.Count) plain.Append(Squeeze(text.AsSpan(at, words[end].Start - at)).TrimEnd()).Append('…');
        else plain.Append(text, at, text.Length - at);
        if (plain.Length > 0) runs.Add(new TextRun(plain.ToString(), false));
        return runs;
    }

    /// <summary>Line breaks between the words of a snippet read as spaces.</summary>
    static string Squeeze(ReadOnlySpan<char> gap) => gap.ContainsAny('\n', '\r') ? gap.ToString().Replace("\r", "").Replace('\n', ' ') : gap.ToString();
}
