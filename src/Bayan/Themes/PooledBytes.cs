using System.Buffers;

namespace Bayan.Themes;

/// <summary>
/// Bytes written one after the other into one buffer borrowed from the shared pool, which grows by
/// borrowing a larger one: a page held while it is made costs no new array per request. Disposing
/// gives the buffer back; <see cref="Written"/> is not to be used after.
/// </summary>
public sealed class PooledBytes : IBufferWriter<byte>, IDisposable
{
    // A release page is some 20-40 KB; rarer bigger pages grow the buffer.
    private const int FirstSize = 32 * 1024;

    private byte[] bytes = ArrayPool<byte>.Shared.Rent(FirstSize);
    private int length;

    public ReadOnlyMemory<byte> Written => bytes.AsMemory(0, length);

    public Span<byte> GetSpan(int sizeHint = 0)
    {
        Room(Math.Max(sizeHint, 1));
        return bytes.AsSpan(length);
    }

    public Memory<byte> GetMemory(int sizeHint = 0)
    {
        Room(Math.Max(sizeHint, 1));
        return bytes.AsMemory(length);
    }

    public void Advance(int count) => length += count;

    public void Dispose()
    {
        if (bytes.Length == 0)
            return;
        ArrayPool<byte>.Shared.Return(bytes);
        bytes = [];
        length = 0;
    }

    private void Room(int needed)
    {
        if (bytes.Length - length >= needed)
            return;
        var larger = ArrayPool<byte>.Shared.Rent(Math.Max(2 * bytes.Length, length + needed));
        bytes.AsSpan(0, length).CopyTo(larger);
        ArrayPool<byte>.Shared.Return(bytes);
        bytes = larger;
    }
}
