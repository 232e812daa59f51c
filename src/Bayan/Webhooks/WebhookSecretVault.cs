using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace Bayan.Webhooks;

/// <summary>
/// How endpoint secrets are kept in the database: encrypted with ASP.NET Core Data Protection (the
/// keys in the data folder, or in Redis among several nodes, so every node can sign), never as the
/// administrator was shown them. A stored value that begins with "whsec_" is one kept in plain text by
/// an earlier Bayan: it still signs, and <see cref="ProtectPlainSecrets"/> encrypts it at the next start.
/// (A protected value never begins so: Data Protection's output starts with its own magic header, "CfDJ8".)
/// </summary>
public sealed class WebhookSecretVault(IDataProtectionProvider protection)
{
    public const string Purpose = "Bayan.Webhooks.Secret";

    private readonly IDataProtector protector = protection.CreateProtector(Purpose);

    /// <summary>Whether a stored value is a secret from before secrets were encrypted.</summary>
    public static bool IsPlain(string stored) => stored.StartsWith(WebhookSecret.Prefix, StringComparison.Ordinal);

    public string Protect(string secret) => protector.Protect(secret);

    /// <summary>The secret as the receiver knows it ("whsec_..."); an exception when these keys cannot read it.</summary>
    public string Open(string stored) => IsPlain(stored) ? stored : protector.Unprotect(stored);

    /// <summary>The secrets that sign, readable; null when one cannot be read with this server's keys (lost or not shared).</summary>
    public IReadOnlyList<string>? TryOpen(IReadOnlyList<string> stored)
    {
        try
        {
            return [.. stored.Select(Open)];
        }
        catch (CryptographicException)
        {
            return null;
        }
    }
}
