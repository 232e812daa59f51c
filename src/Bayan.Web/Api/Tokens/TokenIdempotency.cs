using System.Security.Cryptography;
using System.Text;
using Bayan.Operations;
using Bayan.Tokens;

namespace Bayan.Web.Api.Tokens;

/// <summary>
/// `Idempotency-Key` on a POST of the API: the first request with a key is answered and its answer
/// kept (per token, a day, <see cref="IdempotentAnswers"/>); the same request sent again gets that
/// answer back, marked `Idempotent-Replayed: true`, and nothing is done twice. The same key with
/// another method, address or body is 422; a key whose first request is still running is 409.
/// Server errors are not kept, so a retry after one does the work.
/// </summary>
internal static class TokenIdempotency
{
    public const string Header = "Idempotency-Key";
    public const string ReplayedHeader = "Idempotent-Replayed";

    public static void UseTokenIdempotency(this WebApplication app) => app.Use(async (http, next) =>
    {
        if (!HttpMethods.IsPost(http.Request.Method)
            || http.GetEndpoint()?.Metadata.GetMetadata<RequiredScope>() is null
            || http.Features.Get<TokenCaller>() is not { } caller
            || !http.Request.Headers.TryGetValue(Header, out var values))
        {
            await next(http);
            return;
        }
        var key = values.ToString();
        if (key.Length is 0 or > IdempotentAnswer.KeyLength || key.Any(c => c is < '!' or > '~'))
        {
            await ApiProblems.Of(http, StatusCodes.Status400BadRequest, new Problem("api_write_idempotency_key", IdempotentAnswer.KeyLength)).ExecuteAsync(http);
            return;
        }
        var answers = http.RequestServices.GetRequiredService<IdempotentAnswers>();
        var claim = await answers.ClaimAsync(caller.TokenId, key, await HashAsync(http.Request), http.RequestAborted);
        switch (claim)
        {
            case IdempotencyClaim.Answered answered:
                await ReplayAsync(http, answered.Answer);
                return;
            case IdempotencyClaim.OtherRequest:
                await ApiProblems.Of(http, StatusCodes.Status422UnprocessableEntity, new Problem("api_write_idempotency_other")).ExecuteAsync(http);
                return;
            case IdempotencyClaim.InProgress:
                await ApiProblems.Of(http, StatusCodes.Status409Conflict, new Problem("api_write_idempotency_busy")).ExecuteAsync(http);
                return;
        }
        var first = (IdempotencyClaim.First)claim;
        var real = http.Response.Body;
        using var buffer = new MemoryStream();
        http.Response.Body = buffer;
        try
        {
            await next(http);
        }
        catch
        {
            await answers.ForgetAsync(first.Id, CancellationToken.None);
            throw;
        }
        finally
        {
            http.Response.Body = real;
        }
        var response = http.Response;
        if (response.StatusCode >= 500)
            await answers.ForgetAsync(first.Id, CancellationToken.None);
        else
            await answers.KeepAsync(first.Id, new KeptAnswer(response.StatusCode, response.ContentType, response.Headers.Location, response.Headers.ETag, buffer.ToArray()), CancellationToken.None);
        buffer.Position = 0;
        await buffer.CopyToAsync(real, http.RequestAborted);
    });

    private static async Task ReplayAsync(HttpContext http, KeptAnswer answer)
    {
        var response = http.Response;
        response.StatusCode = answer.Status;
        if (answer.ContentType is { } type)
            response.ContentType = type;
        if (answer.Location is { } location)
            response.Headers.Location = location;
        if (answer.ETag is { } etag)
            response.Headers.ETag = etag;
        response.Headers[ReplayedHeader] = "true";
        response.ContentLength = answer.Body.Length;
        await response.Body.WriteAsync(answer.Body, http.RequestAborted);
    }

    /// <summary>
    /// The request as the key's first use must match it: method, address with query, and body. A form
    /// (an upload) is compared by its fields and files, not its bytes: a client sending it again draws
    /// a new multipart boundary. The form read here stays with the request for the endpoint.
    /// </summary>
    private static async Task<string> HashAsync(HttpRequest request)
    {
        var ct = request.HttpContext.RequestAborted;
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        void Add(string text) => hash.AppendData(Encoding.UTF8.GetBytes(text + "\n"));
        Add($"{request.Method} {request.Path}{request.QueryString}");
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(ct);
            foreach (var field in form.OrderBy(f => f.Key, StringComparer.Ordinal))
                Add($"{field.Key}={field.Value}");
            foreach (var file in form.Files.OrderBy(f => f.Name, StringComparer.Ordinal))
            {
                Add($"{file.Name}:{file.FileName}:{file.Length}");
                await using var content = file.OpenReadStream();
                await AddStreamAsync(hash, content, ct);
            }
        }
        else
        {
            Add(request.ContentType ?? "");
            request.EnableBuffering();
            await AddStreamAsync(hash, request.Body, ct);
            request.Body.Position = 0;
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private static async Task AddStreamAsync(IncrementalHash hash, Stream stream, CancellationToken ct)
    {
        var chunk = new byte[81_920];
        int read;
        while ((read = await stream.ReadAsync(chunk, ct)) > 0)
            hash.AppendData(chunk, 0, read);
    }
}
