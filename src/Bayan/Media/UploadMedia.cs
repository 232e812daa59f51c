using Bayan.Accounts;
using Bayan.Audit;
using Bayan.Data;
using Bayan.Operations;

namespace Bayan.Media;

/// <summary>What became of an upload to the library: kept (with its record) or refused with the reason.</summary>
public sealed record MediaUploadOutcome(MediaItem? Item, string? Problem, bool Forbidden = false);

/// <summary>Adds a file to the media library: checked and stored on disk, then recorded; editors and administrators only.</summary>
public sealed class UploadMedia(BayanDb db, StoreUpload store, TimeProvider clock)
{
    public const string UrlPrefix = "/media/";

    public async Task<MediaUploadOutcome> RunAsync(Actor actor, string fileName, Stream content, long length, CancellationToken ct)
    {
        if (!actor.IsEditor)
            return new(null, null, Forbidden: true);
        var result = await store.RunAsync(fileName, content, length, ct);
        if (result is UploadResult.Refused refused)
            return new(null, refused.Message);
        var stored = ((UploadResult.Stored)result).Media;
        var item = new MediaItem
        {
            Id = Guid.Parse(stored.Id),
            Kind = stored.Kind.ToString(),
            FileName = stored.OriginalFileName.Length > Limits.Title ? stored.OriginalFileName[..Limits.Title] : stored.OriginalFileName,
            ContentType = stored.Original.ContentType,
            Bytes = stored.Original.Bytes,
            Width = stored.Original.Width,
            Height = stored.Original.Height,
            Url = UrlOf(stored.Original),
            Renditions = string.Join(", ", stored.Renditions.Select(r => $"{UrlOf(r)} {r.Width}w")),
            UploadedBy = actor.Name,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.Media.Add(item);
        AuditLog.Record(db, item.CreatedAt, actor.Name, "media.uploaded", $"media:{item.Id}", $"{item.FileName} ({item.Bytes} bytes)");
        await db.SaveChangesAsync(ct);
        return new(item, null);
    }

    /// <summary>The public address of a stored file; each path segment escaped, so Arabic names stay valid URLs.</summary>
    public static string UrlOf(MediaFile file) =>
        UrlPrefix + string.Join('/', file.Path.Split('/').Select(Uri.EscapeDataString));
}
