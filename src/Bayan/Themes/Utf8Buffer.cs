using System.Buffers;
using System.Text;

namespace Bayan.Themes;

/// <summary>
/// Text encoded to UTF-8 as it is written, into one buffer borrowed from the shared pool: a page is
/// encoded once while it renders, then hashed and sent from these bytes, with no string of the whole
/// page in between. Disposing gives the buffer back; <see cref="Written"/> is not to be used after.
/// </summary>
public sealed class Utf8Buffer : IDisposable
{
    // A release page is some 20-40 KB; rarer bigger pages grow the buffer.
    private const int FirstSize = 32 * 1024;

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    private byte[] bytes = ArrayPool<byte>.Shared.Rent(FirstSize);
    private int length;

    public Utf8Buffer() => Writer = new Utf8Writer(this);

    /// <summary>
    /// Writes into this buffer. Fluid disposes the writer it renders into when it is done, so the
    /// writer's end is not the buffer's: only disposing the buffer gives its bytes back.
    /// </summary>
    public TextWriter Writer { get; }

    public ReadOnlyMemory<byte> Written => bytes.AsMemory(0, length);

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

    private sealed class Utf8Writer(Utf8Buffer buffer) : TextWriter
    {
        // Keeps a high surrogate that ends one write for the low one that begins the next.
        private readonly System.Text.Encoder encoder = Utf8.GetEncoder();

        public override Encoding Encoding => Utf8;

        public override void Write(char value) => Write(new ReadOnlySpan<char>(in value));

        public override void Write(string? value) => Write(value.AsSpan());

        public override void Write(char[] buffer, int index, int count) => Write(buffer.AsSpan(index, count));

        public override void Write(ReadOnlySpan<char> chars)
        {
            // Three bytes a character at most (a surrogate pair is four for two), plus a kept surrogate; a long
            // text (the release's body) is counted, so it does not ask for three times its room.
            buffer.Room(chars.Length <= 1024 ? 3 * chars.Length + 3 : encoder.GetByteCount(chars, flush: false));
            buffer.length += encoder.GetBytes(chars, buffer.bytes.AsSpan(buffer.length), flush: false);
        }

        // Nothing here waits: the asynchronous writes Fluid makes complete at once.
        public override Task WriteAsync(char value)
        {
            Write(value);
            return Task.CompletedTask;
        }

        public override Task WriteAsync(string? value)
        {
            Write(value);
            return Task.CompletedTask;
        }

        public override Task WriteAsync(char[] buffer, int index, int count)
        {
            Write(buffer, index, count);
            return Task.CompletedTask;
        }

        public override Task WriteAsync(ReadOnlyMemory<char> buffer, CancellationToken cancellationToken = default)
        {
            Write(buffer.Span);
            return Task.CompletedTask;
        }

        public override Task FlushAsync() => Task.CompletedTask;
    }
}
