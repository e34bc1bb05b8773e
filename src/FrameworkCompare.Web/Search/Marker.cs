using System.Text;
using FrameworkCompare.Web.Models;

namespace FrameworkCompare.Web.Search;

/// <summary>
/// Marks the words a query matched in a title or a snippet, as plain text runs (never HTML). One marker serves one
/// request: it reuses its word list and text buffer from title to title and snippet to snippet.
/// </summary>
public sealed class Marker
{
    readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> terms;
    readonly string? prefix;
    // What FirstCandidate looks for: each term as a prefix of the words it stems from.
    readonly string[] candidates;
    readonly List<WordAt> words = [];
    readonly StringBuilder plain = new();
    readonly PartialText title = new();

    public Marker(IReadOnlySet<string> terms, string? prefix)
    {
        this.terms = new HashSet<string>(terms, StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
        this.prefix = prefix;
        candidates = (prefix is null ? terms : terms.Append(prefix))
            .Where(t => t.Length > 0 && t[0] != '~')
            .Select(t => t.Length > 3 && t[^1] == 'y' ? t[..^1] : t)
            .ToArray();
    }

    /// <summary>A word of the text and whether it is matched: no term string is made for it.</summary>
    readonly record struct WordAt(int Start, int Length, bool IsMatch);

    public bool IsMatch(string term) => terms.Contains(term) || (prefix is not null && term.StartsWith(prefix, StringComparison.Ordinal));

    public IReadOnlyList<TextRun> Runs(string text)
    {
        title.Reset(text);
        words.Clear();
        foreach (var _ in Words(title, 0)) { }
        return Runs(title, 0, int.MaxValue, fromStart: true);
    }

    public IReadOnlyList<TextRun> Snippet(string text, int length) => Snippet(new PartialText().Reset(text), length);

    /// <summary>
    /// About `length` words around the first match (the start of the text when none), with … where cut. The text is
    /// unpacked only as far as the snippet reaches, unless no word in it matches.
    /// </summary>
    public IReadOnlyList<TextRun> Snippet(PartialText text, int length)
    {
        // Long texts: start reading a little before the first place a matched word may begin, rather than
        // splitting the whole text into words (a rare word can be deep in a long article).
        var from = FirstCandidate(text) is var at and > 200 ? WordStartAfter(text, at - 80) : 0;
        words.Clear();
        var first = -1;
        foreach (var count in Words(text, from))
        {
            if (first < 0 && words[^1].IsMatch) first = count - 1;
            if (first >= 0 && count > first + length) break;
        }
        if (words.Count == 0) return [];
        var start = from > 0 ? Math.Max(0, first - 6) : Math.Max(0, Math.Min(first - 6, words.Count - length));
        var runs = Runs(text, start, length, fromStart: from == 0);
        return from > 0 && start == 0 ? [new TextRun("…", false), .. runs] : runs;
    }

    /// <summary>
    /// The earliest position where a matched term may start (terms are stems, so their first letters are a prefix of
    /// the word), -1 when none. Unpacks only until no term can start earlier than the earliest found.
    /// </summary>
    int FirstCandidate(PartialText text)
    {
        var first = int.MaxValue;
        Span<int> searchedFrom = candidates.Length <= 64 ? stackalloc int[candidates.Length] : new int[candidates.Length];
        searchedFrom.Clear();
        for (var step = 0; ; step++)
        {
            if (step > 0 && !text.Reach(text.Length + 1)) break;
            var span = text.Span;
            var settled = true;
            for (var c = 0; c < candidates.Length; c++)
            {
                var term = candidates[c];
                if (searchedFrom[c] < 0) continue;
                var at = span[searchedFrom[c]..].IndexOf(term, StringComparison.OrdinalIgnoreCase);
                if (at >= 0)
                {
                    first = Math.Min(first, searchedFrom[c] + at);
                    searchedFrom[c] = -1;
                    continue;
                }
                // An occurrence not found yet runs past what is unpacked, so starts after the last term.Length - 1 characters.
                searchedFrom[c] = Math.Max(0, span.Length - term.Length + 1);
                // One character more than needed, so a surrogate pair cut at the end cannot matter.
                if (first == int.MaxValue || span.Length < first + term.Length + 1) settled = false;
            }
            if (settled || text.Complete) break;
        }
        return first == int.MaxValue ? -1 : first;
    }

    static int WordStartAfter(PartialText text, int at)
    {
        while (text.Reach(at + 1) && char.IsLetterOrDigit(text[at])) at++;
        return at;
    }

    /// <summary>
    /// Adds the words of the text from <paramref name="from"/> to <see cref="words"/> one at a time, yielding how many
    /// there are, so a caller that has seen enough can stop: SearchText.EnumerateWords without the term strings.
    /// </summary>
    IEnumerable<int> Words(PartialText text, int from)
    {
        var start = -1;
        for (var i = from; ;)
        {
            // Two characters: a surrogate pair must not be cut by what is unpacked so far.
            text.Reach(i + 2);
            var isWord = false;
            var width = 1;
            if (i < text.Length && System.Text.Rune.DecodeFromUtf16(text.Span[i..], out var rune, out width) == System.Buffers.OperationStatus.Done)
                isWord = SearchText.IsWordRune(rune);
            if (isWord && start < 0) start = i;
            if (!isWord && start >= 0)
            {
                words.Add(new WordAt(start, i - start, IsMatch(text.Span.Slice(start, i - start))));
                start = -1;
                yield return words.Count;
            }
            if (i >= text.Length) yield break;
            i += Math.Max(width, 1);
        }
    }

    /// <summary>IsMatch for the word's term (lower-cased and stemmed as SearchText does), in a buffer on the stack.</summary>
    bool IsMatch(ReadOnlySpan<char> word)
    {
        Span<char> lower = word.Length <= 128 ? stackalloc char[word.Length] : new char[word.Length];
        word.ToLowerInvariant(lower);
        ReadOnlySpan<char> term = SearchText.Stem(lower);
        return terms.Contains(term) || (prefix is not null && term.StartsWith(prefix, StringComparison.Ordinal));
    }

    IReadOnlyList<TextRun> Runs(PartialText text, int startWord, int length, bool fromStart)
    {
        if (words.Count == 0) return text.Length == 0 ? [] : [new TextRun(text.Span.ToString(), false)];
        var end = (int)Math.Min((long)startWord + length, words.Count);
        var whole = fromStart && startWord == 0 && end == words.Count;
        var runs = new List<TextRun>();
        plain.Clear();
        if (startWord > 0) plain.Append('…');
        var span = text.Span;
        var at = whole ? 0 : words[startWord].Start;
        for (var i = startWord; i < end; i++)
        {
            var w = words[i];
            AppendSqueezed(span[at..w.Start]);
            if (w.IsMatch)
            {
                if (plain.Length > 0) runs.Add(new TextRun(plain.ToString(), false));
                plain.Clear();
                runs.Add(new TextRun(span.Slice(w.Start, w.Length).ToString(), true));
            }
            else plain.Append(span.Slice(w.Start, w.Length));
            at = w.Start + w.Length;
        }
        if (end < words.Count) AppendSqueezed(span[at..words[end].Start].TrimEnd()).Append('…');
        else
        {
            // The words ran out, so the text is unpacked to its end.
            plain.Append(span[at..]);
        }
        if (plain.Length > 0) runs.Add(new TextRun(plain.ToString(), false));
        return runs;
    }

    /// <summary>Line breaks between the words of a snippet read as spaces.</summary>
    StringBuilder AppendSqueezed(ReadOnlySpan<char> gap)
    {
        if (!gap.ContainsAny('\n', '\r')) return plain.Append(gap);
        foreach (var c in gap)
            if (c != '\r') plain.Append(c == '\n' ? ' ' : c);
        return plain;
    }
}
