namespace Bayan.Webhooks;

/// <summary>
/// What the absolute links of a webhook's payload begin with ("https://news.example.org"): payloads are
/// written without a request to take it from, by the scheduler as well as by editors. The configured
/// public address (Bayan:PublicUrl, checked at start); until one is given, the first address the server
/// listens on, which is right only for a site served without a proxy in front.
/// </summary>
public sealed class WebhookOrigin(string? configured)
{
    private string? listening;

    public string Value => configured ?? listening ?? "http://localhost:5080";

    /// <summary>Told by the server once it listens; a wildcard host ("http://+:80", "0.0.0.0") is written as localhost.</summary>
    public void Listening(string address)
    {
        if (listening is not null || !Uri.TryCreate(address.Replace("://+", "://localhost").Replace("://*", "://localhost"), UriKind.Absolute, out var uri))
            return;
        var host = uri.Host is "0.0.0.0" or "[::]" or "::" ? "localhost" : uri.Host;
        listening = new UriBuilder(uri.Scheme, host, uri.Port).Uri.GetLeftPart(UriPartial.Authority);
    }
}
