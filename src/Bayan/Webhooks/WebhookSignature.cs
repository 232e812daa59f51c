using System.Security.Cryptography;
using System.Text;

namespace Bayan.Webhooks;

/// <summary>
/// The `webhook-signature` header of the Standard Webhooks specification: "v1," and the base64 of
/// HMAC-SHA256 over "{webhook-id}.{webhook-timestamp}.{body}", one per secret, separated by spaces, so
/// that during a rotation a receiver holding either secret can verify.
/// </summary>
public static class WebhookSignature
{
    public static string Sign(string messageId, long timestamp, string body, IEnumerable<string> secrets) =>
        string.Join(' ', secrets.Select(secret => Sign(messageId, timestamp, body, secret)));

    public static string Sign(string messageId, long timestamp, string body, string secret)
    {
        var signed = Encoding.UTF8.GetBytes($"{messageId}.{timestamp}.{body}");
        return "v1," + Convert.ToBase64String(HMACSHA256.HashData(WebhookSecret.KeyOf(secret), signed));
    }

    /// <summary>
    /// The secrets that sign at <paramref name="now"/>, as stored (encrypted: <see cref="WebhookSecretVault"/> opens
    /// them): the current one, and the former one during its overlap.
    /// </summary>
    public static IReadOnlyList<string> SecretsOf(WebhookEndpoint endpoint, DateTime now) =>
        endpoint.PreviousSecret is { } previous && endpoint.PreviousSecretUntil > now ? [endpoint.Secret, previous] : [endpoint.Secret];
}
