namespace Bayan.Web.Caching;

/// <summary>Passes an answer's bytes on as they are written and keeps a copy of them, up to a limit.</summary>
internal sealed class CopyingStream(Stream inner, int limit) : Stream
{
    private readonly MemoryStream copy = new();

    /// <summary>False once the answer outgrew the limit: the copy is then incomplete and not kept.</summary>
    public bool Complete { get; private set; } = true;

    public byte[] ToArray() => copy.ToArray();

    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        Keep(buffer);
        inner.Write(buffer);
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken ct) =>
        WriteAsync(buffer.AsMemory(offset, count), ct).AsTask();

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken ct = default)
    {
        Keep(buffer.Span);
        return inner.WriteAsync(buffer, ct);
    }

    public override void Flush() => inner.Flush();

    public override Task FlushAsync(CancellationToken ct) => inner.FlushAsync(ct);

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();

    private void Keep(ReadOnlySpan<byte> bytes)
    {
        if (!Complete)
            return;
        if (copy.Length + bytes.Length > limit)
        {
            Complete = false;
            copy.SetLength(0);
            return;
        }
        copy.Write(bytes);
    }
}
