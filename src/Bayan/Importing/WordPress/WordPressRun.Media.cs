using Microsoft.EntityFrameworkCore;
using Bayan.Operations;

namespace Bayan.Importing.WordPress;

internal sealed partial class WordPressRun
{
    /// <summary>Old address of an imported file to its address in Bayan's media, for the bodies that show it.</summary>
    private readonly Dictionary<string, string> mediaUrls = new(StringComparer.Ordinal);

    /// <summary>WordPress attachment id to the media item it became.</summary>
    private readonly Dictionary<long, (Guid Id, bool IsImage)> media = [];

    private ILookup<long, WxrAttachment>? attachmentsByParent;

    /// <summary>
    /// Every attachment's file, copied from the uploads folder into the media library (which makes its renditions),
    /// with its alternative text and caption in its post's language. A missing file is reported, never fatal.
    /// </summary>
    public async Task AttachmentsAsync(CancellationToken ct)
    {
        await LoadKnownMediaAsync(ct);
        var done = 0;
        foreach (var attachment in scan.Attachments.Values)
        {
            progress.Report(("Media", ++done, scan.Attachments.Count));
            var id = attachment.Id.ToString();
            if (media.ContainsKey(attachment.Id))
            {
                report.Of(ImportKinds.Attachment).Unchanged++;
                continue;
            }
            if (options.UploadsDirectory is null)
            {
                report.Of(ImportKinds.Attachment).Skipped++;
                continue;
            }
            var path = attachment.File.Length == 0 ? "" : Path.GetFullPath(Path.Combine(options.UploadsDirectory, attachment.File));
            // A path that climbs out of the uploads folder (../../etc/passwd in a hostile file) is no file of it.
            if (path.Length == 0 || !path.StartsWith(Path.GetFullPath(options.UploadsDirectory), StringComparison.Ordinal) || !File.Exists(path))
            {
                report.Of(ImportKinds.Attachment).Skipped++;
                report.MissingFiles.Add((id, attachment.File.Length > 0 ? attachment.File : attachment.Url));
                continue;
            }
            if (options.DryRun)
            {
                report.Of(ImportKinds.Attachment).Imported++;
                continue;
            }
            await using (var stream = File.OpenRead(path))
            {
                var uploaded = await operations.Upload.RunAsync(Importer, Path.GetFileName(path), stream, stream.Length, ct);
                if (uploaded.Item is not { } item)
                {
                    report.Skip(ImportKinds.Attachment, id, new Problem("import_media_refused", uploaded.Problem ?? ""));
                    continue;
                }
                var language = AttachmentLanguage(attachment);
                if (attachment.Alt.Length > 0 || attachment.Caption.Length > 0)
                    await operations.Describe.RunAsync(Importer, item.Id, language, Cut(attachment.Alt, Data.Limits.Title), Cut(attachment.Caption, Data.Limits.Summary), ct);
                media[attachment.Id] = (item.Id, item.Width is not null);
                mediaUrls[attachment.Url] = item.Url;
                await RememberAsync(ImportKinds.Attachment, id, item.Id.ToString(), language, attachment.Url, null, ct);
            }
            report.Of(ImportKinds.Attachment).Imported++;
            db.ChangeTracker.Clear();
        }
        if (options.UploadsDirectory is null && scan.Attachments.Count > media.Count)
            report.Skipped.Add(new ImportNote(ImportKinds.Attachment, "*", new Problem("import_no_uploads")));
    }

    /// <summary>The language of the post it belongs to, else its own.</summary>
    private string AttachmentLanguage(WxrAttachment attachment) =>
        options.Language ?? Plans.GetValueOrDefault(attachment.Parent)?.Language ?? attachment.Language;

    private async Task LoadKnownMediaAsync(CancellationToken ct)
    {
        var known = ledger.Items.Where(i => i.Kind == ImportKinds.Attachment && Guid.TryParse(i.TargetId, out _))
            .ToDictionary(i => Guid.Parse(i.TargetId!), i => i);
        if (known.Count == 0)
            return;
        var ids = known.Keys.ToList();
        foreach (var item in await db.Media.AsNoTracking().Where(m => ids.Contains(m.Id)).Select(m => new { m.Id, m.Url, m.Width }).ToListAsync(ct))
        {
            var source = known[item.Id];
            media[long.Parse(source.SourceId)] = (item.Id, item.Width is not null);
            if (source.OldUrl is { } old)
                mediaUrls[old] = item.Url;
        }
    }

    /// <summary>The featured image (WordPress's _thumbnail_id) and the post's other files (PDFs) as its attachments.</summary>
    private async Task SetMediaAsync(int releaseId, WxrItem item, CancellationToken ct)
    {
        Guid? featured = long.TryParse(item.MetaValue("_thumbnail_id"), out var thumbnail) && media.TryGetValue(thumbnail, out var image) && image.IsImage
            ? image.Id
            : null;
        attachmentsByParent ??= scan.Attachments.Values.ToLookup(a => a.Parent);
        var files = attachmentsByParent[item.PostId].Where(a => media.TryGetValue(a.Id, out var m) && !m.IsImage)
            .Select(a => media[a.Id].Id).ToList();
        if (featured is null && files.Count == 0)
            return;
        await operations.SetMedia.RunAsync(Importer, releaseId, featured, files, ct);
    }
}
