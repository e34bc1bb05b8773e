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
    // The table the pieces were taken from, which a rebuild goes on adding to so it can keep unchanged texts as they are.
    readonly PieceTable table;

    PackedTexts(string[] pieces, byte[]?[] texts, PieceTable table) => (this.pieces, this.texts, this.table) = (pieces, texts, table);

    public int Count => texts.Length;

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

    /// <summary>Makes <paramref name="into"/> the document's text, unpacked as its reader goes; false when it has none.</summary>
    public bool Open(int document, PartialText into)
    {
        if (document < 0 || document >= texts.Length || texts[document] is not { } packed) return false;
        into.Reset(packed, pieces);
        return true;
    }

    internal static int ReadNumber(byte[] packed, ref int at)
    {
        var value = 0;
        for (var shift = 0; ; shift += 7)
        {
            var b = packed[at++];
            value |= (b & 0x7F) << shift;
            if (b < 0x80) return value;
        }
    }

    sealed class PieceTable
    {
        public readonly Dictionary<string, int> Ids = new(StringComparer.Ordinal);
        public readonly List<string> Pieces = [];
    }

    /// <summary>
    /// Adds texts in document order; a piece seen before is looked up without allocating. Builders that continue one
    /// table must run one at a time (the search index's builds do); a piece no text uses any more stays in the table
    /// until a build starts a new one.
    /// </summary>
    public sealed class Builder
    {
        readonly PieceTable table;
        readonly List<byte[]?> texts = [];
        readonly List<byte> buffer = [];

        public Builder() => table = new PieceTable();

        /// <summary>Continues the pieces of <paramref name="basis"/>, so its texts can be added as they are packed.</summary>
        public Builder(PackedTexts basis) => table = basis.table;

        /// <summary>Adds a text of <see cref="Builder(PackedTexts)"/>'s basis without unpacking it.</summary>
        public void AddPacked(PackedTexts from, int document)
        {
            if (from.table != table) throw new ArgumentException("The texts were packed with another table of pieces", nameof(from));
            texts.Add(from.texts[document]);
        }

        public void Add(string? text)
        {
            if (text is null)
            {
                texts.Add(null);
                return;
            }
            var lookup = table.Ids.GetAlternateLookup<ReadOnlySpan<char>>();
            buffer.Clear();
            for (var start = 0; start < text.Length;)
            {
                var end = start;
                while (end < text.Length && char.IsLetterOrDigit(text[end])) end++;
                while (end < text.Length && !char.IsLetterOrDigit(text[end])) end++;
                var piece = text.AsSpan(start, end - start);
                if (!lookup.TryGetValue(piece, out var id))
                {
                    id = table.Pieces.Count;
                    var added = piece.ToString();
                    table.Ids[added] = id;
                    table.Pieces.Add(added);
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

        public PackedTexts Build() => new([.. table.Pieces], [.. texts], table);
    }
}
