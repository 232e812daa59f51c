using System.Text;
using System.Web;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Primitives;

namespace Bayan.Web.PublicSite;

/// <summary>
/// A comment form's fields, read by hand rather than bound: a sending the framework would refuse whole
/// (a body past its limits) still gives the reader's words back, cut to where reading stopped.
/// </summary>
internal sealed class CommentSending
{
    /// <summary>5,000 Arabic letters take 30 KB once percent-encoded; the other fields and the token fit in the rest.</summary>
    public const int MaxBytes = 64 * 1024;

    private readonly IFormCollection fields;

    private CommentSending(IFormCollection fields, bool cut)
    {
        this.fields = fields;
        Cut = cut;
    }

    /// <summary>The sending was larger than <see cref="MaxBytes"/>: only its start was read.</summary>
    public bool Cut { get; }

    public string? this[string name] => fields.TryGetValue(name, out var value) ? value.ToString() : null;

    /// <summary>Reads the form and hands it to the request, so that the antiforgery check reads the same fields.</summary>
    public static async Task<CommentSending> ReadAsync(HttpRequest request, CancellationToken ct)
    {
        var sending = await ReadFieldsAsync(request, ct);
        request.HttpContext.Features.Set<IFormFeature>(new FormFeature(sending.fields));
        return sending;
    }

    private static async Task<CommentSending> ReadFieldsAsync(HttpRequest request, CancellationToken ct)
    {
        if (!request.HasFormContentType)
            return new(FormCollection.Empty, cut: false);
        if (!request.ContentType!.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase))
        {
            // A hand-made multipart sending: read as the framework would, its limits too.
            try
            {
                return new(await request.ReadFormAsync(ct), cut: false);
            }
            catch (Exception e) when (e is InvalidDataException or BadHttpRequestException)
            {
                return new(FormCollection.Empty, cut: true);
            }
        }

        var buffer = new byte[MaxBytes + 1];
        var length = 0;
        int read;
        while (length < buffer.Length && (read = await request.Body.ReadAsync(buffer.AsMemory(length), ct)) > 0)
            length += read;
        var cut = length > MaxBytes;
        if (cut)
        {
            length = MaxBytes;
            await DrainAsync(request, ct);
        }
        // Form fields are ASCII once percent-encoded.
        var raw = Encoding.ASCII.GetString(buffer, 0, length);
        if (cut)
            raw = WithoutBrokenEscape(raw);
        var parsed = new Dictionary<string, StringValues>(StringComparer.OrdinalIgnoreCase);
        foreach (var pair in raw.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=');
            var name = Decode(equals < 0 ? pair : pair[..equals]);
            var value = equals < 0 ? "" : Decode(pair[(equals + 1)..]);
            parsed[name] = StringValues.Concat(parsed.GetValueOrDefault(name), value);
        }
        if (cut && parsed.Count > 0)
        {
            // The last field stops mid-letter perhaps: a broken letter is no part of what the reader wrote.
            var last = parsed.Keys.Last();
            parsed[last] = parsed[last].ToString().TrimEnd('\uFFFD');
        }
        return new(new FormCollection(parsed), cut);
    }

    private static string Decode(string text) => HttpUtility.UrlDecode(text, Encoding.UTF8);

    /// <summary>"%D" or "%" at the very end is half an escape.</summary>
    private static string WithoutBrokenEscape(string raw)
    {
        var percent = raw.LastIndexOf('%');
        return percent >= 0 && percent > raw.Length - 3 ? raw[..percent] : raw;
    }

    /// <summary>The rest is read and dropped, so that the reader's browser, still sending, receives the answer.</summary>
    private static async Task DrainAsync(HttpRequest request, CancellationToken ct)
    {
        try
        {
            await request.Body.CopyToAsync(Stream.Null, ct);
        }
        catch (BadHttpRequestException)
        {
            // Past the server's own limit: the connection closes after the answer.
        }
    }
}
