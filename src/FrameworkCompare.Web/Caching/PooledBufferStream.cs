using System.Buffers;

namespace FrameworkCompare.Web.Caching;

/// <summary>
/// A write-only stream over one array rented from the shared pool, grown by renting a larger one. A page of 90 KB
/// buffered in a MemoryStream grows through the large-object heap on every request (a gen-2 collection every few
/// dozen pages under load); this one returns its array when disposed. <see cref="Written"/> is valid until then.
/// </summary>
public sealed class PooledBufferStream(int initialCapacity = 64 * 1024) : Stream
{
    byte[] buffer = ArrayPool<byte>.Shared.Rent(initialCapacity);
    int length;

    public ReadOnlyMemory<byte> Written => buffer.AsMemory(0, length);

    public override void Write(ReadOnlySpan<byte> source)
    {
        if (length + source.Length > buffer.Length) Grow(length + source.Length);
        source.CopyTo(buffer.AsSpan(length));
        length += source.Length;
    }

    public override void Write(byte[] source, int offset, int count) => Write(source.AsSpan(offset, count));

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> source, CancellationToken cancellationToken = default)
    {
        Write(source.Span);
        return ValueTask.CompletedTask;
    }

    public override Task WriteAsync(byte[] source, int offset, int count, CancellationToken cancellationToken)
    {
        Write(source.AsSpan(offset, count));
        return Task.CompletedTask;
    }

    public override void WriteByte(byte value) => Write([value]);

    void Grow(int needed)
    {
        var larger = ArrayPool<byte>.Shared.Rent(Math.Max(needed, buffer.Length * 2));
        buffer.AsSpan(0, length).CopyTo(larger);
        ArrayPool<byte>.Shared.Return(buffer);
        buffer = larger;
    }

    protected override void Dispose(bool disposing)
    {
        if (buffer.Length > 0) ArrayPool<byte>.Shared.Return(buffer);
        buffer = [];
        length = 0;
        base.Dispose(disposing);
    }

    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => length;
    public override long Position { get => length; set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
}
