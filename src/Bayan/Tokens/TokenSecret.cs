using System.Security.Cryptography;
using System.Text;

namespace Bayan.Tokens;

/// <summary>
/// The secret of a token: "bayan_" and 32 random bytes in base64url, e.g. "bayan_k3F9q…" (49
/// characters). The prefix lets secret scanners and people recognise a Bayan token in a log or a repository.
/// </summary>
public static class TokenSecret
{
    public const string Prefix = "bayan_";
    private const int RandomBytes = 32;
    public static readonly int Length = Prefix.Length + 43;

    public static string New() =>
        Prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(RandomBytes)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static bool LooksLikeToken(string? presented) =>
        presented is not null && presented.Length == Length && presented.StartsWith(Prefix, StringComparison.Ordinal)
        && presented.AsSpan(Prefix.Length).IndexOfAnyExcept(Base64UrlAlphabet) < 0;

    /// <summary>
    /// A fast hash is right here, unlike for passwords: the secret is 256 random bits, so nobody can
    /// guess it from its hash however fast they hash, while a slow password hash (PBKDF2, Argon2)
    /// would cost every API request tens of milliseconds of CPU for no gain. Tokens are found by
    /// this hash through the database's index; what a timing difference there could tell is a hash
    /// prefix, which says nothing about a secret.
    /// </summary>
    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    /// <summary>What a list shows of a token: its first five random characters after the prefix.</summary>
    public static string Hint(string token) => token[..(Prefix.Length + 5)];

    private static readonly System.Buffers.SearchValues<char> Base64UrlAlphabet =
        System.Buffers.SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_");
}
