using System.Buffers;
using System.IO.Pipelines;
using System.Text;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Bayan.Web.Security;

/// <summary>
/// Kestrel answers a request it cannot parse (a malformed header, a request line too long) with a plain
/// 4xx of its own, before any middleware runs, so <see cref="SecurityHeaders"/> never sees it. This watches
/// what a connection sends and gives such an answer the same headers every other answer carries.
/// </summary>
internal static class KestrelRefusals
{
    public static void AddSecurityHeadersToRefusals(this KestrelServerOptions kestrel) =>
        kestrel.ConfigureEndpointDefaults(listen => listen.Use(next => connection =>
        {
            connection.Transport = new Pipe(connection.Transport.Input, new HeaderAddingWriter(connection.Transport.Output));
            return next(connection);
        }));

    private sealed class Pipe(PipeReader input, PipeWriter output) : IDuplexPipe
    {
        public PipeReader Input { get; } = input;
        public PipeWriter Output { get; } = output;
    }

    /// <summary>Passes every write through; only Kestrel's own refusal, written whole in one go, gets the headers added.</summary>
    private sealed class HeaderAddingWriter(PipeWriter inner) : PipeWriter
    {
        private static readonly byte[] Added = Encoding.ASCII.GetBytes(SecurityHeaders.AsHeaderLines());
        private Memory<byte> lent;

        public override Memory<byte> GetMemory(int sizeHint = 0) => lent = inner.GetMemory(sizeHint);

        public override Span<byte> GetSpan(int sizeHint = 0) => (lent = inner.GetMemory(sizeHint)).Span;

        public override void Advance(int bytes)
        {
            if (bytes >= 10 && IsKestrelRefusal(lent.Span[..bytes]))
            {
                var written = lent.Span[..bytes].ToArray();
                var statusLineEnd = written.AsSpan().IndexOf("\r\n"u8) + 2;
                inner.Write(written.AsSpan(0, statusLineEnd));
                inner.Write(Added);
                inner.Write(written.AsSpan(statusLineEnd));
                return;
            }
            inner.Advance(bytes);
        }

        /// <summary>
        /// A whole answer head with a 4xx status, no body, the connection closing, and none of the headers
        /// Bayan's own answers always carry: what Kestrel writes when it refuses a request.
        /// </summary>
        private static bool IsKestrelRefusal(ReadOnlySpan<byte> written) =>
            written.StartsWith("HTTP/1.1 4"u8)
            && written.EndsWith("\r\n\r\n"u8)
            && written.IndexOf("\r\nContent-Length: 0\r\n"u8) >= 0
            && written.IndexOf("\r\nConnection: close\r\n"u8) >= 0
            && written.IndexOf("\r\nX-Content-Type-Options:"u8) < 0;

        public override ValueTask<FlushResult> FlushAsync(CancellationToken cancellationToken = default) => inner.FlushAsync(cancellationToken);

        public override void CancelPendingFlush() => inner.CancelPendingFlush();

        public override void Complete(Exception? exception = null) => inner.Complete(exception);

        public override ValueTask CompleteAsync(Exception? exception = null) => inner.CompleteAsync(exception);

        public override bool CanGetUnflushedBytes => inner.CanGetUnflushedBytes;

        public override long UnflushedBytes => inner.UnflushedBytes;
    }
}
