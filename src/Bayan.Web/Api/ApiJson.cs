using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Bayan.Web.Api;

/// <summary>How the API writes JSON: camelCase names, enums as camelCase words, dates as ISO 8601 with their offset.</summary>
internal static class ApiJson
{
    public static void Configure(JsonSerializerOptions json)
    {
        json.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        json.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        // Arabic, Cyrillic, "+03:00" and bodies' "<p>" as they are, not as \u escapes: half the size, and
        // readable with curl. Those escapes guard JSON pasted into an HTML page; these answers are only ever
        // application/json, sent with X-Content-Type-Options: nosniff.
        json.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
    }
}
