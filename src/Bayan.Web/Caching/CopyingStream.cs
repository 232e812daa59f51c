namespace Bayan.Web.Caching;

/// <summary>
/// Passes an answer's bytes on as they are written and, when the answer is worth keeping, hands a
/// copy of the whole body over just before its last bytes leave: so a reader who has the whole
/// answer can count on the copy being kept already.
/// </summary>
internal sealed class CopyingStream(Stream inner, HttpResponse response, Func<HttpResponse, bool> worthKeeping, Action<byte[]> keep)
    : Stream
{
    private bool decided;
    private MemoryStream? copy;
    private long expected;

    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        if (!decided)
        {
            inner.Flush();
            Decide();
        }
        Copy(buffer);
        inner.Write(buffer);
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken ct) =>
        WriteAsync(buffer.AsMemory(offset, count), ct).AsTask();

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken ct = default)
    {
        if (!decided)
        {
            // Starts the answer, so its headers are final (the header callbacks ran) before deciding on them.
            await inner.FlushAsync(ct);
            Decide();
        }
        Copy(buffer.Span);
        await inner.WriteAsync(buffer, ct);
    }

    public override void Flush() => inner.Flush();

    public override Task FlushAsync(CancellationToken ct) => inner.FlushAsync(ct);

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();

    private void Decide()
    {
        decided = true;
        // Only an answer whose length is known can be known to be complete.
        if (worthKeeping(response) && response.ContentLength is { } length and > 0)
        {
            expected = length;
            copy = new MemoryStream((int)length);
        }
    }

    private void Copy(ReadOnlySpan<byte> bytes)
    {
        if (copy is null)
            return;
        if (copy.Length + bytes.Length > expected)
        {
            copy = null;
            return;
        }
        copy.Write(bytes);
        if (copy.Length == expected)
        {
            keep(copy.GetBuffer());
            copy = null;
        }
    }
}
