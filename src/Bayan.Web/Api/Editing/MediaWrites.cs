using Bayan.Media;
using Bayan.Operations;
using Bayan.Tokens;
using Bayan.Web.Api.Tokens;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Bayan.Web.Api.Editing;

public sealed record RenditionDto(string Url, int Width);

public sealed record MediaTextDto(string Language, string AltText, string Caption);

public sealed record MediaDto(
    Guid Id, string Kind, string FileName, string ContentType, long Bytes, int? Width, int? Height, string Url,
    IReadOnlyList<RenditionDto> Renditions, DateTimeOffset CreatedAt, IReadOnlyList<MediaTextDto> Texts);

public sealed record MediaTextBody(string? AltText, string? Caption);

/// <summary>The media library through the API: uploads (multipart, field "file") and each language's alternative text and caption.</summary>
internal static class MediaWrites
{
    public static void MapMediaWrites(this RouteGroupBuilder api)
    {
        var media = api.MapGroup("/media").WithTags("Media");
        api.MapPost("/media", UploadAsync).WithTags("Media").RequireScope(TokenScope.Write).DisableAntiforgery()
            .WithSummary("Upload an image (JPEG, PNG, GIF, WebP) or a PDF as multipart/form-data, field \"file\"; images get resized renditions.");
        media.MapGet("/{id:guid}", GetAsync).RequireScope(TokenScope.Read)
            .WithSummary("One item of the media library.");
        media.MapPut("/{id:guid}/texts/{language}", DescribeAsync).RequireScope(TokenScope.Write)
            .WithSummary("Set the item's alternative text and caption in a language; both empty removes them.");
    }

    private static async Task<Results<Created<MediaDto>, ProblemHttpResult>> UploadAsync(
        HttpContext http, UploadMedia upload, MediaQueries queries, CancellationToken ct)
    {
        if (!http.Request.HasFormContentType)
            return ApiProblems.Of(http, StatusCodes.Status415UnsupportedMediaType, new Problem("api_write_media_type", "multipart/form-data"));
        var form = await http.Request.ReadFormAsync(ct);
        if (form.Files is not [var file])
            return WriteResults.Refusal(http, new Outcome.Invalid(new Dictionary<string, Problem> { ["file"] = new("api_write_file_required") }));
        var actor = http.Caller().Actor;
        await using var content = file.OpenReadStream();
        var outcome = await upload.RunAsync(actor, file.FileName, content, file.Length, ct);
        if (outcome.Forbidden)
            return WriteResults.Refusal(http, new Outcome.Forbidden());
        if (outcome.Item is not { } item)
            return WriteResults.Refusal(http, new Outcome.Invalid(new Dictionary<string, Problem> { ["file"] = new("api_write_upload_refused", outcome.Problem ?? "") }));
        var stored = await queries.ItemAsync(actor, item.Id, ct) ?? item;
        return TypedResults.Created($"/api/v1/media/{item.Id}", stored.ToDto());
    }

    private static async Task<Results<Ok<MediaDto>, ProblemHttpResult>> GetAsync(Guid id, HttpContext http, MediaQueries queries, CancellationToken ct) =>
        await queries.ItemAsync(http.Caller().Actor, id, ct) is { } item ? TypedResults.Ok(item.ToDto()) : WriteResults.NotFound(http);

    private static async Task<Results<Ok<MediaDto>, ProblemHttpResult>> DescribeAsync(
        Guid id, string language, [FromBody] MediaTextBody body, HttpContext http, DescribeMedia describe, MediaQueries queries, CancellationToken ct)
    {
        var actor = http.Caller().Actor;
        var outcome = await describe.RunAsync(actor, id, language, body.AltText, body.Caption, ct);
        if (outcome is not Outcome.Done)
            return WriteResults.Refusal(http, outcome);
        return await queries.ItemAsync(actor, id, ct) is { } item ? TypedResults.Ok(item.ToDto()) : WriteResults.NotFound(http);
    }

    private static MediaDto ToDto(this MediaItem item) => new(
        item.Id, item.Kind.ToLowerInvariant(), item.FileName, item.ContentType, item.Bytes, item.Width, item.Height, item.Url,
        [.. item.Renditions.Split(", ", StringSplitOptions.RemoveEmptyEntries).Select(r => r.Split(' '))
            .Where(p => p.Length == 2 && int.TryParse(p[1].TrimEnd('w'), out _))
            .Select(p => new RenditionDto(p[0], int.Parse(p[1].TrimEnd('w'), System.Globalization.CultureInfo.InvariantCulture)))],
        ReleaseEditorMapping.Utc(item.CreatedAt),
        [.. item.Texts.OrderBy(t => t.Language, StringComparer.Ordinal).Select(t => new MediaTextDto(t.Language, t.AltText, t.Caption))]);
}
