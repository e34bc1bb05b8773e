using System.Globalization;
using System.Text;

namespace FrameworkCompare.Web.Search;

/// <summary>How text becomes search terms, the same for documents and queries: words, lower-cased, lightly stemmed.</summary>
public static class SearchText
{
    /// <summary>A word of the text: where it is and its term (lower-cased and stemmed).</summary>
    public readonly record struct Word(int Start, int Length, string Term);

    /// <summary>Runs of letters, digits and combining marks; everything else (operators, quotes, emoji) separates words.</summary>
    public static List<Word> Words(string text, int max = int.MaxValue)
    {
        var words = new List<Word>();
        foreach (var word in EnumerateWords(text))
        {
            if (words.Count == max) break;
            words.Add(word);
        }
        return words;
    }

    /// <summary>The words of the text one at a time, so a caller that has seen enough can stop.</summary>
    public static IEnumerable<Word> EnumerateWords(string text, int from = 0)
    {
        var start = -1;
        for (var i = from; i <= text.Length;)
        {
            var isWord = false;
            var width = 1;
            if (i < text.Length && Rune.DecodeFromUtf16(text.AsSpan(i), out var rune, out width) == System.Buffers.OperationStatus.Done)
                isWord = IsWordRune(rune);
            if (isWord && start < 0) start = i;
            if (!isWord && start >= 0)
            {
                yield return new Word(start, i - start, Stem(text.Substring(start, i - start).ToLowerInvariant()));
                start = -1;
            }
            i += Math.Max(width, 1);
        }
    }

    public static List<string> Terms(string text, int max = int.MaxValue) => Words(text, max).Select(w => w.Term).ToList();

    internal static bool IsWordRune(Rune rune) => Rune.GetUnicodeCategory(rune) switch
    {
        UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
            or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter
            or UnicodeCategory.DecimalDigitNumber or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber
            or UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark => true,
        _ => false,
    };

    /// <summary>English plurals fold onto their singular ("websockets", "websocket"); short words and -ss, -us, -is stay.</summary>
    public static string Stem(string word)
    {
        if (word.Length <= 3 || word[^1] != 's') return word;
        if (word.EndsWith("ss", StringComparison.Ordinal) || word.EndsWith("us", StringComparison.Ordinal) || word.EndsWith("is", StringComparison.Ordinal)) return word;
        if (word.Length > 4 && word.EndsWith("ies", StringComparison.Ordinal)) return word[..^3] + "y";
        return word[..^1];
    }

    /// <summary><see cref="Stem(string)"/> on a lower-cased word in a buffer of its own, which it may change.</summary>
    internal static Span<char> Stem(Span<char> word)
    {
        if (word.Length <= 3 || word[^1] != 's') return word;
        if (word.EndsWith("ss") || word.EndsWith("us") || word.EndsWith("is")) return word;
        if (word.Length > 4 && word.EndsWith("ies"))
        {
            word[^3] = 'y';
            return word[..^2];
        }
        return word[..^1];
    }

    /// <summary>Damerau-Levenshtein (optimal string alignment) distance, giving up above max.</summary>
    public static int Distance(string a, string b, int max)
    {
        if (Math.Abs(a.Length - b.Length) > max) return max + 1;
        var rows = new int[3][];
        for (var r = 0; r < 3; r++) rows[r] = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++) rows[1][j] = j;
        int[] prev2 = rows[0], prev = rows[1], cur = rows[2];
        for (var i = 1; i <= a.Length; i++)
        {
            cur[0] = i;
            var best = cur[0];
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var d = Math.Min(Math.Min(prev[j] + 1, cur[j - 1] + 1), prev[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) d = Math.Min(d, prev2[j - 2] + 1);
                cur[j] = d;
                best = Math.Min(best, d);
            }
            if (best > max) return max + 1;
            (prev2, prev, cur) = (prev, cur, prev2);
        }
        return Math.Min(prev[b.Length], max + 1);
    }

    /// <summary>The edits a word of this length may be away from a known word to count as a typo of it.</summary>
    public static int AllowedEdits(string word) => word.Length < 4 ? 0 : word.Length < 7 ? 1 : 2;
}
