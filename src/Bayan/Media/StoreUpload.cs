using Bayan.Operations;
using System.Globalization;

namespace Bayan.Media;

/// <summary>
/// Takes one uploaded file into the media library: checks what it really is and that it is usable,
/// then keeps the original unchanged beside resized renditions in {folder}/{yyyy}/{mm}/{id}/.
/// A refused upload leaves nothing on disk.
/// </summary>
public sealed class StoreUpload(MediaOptions options, TimeProvider clock)
{
    public async Task<UploadResult> RunAsync(string fileName, Stream content, long declaredLength, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(declaredLength);
        var name = UploadName.From(fileName);
        var header = new byte[MediaKinds.HeaderLength];
        var headerLength = declaredLength == 0 ? 0 : await content.ReadAtLeastAsync(header, header.Length, throwOnEndOfStream: false, ct);
        if (headerLength == 0)
            return Refuse($"{name.Display} is empty.");
        if (MediaKinds.Detect(header.AsSpan(0, headerLength)) is not { } kind)
            return Refuse($"{name.Display} is not a JPEG, PNG, GIF or WebP image or a PDF; the media library takes only those.");
        if (name.Contradiction(kind) is { } contradiction)
            return Refuse(contradiction);
        var limit = options.MaxBytes(kind);
        if (declaredLength > limit)
            return TooLarge(name, kind, limit);

        var now = clock.GetUtcNow().UtcDateTime;
        var id = Guid.CreateVersion7(new DateTimeOffset(now)).ToString();
        var folder = Path.GetFullPath(options.Folder);
        // Staged in the media folder itself, so that the last step is one rename on the same disk;
        // the static file server does not serve dot-folders.
        var staging = Path.Combine(folder, $".incoming-{id}");
        Directory.CreateDirectory(staging);
        try
        {
            var originalName = name.StoredName(kind);
            var bytes = await CopyAtMostAsync(header.AsMemory(0, headerLength), content, Path.Combine(staging, originalName), limit, ct);
            if (bytes > limit)
                return TooLarge(name, kind, limit);
            if (bytes != declaredLength)
                return Refuse(string.Create(CultureInfo.InvariantCulture,
                    $"{name.Display} arrived incomplete ({bytes:N0} of {declaredLength:N0} bytes); upload it again."));

            var image = kind.IsImage() ? await ImageRenditions.WriteAsync(Path.Combine(staging, originalName), name, kind, staging, ct) : null;
            if (image?.Problem is { } problem)
                return Refuse(problem);

            // Invariant digits and the Gregorian calendar, whatever culture the server runs in.
            var year = now.ToString("yyyy", CultureInfo.InvariantCulture);
            var month = now.ToString("MM", CultureInfo.InvariantCulture);
            var final = Path.Combine(folder, year, month, id);
            Directory.CreateDirectory(Path.GetDirectoryName(final)!);
            Directory.Move(staging, final);

            var relative = $"{year}/{month}/{id}/";
            return new UploadResult.Stored(new StoredMedia(
                id,
                kind,
                name.Display,
                new MediaFile(relative + originalName, image?.Width, image?.Height, bytes, kind.ContentType()),
                [.. (image?.Renditions ?? []).Select(r => new MediaFile(relative + r.FileName, r.Width, r.Height, r.Bytes, kind.ContentType()))],
                now));
        }
        finally
        {
            if (Directory.Exists(staging))
                Directory.Delete(staging, recursive: true);
        }
    }

    /// <summary>Copies until the limit is passed and no further: a wrong declared length must not fill the disk.</summary>
    private static async Task<long> CopyAtMostAsync(ReadOnlyMemory<byte> header, Stream content, string path, long limit, CancellationToken ct)
    {
        await using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 0, useAsync: true);
        await file.WriteAsync(header, ct);
        long total = header.Length;
        var buffer = new byte[81_920];
        int read;
        while (total <= limit && (read = await content.ReadAsync(buffer, ct)) > 0)
        {
            total += read;
            await file.WriteAsync(buffer.AsMemory(0, read), ct);
        }
        // On the disk before the rename that gives it its real name: a crash never leaves half a file there.
        file.Flush(flushToDisk: true);
        return total;
    }

    private static UploadResult TooLarge(UploadName name, MediaKind kind, long limit) =>
        Refuse(string.Create(CultureInfo.InvariantCulture,
            $"{name.Display} is larger than {(double)limit / MediaOptions.Megabyte:0.##} MB, the most {(kind.IsImage() ? "an image" : "a PDF")} may be."));

    private static UploadResult.Refused Refuse(string message) => new(message);
}
