using System.Security.Cryptography;

namespace Bayan.Webhooks;

/// <summary>
/// Signing secrets as the Standard Webhooks specification writes them: "whsec_" and the base64 of
/// random bytes (at least 24, at most 64). The HMAC key is the decoded bytes, never the text.
/// </summary>
public static class WebhookSecret
{
    public const string Prefix = "whsec_";
    private const int Bytes = 32;

    public static string New() => Prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(Bytes));

    /// <summary>The key's bytes; the prefix is optional, as receivers' libraries accept either.</summary>
    public static byte[] KeyOf(string secret) =>
        Convert.FromBase64String(secret.StartsWith(Prefix, StringComparison.Ordinal) ? secret[Prefix.Length..] : secret);
}
