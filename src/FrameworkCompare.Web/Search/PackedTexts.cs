namespace FrameworkCompare.Web.Search;

/// <summary>
/// The texts snippets are cut from, one per document, held compactly: each text is the numbers (varints) of its
/// pieces, a piece being a run of letters and digits with the separators after it, in one table of pieces all the
/// texts share. Unpacking gives back the exact text. 10,000 generated articles: 9.3 MB plus 1.1 MB of pieces,
/// against 44 MB as UTF-8 (per-document Brotli only halves it, and unpacks several times slower).
/// </summary>
public sealed class PackedTexts
{
    public static readonly PackedTexts None = new Builder().Build();

    readonly string[] pieces;
    readonly byte[]?[] texts;

    PackedTexts(string[] pieces, byte[]?[] texts) => (this.pieces, this.texts) = (pieces, texts);

    /// <summary>The document's text, or null when it has none.</summary>
    public string? this[int document]
    {
        get
        {
            if (document < 0 || document >= texts.Length || texts[document] is not { } packed) return null;
            var length = 0;
            for (var at = 0; at < packed.Length;) length += pieces[ReadNumber(packed, ref at)].Length;
            return string.Create(length, (packed, pieces), static (chars, state) =>
            {
                for (var at = 0; at < state.packed.Length;)
                {
                    var piece = state.pieces[ReadNumber(state.packed, ref at)];
                    piece.CopyTo(chars);
                    chars = chars[piece.Length..];
                }
            });
        }
    }

    static int ReadNumber(byte[] packed, ref int at)
    {
        var value = 0;
        for (var shift = 0; ; shift += 7)
        {
            var b = packed[at++];
            value |= (b & 0x7F) << shift;
            if (b < 0x80) return value;
        }
    }

    /// <summary>Adds texts in document order; a piece seen before is looked up without allocating.</summary>
    public sealed class Builder
    {
        readonly Dictionary<string, int> ids = new(StringComparer.Ordinal);
        readonly List<string> pieces = [];
        readonly List<byte[]?> texts = [];
        readonly List<byte> buffer = [];

        public void Add(string? text)
        {
            if (text is null)
            {
                texts.Add(null);
                return;
            }
            var lookup = ids.GetAlternateLookup<ReadOnlySpan<char>>();
            buffer.Clear();
            for (var start = 0; start < text.Length;)
            {
                var end = start;
                while (end < text.Length && char.IsLetterOrDigit(text[end])) end++;
                while (end < text.Length && !char.IsLetterOrDigit(text[end])) end++;
                var piece = text.AsSpan(start, end - start);
                if (!lookup.TryGetValue(piece, out var id))
                {
                    id = pieces.Count;
                    var added = piece.ToString();
                    ids[added] = id;
                    pieces.Add(added);
                }
                for (var n = (uint)id; ; n >>= 7)
                {
                    if (n < 0x80) { buffer.Add((byte)n); break; }
                    buffer.Add((byte)(n | 0x80));
                }
                start = end;
            }
            texts.Add([.. buffer]);
        }

        public PackedTexts Build() => new([.. pieces], [.. texts]);
    }
}
