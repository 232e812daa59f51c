using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace Bayan.Tests.Api;

/// <summary>An answer of the JSON API as a client reads it: status, headers and the parsed JSON.</summary>
public sealed record ApiAnswer(HttpStatusCode Status, HttpResponseMessage Response, JsonElement Json, string Body)
{
    public string? ContentType => Response.Content.Headers.ContentType?.MediaType;

    public string? Cache => Response.Headers.TryGetValues("X-Cache", out var values) ? values.Single() : null;

    public string? ETag => Response.Headers.ETag?.ToString();

    /// <summary>The items of a list answer ({ items: [...] }) or of a bare array.</summary>
    public IReadOnlyList<JsonElement> Items =>
        [.. (Json.ValueKind == JsonValueKind.Array ? Json : Json.GetProperty("items")).EnumerateArray()];

    public IReadOnlyList<int> Ids => [.. Items.Select(i => i.GetProperty("id").GetInt32())];

    public string? Next => Json.ValueKind == JsonValueKind.Object && Json.TryGetProperty("next", out var next) && next.ValueKind == JsonValueKind.String ? next.GetString() : null;

    public string Text(string property) => Json.GetProperty(property).GetString()!;
}

public static class ApiCalls
{
    /// <summary>GETs <paramref name="path"/> as an API client does, in the given Accept-Language and Accept.</summary>
    public static async Task<ApiAnswer> GetApiAsync(this HttpClient http, string path, string? language = null, string? accept = null, string? ifNoneMatch = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (language is not null)
            request.Headers.AcceptLanguage.ParseAdd(language);
        if (accept is not null)
            request.Headers.Accept.ParseAdd(accept);
        if (ifNoneMatch is not null)
            request.Headers.IfNoneMatch.Add(EntityTagHeaderValue.Parse(ifNoneMatch));
        var response = await http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        var json = body.Length > 0 && body.TrimStart()[0] is '{' or '[' ? JsonDocument.Parse(body).RootElement.Clone() : default;
        return new ApiAnswer(response.StatusCode, response, json, body);
    }

    /// <summary>Every page of a list, following its cursors from <paramref name="path"/>.</summary>
    public static async Task<List<int>> AllIdsAsync(this HttpClient http, string path)
    {
        var ids = new List<int>();
        var next = path;
        for (var pages = 0; next is not null; pages++)
        {
            Assert.True(pages < 100, "The cursors never end.");
            var answer = await http.GetApiAsync(next);
            Assert.Equal(HttpStatusCode.OK, answer.Status);
            ids.AddRange(answer.Ids);
            next = answer.Next is { } cursor ? With(path, "cursor", cursor) : null;
        }
        return ids;
    }

    public static string With(string path, string name, string value) =>
        $"{path}{(path.Contains('?') ? '&' : '?')}{name}={Uri.EscapeDataString(value)}";

    /// <summary>A problem details answer: its media type, and no trace of the program inside.</summary>
    public static void AssertProblem(ApiAnswer answer, HttpStatusCode status, string? code = null)
    {
        Assert.Equal(status, answer.Status);
        Assert.Equal("application/problem+json", answer.ContentType);
        Assert.Equal((int)status, answer.Json.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(answer.Json.GetProperty("title").GetString()));
        Assert.False(string.IsNullOrWhiteSpace(answer.Json.GetProperty("detail").GetString()));
        if (code is not null)
            Assert.Equal(code, answer.Json.GetProperty("code").GetString());
        Support.Html.AssertNoStackTrace(answer.Body);
    }
}
