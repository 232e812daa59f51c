using System.Buffers;
using System.Reflection;
using System.Text.Json;
using Bayan.Localization;
using Bayan.Releases;
using Bayan.Sites;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.Options;

namespace Bayan.Web.Api.Content;

/// <summary>
/// A page of /api/v1/releases: a <see cref="ReleaseList"/> written straight from the rows read, as UTF-8
/// JSON, without making the records first. The bytes are those the serializer writes for the records
/// (ReleaseListJsonTests compares them): the same names in the same order, the same writer settings.
/// The list is the API's most asked answer that no copy can serve (each filter, each cursor is another),
/// and making records of every row and walking them again cost more than the query.
/// </summary>
internal sealed class ReleaseListAnswer(IReadOnlyList<CardRow> rows, SiteSnapshot site, string origin, string? next, string? nextUrl)
    : IResult, IEndpointMetadataProvider
{
    // The records' names as camelCase writes them (ContentDtos.cs: ReleaseList, ReleaseItem, OfficeRef, ApiDate).
    private static readonly JsonEncodedText Items = JsonEncodedText.Encode("items");
    private static readonly JsonEncodedText Next = JsonEncodedText.Encode("next");
    private static readonly JsonEncodedText NextUrl = JsonEncodedText.Encode("nextUrl");
    private static readonly JsonEncodedText Id = JsonEncodedText.Encode("id");
    private static readonly JsonEncodedText Language = JsonEncodedText.Encode("language");
    private static readonly JsonEncodedText Direction = JsonEncodedText.Encode("direction");
    private static readonly JsonEncodedText IsTranslation = JsonEncodedText.Encode("isTranslation");
    private static readonly JsonEncodedText Title = JsonEncodedText.Encode("title");
    private static readonly JsonEncodedText Summary = JsonEncodedText.Encode("summary");
    private static readonly JsonEncodedText ReferenceNumber = JsonEncodedText.Encode("referenceNumber");
    private static readonly JsonEncodedText Type = JsonEncodedText.Encode("type");
    private static readonly JsonEncodedText TypeLabel = JsonEncodedText.Encode("typeLabel");
    private static readonly JsonEncodedText Office = JsonEncodedText.Encode("office");
    private static readonly JsonEncodedText Code = JsonEncodedText.Encode("code");
    private static readonly JsonEncodedText Name = JsonEncodedText.Encode("name");
    private static readonly JsonEncodedText Published = JsonEncodedText.Encode("published");
    private static readonly JsonEncodedText At = JsonEncodedText.Encode("at");
    private static readonly JsonEncodedText Text = JsonEncodedText.Encode("text");
    private static readonly JsonEncodedText Url = JsonEncodedText.Encode("url");
    private static readonly JsonEncodedText ApiUrl = JsonEncodedText.Encode("apiUrl");

    /// <summary>For the OpenAPI document: a 200 with a <see cref="ReleaseList"/>, as <c>Ok&lt;ReleaseList&gt;</c> says it.</summary>
    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) =>
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(ReleaseList), ["application/json"]));

    public async Task ExecuteAsync(HttpContext http)
    {
        var response = http.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/json; charset=utf-8";
        var json = http.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        using (var writer = new Utf8JsonWriter(response.BodyWriter, new JsonWriterOptions
        {
            Encoder = json.Encoder,
            Indented = json.WriteIndented,
            SkipValidation = true,
        }))
        {
            Write(writer);
        }
        await response.BodyWriter.FlushAsync(http.RequestAborted);
    }

    private void Write(Utf8JsonWriter json)
    {
        json.WriteStartObject();
        json.WriteStartArray(Items);
        var buffer = ArrayPool<char>.Shared.Rent(1024);
        try
        {
            foreach (var row in rows)
                WriteItem(json, row, ref buffer);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
        json.WriteEndArray();
        json.WriteString(Next, next);
        json.WriteString(NextUrl, nextUrl);
        json.WriteEndObject();
    }

    /// <summary>As <see cref="ReleaseMapping.Item"/> maps a row.</summary>
    private void WriteItem(Utf8JsonWriter json, CardRow row, ref char[] buffer)
    {
        var office = site.OfficeWithId(row.OfficeId);
        var lang = row.Language;
        json.WriteStartObject();
        json.WriteNumber(Id, row.ReleaseId);
        json.WriteString(Language, lang);
        json.WriteString(Direction, ReleaseMapping.DirectionOf(lang));
        json.WriteBoolean(IsTranslation, !row.IsOriginal);
        json.WriteString(Title, row.Title);
        json.WriteString(Summary, row.Summary);
        json.WriteString(ReferenceNumber, row.ReferenceNumber);
        json.WriteString(Type, ReleaseMapping.KindName(row.Type));
        json.WriteString(TypeLabel, ReleaseCard.TypeLabel(row.Type, lang));

        json.WriteStartObject(Office);
        json.WriteNumber(Id, office.Id);
        json.WriteString(Code, office.Code);
        json.WriteString(Name, office.NameIn(lang));
        json.WriteEndObject();

        var (at, text) = site.Dates.ListingOfSnapshotOffice(row.Date, office, lang);
        json.WriteStartObject(Published);
        json.WriteString(At, at);
        json.WriteString(Text, text);
        json.WriteEndObject();

        json.WriteString(Url, ReleaseUrl(ref buffer, lang, office.Code, row.ReleaseId, row.Slug));
        json.WriteString(ApiUrl, ApiReleaseUrl(buffer, row.ReleaseId));
        json.WriteEndObject();
    }

    /// <summary>origin + SiteUrls.Release(...), written into <paramref name="buffer"/> rather than into new strings.</summary>
    private ReadOnlySpan<char> ReleaseUrl(ref char[] buffer, string lang, string officeCode, int id, string slug)
    {
        while (true)
        {
            var url = new UrlWriter(buffer);
            if (url.Add(origin) && url.Add("/") && url.Add(lang) && url.Add("/") && url.AddEscaped(officeCode) && url.Add("/")
                && url.Add(id) && url.Add("/") && url.AddEscaped(slug))
                return buffer.AsSpan(0, url.Length);
            // A slug longer than any seen so far: a larger buffer, and again.
            var larger = ArrayPool<char>.Shared.Rent(buffer.Length * 2);
            ArrayPool<char>.Shared.Return(buffer);
            buffer = larger;
        }
    }

    /// <summary>origin + ReleaseMapping.ApiPath(id).</summary>
    private ReadOnlySpan<char> ApiReleaseUrl(char[] buffer, int id)
    {
        var url = new UrlWriter(buffer);
        return url.Add(origin) && url.Add(ApiSetup.V1) && url.Add("/releases/") && url.Add(id)
            ? buffer.AsSpan(0, url.Length)
            : (origin + ReleaseMapping.ApiPath(id)).AsSpan();
    }

    /// <summary>Appends to a buffer, saying false when it is full.</summary>
    private ref struct UrlWriter(Span<char> buffer)
    {
        private readonly Span<char> buffer = buffer;

        public int Length { get; private set; }

        public bool Add(ReadOnlySpan<char> text)
        {
            if (!text.TryCopyTo(buffer[Length..]))
                return false;
            Length += text.Length;
            return true;
        }

        public bool Add(int number)
        {
            if (!number.TryFormat(buffer[Length..], out var written, provider: System.Globalization.CultureInfo.InvariantCulture))
                return false;
            Length += written;
            return true;
        }

        /// <summary>As <see cref="Uri.EscapeDataString(string)"/> (SiteUrls escapes each segment so).</summary>
        public bool AddEscaped(string segment)
        {
            if (!Uri.TryEscapeDataString(segment, buffer[Length..], out var written))
                return false;
            Length += written;
            return true;
        }
    }
}
