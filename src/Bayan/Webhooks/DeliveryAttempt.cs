using System.Diagnostics;
using System.Net;
using System.Text;

namespace Bayan.Webhooks;

/// <summary>What one try of a delivery came to.</summary>
public sealed record AttemptResult(int? StatusCode, int DurationMs, string? Answer, string? Error, TimeSpan? RetryAfter)
{
    public bool Succeeded => StatusCode is >= 200 and < 300;

    /// <summary>410 Gone: the receiver wants no more, and the endpoint is turned off (as the specification advises).</summary>
    public bool Gone => StatusCode == (int)HttpStatusCode.Gone;
}

/// <summary>Sends one message to one endpoint, signed, within the timeout, and reads the start of the answer.</summary>
public static class DeliveryAttempt
{
    public const string UserAgent = "Bayan-Webhooks/1";

    public static async Task<AttemptResult> SendAsync(
        HttpClient http, string url, WebhookMessage message, IReadOnlyList<string> secrets, DateTimeOffset at, TimeSpan timeout, CancellationToken stop)
    {
        var timestamp = at.ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = new StringContent(message.Payload, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("webhook-id", message.MessageId);
        request.Headers.Add("webhook-timestamp", timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.Add("webhook-signature", WebhookSignature.Sign(message.MessageId, timestamp, message.Payload, secrets));
        request.Headers.UserAgent.ParseAdd(UserAgent);

        using var limit = CancellationTokenSource.CreateLinkedTokenSource(stop);
        limit.CancelAfter(timeout);
        // Measured on the machine's own clock: this is how long the receiver took, not a time of the site.
        var watch = Stopwatch.StartNew();
        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, limit.Token);
            var answer = await StartOfAsync(response, limit.Token);
            return new AttemptResult((int)response.StatusCode, Elapsed(watch), answer, null, RetryAfter(response, at));
        }
        catch (OperationCanceledException) when (!stop.IsCancellationRequested)
        {
            return new AttemptResult(null, Elapsed(watch), null, $"webhook_error_timeout {timeout.TotalSeconds:0.#}", null);
        }
        catch (HttpRequestException e) when (Refusal(e) is { } refused)
        {
            return new AttemptResult(null, Elapsed(watch), null, $"webhook_error_refused {refused.Addresses}", null);
        }
        catch (HttpRequestException e)
        {
            return new AttemptResult(null, Elapsed(watch), null, $"webhook_error_connection {Cut(e.Message, 400)}", null);
        }
    }

    /// <summary>Why a try did not count, as a message of the catalogue: a stored error is the key and, after a space, its details.</summary>
    public static Bayan.Operations.Problem? Reason(string? error)
    {
        if (string.IsNullOrEmpty(error))
            return null;
        var space = error.IndexOf(' ');
        return space < 0 ? new(error, "") : new(error[..space], error[(space + 1)..]);
    }

    private static RefusedAddressException? Refusal(Exception e)
    {
        for (Exception? inner = e; inner is not null; inner = inner.InnerException)
        {
            if (inner is RefusedAddressException refused)
                return refused;
        }
        return null;
    }

    /// <summary>The first characters of the body; a receiver that answers at length is not read to the end.</summary>
    private static async Task<string> StartOfAsync(HttpResponseMessage response, CancellationToken ct)
    {
        await using var body = await response.Content.ReadAsStreamAsync(ct);
        var buffer = new byte[WebhookAttempt.AnswerLength * 4];
        var read = 0;
        while (read < buffer.Length && await body.ReadAsync(buffer.AsMemory(read), ct) is var n and > 0)
            read += n;
        // PostgreSQL keeps no NUL in text.
        return Cut(Encoding.UTF8.GetString(buffer, 0, read).Replace('\0', '\uFFFD'), WebhookAttempt.AnswerLength);
    }

    private static TimeSpan? RetryAfter(HttpResponseMessage response, DateTimeOffset now) =>
        response.Headers.RetryAfter switch
        {
            { Delta: { } delta } => delta,
            { Date: { } date } => date - now,
            _ => null,
        };

    private static string Cut(string text, int length) => text.Length <= length ? text : text[..length];

    private static int Elapsed(Stopwatch watch) => (int)Math.Min(int.MaxValue, watch.ElapsedMilliseconds);
}
