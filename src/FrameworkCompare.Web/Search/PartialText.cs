using System.Buffers;

namespace FrameworkCompare.Web.Search;

/// <summary>
/// A text unpacked only as far as its reader has looked: a snippet near the start of a long article leaves the rest
/// packed. One instance serves a request's texts one after another; its buffer comes from the array pool.
/// </summary>
public sealed class PartialText : IDisposable
{
    // Unpacking piece by piece costs a lookup each; a reader asking for one more character gets a few hundred.
    readonly int chunk;

    /// <param name="chunk">The fewest characters to unpack at a time (tests make it small to cut texts everywhere).</param>
    public PartialText(int chunk = 512) => this.chunk = Math.Max(1, chunk);

    string? whole;
    char[] chars = [];
    int length;
    byte[]? packed;
    string[] pieces = [];
    int at;

    /// <summary>The characters unpacked so far.</summary>
    public int Length => length;

    public bool Complete => whole is not null || packed is null || at >= packed.Length;

    public ReadOnlySpan<char> Span => whole is not null ? whole.AsSpan() : chars.AsSpan(0, length);

    public char this[int index] => whole is not null ? whole[index] : chars[index];

    /// <summary>Reads a whole string, nothing to unpack.</summary>
    public PartialText Reset(string text)
    {
        (whole, length, packed) = (text, text.Length, null);
        return this;
    }

    internal void Reset(byte[] packedText, string[] pieceTable)
    {
        (whole, length, packed, pieces, at) = (null, 0, packedText, pieceTable, 0);
    }

    /// <summary>Unpacks until at least <paramref name="count"/> characters are there; false when the text is shorter.</summary>
    public bool Reach(int count)
    {
        if (count <= length) return true;
        if (Complete) return false;
        var target = Math.Max(count, length + chunk);
        while (length < target && at < packed!.Length)
        {
            var piece = pieces[PackedTexts.ReadNumber(packed, ref at)];
            if (length + piece.Length > chars.Length) Grow(length + piece.Length);
            piece.CopyTo(chars.AsSpan(length));
            length += piece.Length;
        }
        return count <= length;
    }

    /// <summary>Unpacks the rest.</summary>
    public void ReachEnd() => Reach(int.MaxValue);

    void Grow(int needed)
    {
        var larger = ArrayPool<char>.Shared.Rent(Math.Max(needed, Math.Max(chars.Length * 2, 4 * chunk)));
        chars.AsSpan(0, length).CopyTo(larger);
        if (chars.Length > 0) ArrayPool<char>.Shared.Return(chars);
        chars = larger;
    }

    public void Dispose()
    {
        if (chars.Length > 0) ArrayPool<char>.Shared.Return(chars);
        (chars, length, packed, whole) = ([], 0, null, null);
    }
}
