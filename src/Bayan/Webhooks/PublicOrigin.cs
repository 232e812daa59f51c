using Bayan.Data;

namespace Bayan.Webhooks;

/// <summary>
/// The site's public origin ("https://news.example.org"), for the absolute links of what is made
/// without a request to take it from: the payloads of webhooks, written by the scheduler as well as
/// by editors. From the setting Bayan:PublicUrl; until one is given, the first address the server
/// listens on, which is right only for a site served without a proxy in front.
/// </summary>
public sealed class PublicOrigin
{
    public const string Setting = "Bayan:PublicUrl";

    private string? listening;

    public PublicOrigin(string? configured)
    {
        if (string.IsNullOrWhiteSpace(configured))
            return;
        if (!Uri.TryCreate(configured.Trim(), UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")
            || uri.AbsolutePath != "/" || uri.Query.Length > 0 || uri.UserInfo.Length > 0)
            throw new StartupException(
                $"{Setting} (--{Setting}) is '{configured}': give the address readers use, such as https://news.example.org, without a path.");
        Configured = uri.GetLeftPart(UriPartial.Authority);
    }

    public string? Configured { get; }

    public string Value => Configured ?? listening ?? "http://localhost:5080";

    /// <summary>Told by the server once it listens; a wildcard host ("http://+:80", "0.0.0.0") is written as localhost.</summary>
    public void Listening(string address)
    {
        if (listening is not null || !Uri.TryCreate(address.Replace("://+", "://localhost").Replace("://*", "://localhost"), UriKind.Absolute, out var uri))
            return;
        var host = uri.Host is "0.0.0.0" or "[::]" or "::" ? "localhost" : uri.Host;
        listening = new UriBuilder(uri.Scheme, host, uri.Port).Uri.GetLeftPart(UriPartial.Authority);
    }
}
