using System.Text;
using Bayan.Operations;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace Bayan.Web.Importing;

/// <summary>An upload saved for its import: the name it had, the name it waits under in the imports folder, its path and size.</summary>
public sealed record StoredUpload(string FileName, string StoredFile, string Path, long Bytes);

/// <summary>
/// The import form read as it arrives, never whole in memory: its fields first (the form puts its file last),
/// then the file, whose first bytes must be XML before a byte of it is written to the imports folder.
/// </summary>
internal sealed class WxrUpload(HttpRequest request)
{
    public const string FileField = "file";
    private const int FieldLength = 4_000;
    private const int Sniffed = 4_096;

    private MultipartReader? reader;
    private MultipartSection? file;
    private string fileName = "";

    public Dictionary<string, string> Fields { get; } = new(StringComparer.Ordinal);

    /// <summary>Reads the fields that come before the file; false when the request is no multipart form.</summary>
    public async Task<bool> ReadFieldsAsync(CancellationToken ct)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var type)
            || !type.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
            || HeaderUtilities.RemoveQuotes(type.Boundary).Value is not { Length: > 0 and <= 200 } boundary)
            return false;
        reader = new MultipartReader(boundary, request.Body);
        while (await reader.ReadNextSectionAsync(ct) is { } section)
        {
            // Not IsFormDisposition(): it says false for the file, which is form-data too.
            if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)
                || !disposition.DispositionType.Equals("form-data", StringComparison.OrdinalIgnoreCase))
                continue;
            var name = HeaderUtilities.RemoveQuotes(disposition.Name).Value ?? "";
            if (disposition.IsFileDisposition())
            {
                if (name != FileField)
                    continue;
                file = section;
                fileName = Path.GetFileName(HeaderUtilities.RemoveQuotes(
                    disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).Value ?? "");
                return true;
            }
            using var text = new StreamReader(section.Body, Encoding.UTF8);
            var value = new char[FieldLength];
            Fields[name] = new string(value, 0, await text.ReadBlockAsync(value, ct));
        }
        return true;
    }

    /// <summary>Streams the file into <paramref name="folder"/>; a problem, and nothing written, when it is missing, empty, not XML or too large.</summary>
    public async Task<(StoredUpload? Upload, Problem? Problem)> SaveAsync(string folder, long limit, CancellationToken ct)
    {
        if (file is null)
            return (null, new Problem("import_upload_choose_file"));
        var start = new byte[Sniffed];
        int read;
        try
        {
            read = await file.Body.ReadAtLeastAsync(start, start.Length, throwOnEndOfStream: false, ct);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, TooLarge(limit));
        }
        var problem = Sniff(start.AsSpan(0, read), complete: read < start.Length);
        if (problem is not null)
        {
            // Read to its end, unwritten, so the browser gets the answer rather than a connection cut mid-upload.
            return (null, await DrainAsync(ct) ? problem : TooLarge(limit));
        }

        Directory.CreateDirectory(folder);
        var stored = $"{Guid.NewGuid():N}.xml";
        var path = Path.Combine(folder, stored);
        try
        {
            await using var output = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, FileOptions.Asynchronous);
            await output.WriteAsync(start.AsMemory(0, read), ct);
            await file.Body.CopyToAsync(output, 1 << 16, ct);
            return (new StoredUpload(fileName.Length > 0 ? fileName : stored, stored, path, output.Length), null);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            File.Delete(path);
            return (null, TooLarge(limit));
        }
        catch
        {
            File.Delete(path);
            throw;
        }
    }

    private static Problem TooLarge(long limit) => new("import_upload_too_large", limit / Media.MediaOptions.Megabyte);

    /// <summary>An export is XML: after a byte-order mark and white space, its first character is '&lt;'.</summary>
    private static Problem? Sniff(ReadOnlySpan<byte> start, bool complete)
    {
        var encoding = Encoding.UTF8;
        if (start.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
            start = start[3..];
        else if (start.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            encoding = Encoding.Unicode;
            start = start[2..];
        }
        else if (start.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            encoding = Encoding.BigEndianUnicode;
            start = start[2..];
        }
        var text = encoding.GetString(start).TrimStart();
        if (text.Length == 0)
            // Only white space so far: empty if that was all, else the importer judges the rest.
            return complete ? new Problem("import_upload_empty") : null;
        return text[0] == '<' ? null : new Problem("import_upload_not_xml");
    }

    private async Task<bool> DrainAsync(CancellationToken ct)
    {
        try
        {
            await request.Body.CopyToAsync(Stream.Null, ct);
            return true;
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return false;
        }
    }
}
