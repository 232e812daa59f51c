using System.Formats.Tar;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;

namespace Bayan.Backup;

/// <summary>
/// Writes the archive of <see cref="BackupFormat"/> to a stream, front to back: each part is read once from its file,
/// hashed on the way, and never held whole in memory. The manifest is written last, with every part's checksum.
/// </summary>
internal sealed class BackupWriter : IAsyncDisposable
{
    private readonly GZipStream gzip;
    private readonly TarWriter tar;
    private readonly List<BackupPart> parts = [];
    private readonly DateTimeOffset stamp;

    public BackupWriter(Stream output, DateTime createdAt)
    {
        // Fastest: media (most of a backup's bytes) is compressed already; the database still shrinks to a third.
        gzip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true);
        tar = new TarWriter(gzip, TarEntryFormat.Pax, leaveOpen: true);
        stamp = new DateTimeOffset(DateTime.SpecifyKind(createdAt, DateTimeKind.Utc));
    }

    public IReadOnlyList<BackupPart> Parts => parts;

    public long Bytes => parts.Sum(p => p.Bytes);

    public async Task AddFileAsync(string name, string path, CancellationToken ct)
    {
        await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 81_920, useAsync: true);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        await using var hashed = new HashingReadStream(file, hash);
        var entry = new PaxTarEntry(TarEntryType.RegularFile, name) { DataStream = hashed, ModificationTime = stamp, Mode = FileMode644 };
        await tar.WriteEntryAsync(entry, ct);
        parts.Add(new BackupPart(name, hashed.BytesRead, Convert.ToHexStringLower(hash.GetHashAndReset())));
    }

    /// <summary>The manifest and its checksum: after them the archive is whole.</summary>
    public async Task FinishAsync(BackupManifest manifest, CancellationToken ct)
    {
        var json = manifest with { Parts = [.. parts] };
        var bytes = json.ToJson();
        await AddBytesAsync(BackupFormat.Manifest, bytes, ct);
        var line = $"{Convert.ToHexStringLower(SHA256.HashData(bytes))}  {BackupFormat.Manifest}\n";
        await AddBytesAsync(BackupFormat.ManifestChecksum, Encoding.ASCII.GetBytes(line), ct);
        await tar.DisposeAsync();
        await gzip.DisposeAsync();
    }

    private async Task AddBytesAsync(string name, byte[] bytes, CancellationToken ct)
    {
        using var data = new MemoryStream(bytes, writable: false);
        await tar.WriteEntryAsync(new PaxTarEntry(TarEntryType.RegularFile, name) { DataStream = data, ModificationTime = stamp, Mode = FileMode644 }, ct);
    }

    private const UnixFileMode FileMode644 = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead;

    public async ValueTask DisposeAsync()
    {
        await tar.DisposeAsync();
        await gzip.DisposeAsync();
    }

    /// <summary>
    /// A file as the tar writer reads it (it asks the length first, for the entry's header), hashing every byte read.
    /// A file that grew meanwhile is cut at the length the header names, as tar does.
    /// </summary>
    private sealed class HashingReadStream(FileStream file, IncrementalHash hash) : Stream
    {
        private readonly long length = file.Length;

        public long BytesRead { get; private set; }

        public override bool CanRead => true;
        public override bool CanSeek => true;
        public override bool CanWrite => false;
        public override long Length => length;

        public override long Position
        {
            get => BytesRead;
            set
            {
                if (value != BytesRead)
                    throw new NotSupportedException("A backup part is read once, front to back.");
            }
        }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            var read = file.Read(buffer[..(int)Math.Min(buffer.Length, length - BytesRead)]);
            Account(buffer[..read]);
            return read;
        }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            var read = await file.ReadAsync(buffer[..(int)Math.Min(buffer.Length, length - BytesRead)], cancellationToken);
            Account(buffer.Span[..read]);
            return read;
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        private void Account(ReadOnlySpan<byte> bytes)
        {
            hash.AppendData(bytes);
            BytesRead += bytes.Length;
        }

        public override long Seek(long offset, SeekOrigin origin) =>
            origin == SeekOrigin.Begin && offset == BytesRead || origin == SeekOrigin.Current && offset == 0
                ? BytesRead
                : throw new NotSupportedException("A backup part is read once, front to back.");

        public override void Flush()
        {
        }

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
