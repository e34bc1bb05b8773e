using System.Text;
using FrameworkCompare.Web.Models;
using FrameworkCompare.Web.Search;

namespace FrameworkCompare.Tests.Search;

/// <summary>The marker as it was before snippets unpacked only their window: it splits whole texts into words, and is kept as the reference the windowed one must agree with.</summary>
public sealed class WholeTextMarker(IReadOnlySet<string> terms, string? prefix)
{
    public bool IsMatch(string term) => terms.Contains(term) || (prefix is not null && term.StartsWith(prefix, StringComparison.Ordinal));

    public IReadOnlyList<TextRun> Runs(string text) => Runs(text, SearchText.Words(text), 0, int.MaxValue, fromStart: true);

    /// <summary>About `length` words around the first match (the start of the text when none), with … where cut.</summary>
    public IReadOnlyList<TextRun> Snippet(string text, int length)
    {
        // Long texts: start reading a little before the first place a matched word may begin, rather than
        // splitting the whole text into words (a rare word can be deep in a long article).
        var from = FirstCandidate(text) is var at and > 200 ? WordStartAfter(text, at - 80) : 0;
        var words = new List<SearchText.Word>();
        var first = -1;
        foreach (var word in SearchText.EnumerateWords(text, from))
        {
            if (first < 0 && IsMatch(word.Term)) first = words.Count;
            words.Add(word);
            if (first >= 0 && words.Count > first + length) break;
        }
        if (words.Count == 0) return [];
        var start = from > 0 ? Math.Max(0, first - 6) : Math.Max(0, Math.Min(first - 6, words.Count - length));
        var runs = Runs(text, words, start, length, fromStart: from == 0);
        return from > 0 && start == 0 ? [new TextRun("…", false), .. runs] : runs;
    }

    /// <summary>The earliest position where a matched term may start (terms are stems, so their first letters are a prefix of the word), -1 when none.</summary>
    int FirstCandidate(string text)
    {
        var first = int.MaxValue;
        foreach (var term in prefix is null ? terms : terms.Append(prefix))
        {
            if (term.Length == 0 || term[0] == '~') continue;
            var stemPrefix = term.Length > 3 && term[^1] == 'y' ? term[..^1] : term;
            var at = text.IndexOf(stemPrefix, StringComparison.OrdinalIgnoreCase);
            if (at >= 0 && at < first) first = at;
        }
        return first == int.MaxValue ? -1 : first;
    }

    static int WordStartAfter(string text, int at)
    {
        while (at < text.Length && char.IsLetterOrDigit(text[at])) at++;
        return at;
    }

    IReadOnlyList<TextRun> Runs(string text, List<SearchText.Word> words, int startWord, int length, bool fromStart)
    {
        if (words.Count == 0) return text.Length == 0 ? [] : [new TextRun(text, false)];
        var end = (int)Math.Min((long)startWord + length, words.Count);
        var whole = fromStart && startWord == 0 && end == words.Count;
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
