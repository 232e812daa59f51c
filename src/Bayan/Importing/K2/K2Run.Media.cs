using Bayan.Data;
using Bayan.Operations;

namespace Bayan.Importing.K2;

internal sealed partial class K2Run
{
    /// <summary>
    /// The item's image becomes the release's featured image (described in the item's language with its caption and
    /// credits) and its attachments the release's files. A file is uploaded once: a later run uploads it again only
    /// when its size changed. A missing attachment is reported, never fatal.
    /// </summary>
    private async Task MediaAsync(int releaseId, K2Item item, string language, string? image, string? caption,
        List<K2Attachment> attachments, CancellationToken ct)
    {
        Guid? featured = null;
        if (image is not null)
        {
            var name = (item.Alias.Trim().Length > 0 ? item.Alias.Trim() : $"k2-{item.Id}") + Path.GetExtension(image);
            var alt = WordPressContentText(item.ImageCaption) ?? WordPressContentText(item.Title);
            if (await UploadAsync($"image-{item.Id}", image, name, language, alt, caption, ct) is { IsImage: true } uploaded)
                featured = uploaded.Id;
        }
        var files = new List<Guid>();
        foreach (var attachment in attachments)
        {
            var id = attachment.Id.ToString();
            var path = options.ImagesDirectory is { } folder ? K2Content.AttachmentPath(folder, attachment.FileName) : null;
            if (path is null || !File.Exists(path))
            {
                report.Of(ImportKinds.Attachment).Skipped++;
                if (options.ImagesDirectory is not null)
                    report.MissingFiles.Add((id, "attachments/" + attachment.FileName));
                continue;
            }
            var title = WordPressContentText(attachment.Title);
            if (await UploadAsync(id, path, Path.GetFileName(path), language, title, WordPressContentText(attachment.TitleAttribute), ct) is { } file)
                files.Add(file.Id);
        }
        if (featured is null && files.Count == 0 && image is null && attachments.Count == 0)
            return;
        var outcome = await operations.SetMedia.RunAsync(Importer, releaseId, featured, files, ct);
        if (outcome is not Outcome.Done)
            report.Skip(ImportKinds.Attachment, $"item {item.Id}", ProblemOf(outcome));
    }

    /// <summary>For a dry run: the files an import would copy, and those it would miss.</summary>
    private void CountMedia(K2Item item, string? image, List<K2Attachment> attachments)
    {
        if (image is not null)
            report.Of(ImportKinds.Attachment).Imported++;
        foreach (var attachment in attachments)
        {
            var path = options.ImagesDirectory is { } folder ? K2Content.AttachmentPath(folder, attachment.FileName) : null;
            if (path is not null && File.Exists(path))
            {
                report.Of(ImportKinds.Attachment).Imported++;
                continue;
            }
            report.Of(ImportKinds.Attachment).Skipped++;
            if (options.ImagesDirectory is not null)
                report.MissingFiles.Add((attachment.Id.ToString(), "attachments/" + attachment.FileName));
        }
    }

    private async Task<(Guid Id, bool IsImage)?> UploadAsync(
        string sourceId, string path, string fileName, string language, string? alt, string? caption, CancellationToken ct)
    {
        var length = new FileInfo(path).Length.ToString();
        if (Made(ImportKinds.Attachment, sourceId) is { TargetId: { } target, ContentHash: var known } && known == length
            && Guid.TryParse(target, out var kept))
        {
            report.Of(ImportKinds.Attachment).Unchanged++;
            return (kept, await IsImageAsync(kept, ct));
        }
        await using var stream = File.OpenRead(path);
        var uploaded = await operations.Upload.RunAsync(Importer, fileName, stream, stream.Length, ct);
        if (uploaded.Item is not { } media)
        {
            report.Skip(ImportKinds.Attachment, sourceId, new Problem("import_media_refused", uploaded.Problem ?? ""));
            return null;
        }
        if (alt is not null || caption is not null)
            await operations.Describe.RunAsync(Importer, media.Id, language, ImportLedger.Cut(alt, Limits.Title), ImportLedger.Cut(caption, Limits.Summary), ct);
        report.Of(ImportKinds.Attachment).Imported++;
        await RememberAsync(ImportKinds.Attachment, sourceId, media.Id.ToString(), language, null, length, ct);
        return (media.Id, media.Width is not null);
    }

    private Task<bool> IsImageAsync(Guid id, CancellationToken ct) =>
        Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.AnyAsync(db.Media, m => m.Id == id && m.Width != null, ct);

    private static string? WordPressContentText(string html) =>
        WordPress.WordPressContent.PlainText(html) is { Length: > 0 } text ? text : null;
}
