using System.Buffers;

namespace Bayan.Web.Caching;

/// <summary>
/// An answer held back while it is written, in a buffer borrowed from the shared pool: a page no
/// longer costs a new array (and its copies as it grows) on every request. Disposing gives it back.
/// </summary>
internal sealed class PooledBufferStream : Stream
{
    private const int FirstSize = 32 * 1024;

    private byte[] bytes = ArrayPool<byte>.Shared.Rent(FirstSize);
    private int length;

    public ReadOnlyMemory<byte> Written => bytes.AsMemory(0, length);

    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => length;
    public override long Position { get => length; set => throw new NotSupportedException(); }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        if (bytes.Length - length < buffer.Length)
        {
            var larger = ArrayPool<byte>.Shared.Rent(Math.Max(2 * bytes.Length, length + buffer.Length));
            bytes.AsSpan(0, length).CopyTo(larger);
            ArrayPool<byte>.Shared.Return(bytes);
            bytes = larger;
        }
        buffer.CopyTo(bytes.AsSpan(length));
        length += buffer.Length;
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        Write(buffer.AsSpan(offset, count));
        return Task.CompletedTask;
    }

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        Write(buffer.Span);
        return ValueTask.CompletedTask;
    }

    public override void Flush() { }

    public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing && bytes.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(bytes);
            bytes = [];
            length = 0;
        }
        base.Dispose(disposing);
    }
}
