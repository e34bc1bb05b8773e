using System.Buffers;
using System.Text;

namespace FrameworkCompare.Web.Caching;

/// <summary>
/// Drops the spaces and tabs that start each line of an HTML page, as the Razor views' indentation leaves them,
/// except inside pre and textarea, where they are the text. A browser renders the page the same (the line break
/// stays), and the comparison page compresses about 3% smaller. Tags split between two writes are carried over.
/// </summary>
public sealed class IndentTrimmingStream(Stream inner) : Stream
{
    static readonly byte[][] RawTags = [Encoding.ASCII.GetBytes("pre"), Encoding.ASCII.GetBytes("textarea")];
    const int LongestTag = 10; // "</textarea" without its '<'

    bool lineStart;
    int rawDepth;
    byte[] carry = [];

    /// <summary>A whole page at once, as the stream would write it.</summary>
    public static byte[] Trim(ReadOnlySpan<byte> html)
    {
        var output = new MemoryStream(html.Length);
        using (var stream = new IndentTrimmingStream(output)) stream.Write(html);
        return output.ToArray();
    }

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        var output = Trim(buffer, final: false, out var length);
        try { inner.Write(output, 0, length); }
        finally { ArrayPool<byte>.Shared.Return(output); }
    }

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var output = Trim(buffer.Span, final: false, out var length);
        try { await inner.WriteAsync(output.AsMemory(0, length), cancellationToken); }
        finally { ArrayPool<byte>.Shared.Return(output); }
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));
    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    byte[] Trim(ReadOnlySpan<byte> input, bool final, out int length)
    {
        var source = carry.Length == 0 ? input : [.. carry, .. input];
        carry = [];
        var output = ArrayPool<byte>.Shared.Rent(Math.Max(source.Length, 1));
        length = 0;
        for (var i = 0; i < source.Length; i++)
        {
            var b = source[i];
            if (lineStart && rawDepth == 0 && (b == (byte)' ' || b == (byte)'\t')) continue;
            lineStart = b == (byte)'\n';
            if (b == (byte)'<')
            {
                var rest = source[(i + 1)..];
                if (!final && rest.Length < LongestTag + 1 && rest.IndexOf((byte)'>') < 0)
                {
                    carry = rest.Length == 0 ? [b] : [b, .. rest];
                    return output;
                }
                rawDepth = Math.Max(0, rawDepth + RawTagChange(rest));
            }
            output[length++] = b;
        }
        return output;
    }

    /// <summary>+1 after "pre" or "textarea" opens, -1 after one closes, 0 for any other tag.</summary>
    static int RawTagChange(ReadOnlySpan<byte> afterBracket)
    {
        var closing = afterBracket.Length > 0 && afterBracket[0] == (byte)'/';
        var name = closing ? afterBracket[1..] : afterBracket;
        foreach (var tag in RawTags)
        {
            if (name.Length <= tag.Length || !Ascii.EqualsIgnoreCase(name[..tag.Length], tag)) continue;
            var next = name[tag.Length];
            if (next is (byte)'>' or (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\r' or (byte)'/') return closing ? -1 : 1;
        }
        return 0;
    }

    void FlushCarry()
    {
        if (carry.Length == 0) return;
        var output = Trim([], final: true, out var length);
        try { inner.Write(output, 0, length); }
        finally { ArrayPool<byte>.Shared.Return(output); }
    }

    public override void Flush() => inner.Flush();
    public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            FlushCarry();
            inner.Dispose();
        }
        base.Dispose(disposing);
    }

    public override async ValueTask DisposeAsync()
    {
        FlushCarry();
        await inner.DisposeAsync();
        await base.DisposeAsync();
    }

    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
}
