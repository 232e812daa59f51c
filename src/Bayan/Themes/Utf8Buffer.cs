using System.Text;

namespace Bayan.Themes;

/// <summary>
/// Text encoded to UTF-8 as it is written, into one buffer borrowed from the shared pool: a page is
/// encoded once while it renders, then hashed and sent from these bytes, with no string of the whole
/// page in between. Disposing gives the buffer back (<see cref="PooledBytes"/>).
/// </summary>
public sealed class Utf8Buffer : IDisposable
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    private readonly PooledBytes bytes = new();

    public Utf8Buffer() => Writer = new Utf8Writer(bytes);

    /// <summary>
    /// Writes into this buffer. Fluid disposes the writer it renders into when it is done, so the
    /// writer's end is not the buffer's: only disposing the buffer gives its bytes back.
    /// </summary>
    public TextWriter Writer { get; }

    public ReadOnlyMemory<byte> Written => bytes.Written;

    public void Dispose() => bytes.Dispose();

    private sealed class Utf8Writer(PooledBytes bytes) : TextWriter
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
            var room = bytes.GetSpan(chars.Length <= 1024 ? 3 * chars.Length + 3 : encoder.GetByteCount(chars, flush: false));
            bytes.Advance(encoder.GetBytes(chars, room, flush: false));
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
