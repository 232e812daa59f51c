using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Bayan.Tests.Webhooks;

/// <summary>What the receiver got, and whether it verified as a receiver's code would.</summary>
public sealed record Received(string Path, string Id, long Timestamp, string Body, string Signature, bool Verified)
{
    public JsonElement Json => JsonDocument.Parse(Body).RootElement;
    public string Type => Json.GetProperty("type").GetString()!;
    public JsonElement Data => Json.GetProperty("data");
    public int? ReleaseId => Data.TryGetProperty("releaseId", out var id) ? id.GetInt32() : null;
}

/// <summary>
/// A webhook receiver on a real Kestrel at 127.0.0.1, written as a newsroom's partner would write one
/// from the Standard Webhooks specification alone: it checks `webhook-signature` against the secrets it
/// was given (any `v1,` signature made with any of them verifies), and answers what the test tells it.
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ConcurrentQueue<Received> received = new();
    private readonly ConcurrentQueue<HttpStatusCode> answers = new();
    private volatile TaskCompletionSource? hold;

    private WebhookReceiver(WebApplication app) => this.app = app;

    public Uri Address { get; private set; } = null!;
    public string Url => new Uri(Address, "/hook").ToString();

    /// <summary>The secrets the receiver knows, as Bayan showed them ("whsec_...").</summary>
    public List<string> Secrets { get; } = [];

    public IReadOnlyList<Received> All => [.. received];

    /// <summary>What it answers when nothing is queued: 200 unless set.</summary>
    public HttpStatusCode Otherwise { get; set; } = HttpStatusCode.OK;

    /// <summary>Requests that arrived and are being held (see <see cref="Hold"/>).</summary>
    public int Waiting;

    public static async Task<WebhookReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new WebhookReceiver(app);
        app.MapPost("/hook", (Delegate)receiver.TakeAsync);
        app.MapPost("/elsewhere", (Delegate)receiver.TakeAsync);
        app.MapPost("/moved", (HttpContext http) => Results.Redirect("/elsewhere"));
        await app.StartAsync();
        receiver.Address = new Uri(app.Urls.First());
        return receiver;
    }

    /// <summary>The next answers, in order; then <see cref="Otherwise"/>.</summary>
    public void AnswerNext(params HttpStatusCode[] statuses)
    {
        foreach (var status in statuses)
            answers.Enqueue(status);
    }

    /// <summary>From now on requests wait, unanswered, until <see cref="Release"/>.</summary>
    public void Hold() => hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Release() => Interlocked.Exchange(ref hold, null)?.TrySetResult();

    private async Task<IResult> TakeAsync(HttpContext http)
    {
        using var reader = new StreamReader(http.Request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync();
        var id = http.Request.Headers["webhook-id"].ToString();
        var timestamp = long.TryParse(http.Request.Headers["webhook-timestamp"], out var t) ? t : -1;
        var signature = http.Request.Headers["webhook-signature"].ToString();
        received.Enqueue(new Received(http.Request.Path, id, timestamp, body, signature, Verifies(id, timestamp, body, signature)));
        if (hold is { } waiting)
        {
            Interlocked.Increment(ref Waiting);
            await waiting.Task.WaitAsync(http.RequestAborted);
        }
        var status = answers.TryDequeue(out var next) ? next : Otherwise;
        return Results.Text("{\"received\":true}", "application/json", statusCode: (int)status);
    }

    /// <summary>The receiver's check: some "v1," signature equals the HMAC of "id.timestamp.body" under a known secret.</summary>
    public bool Verifies(string id, long timestamp, string body, string header) =>
        Secrets.ToList().Any(secret => VerifiesWith(secret, id, timestamp, body, header));

    public static bool VerifiesWith(string secret, string id, long timestamp, string body, string header)
    {
        var key = Convert.FromBase64String(secret.StartsWith("whsec_", StringComparison.Ordinal) ? secret[6..] : secret);
        var expected = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"{id}.{timestamp}.{body}"));
        foreach (var part in header.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var comma = part.IndexOf(',');
            if (comma < 0 || part[..comma] != "v1")
                continue;
            byte[] given;
            try
            {
                given = Convert.FromBase64String(part[(comma + 1)..]);
            }
            catch (FormatException)
            {
                continue;
            }
            if (CryptographicOperations.FixedTimeEquals(given, expected))
                return true;
        }
        return false;
    }

    public async ValueTask DisposeAsync()
    {
        Release();
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
