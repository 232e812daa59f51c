using Bayan.Localization;

namespace Bayan.Offices;

/// <summary>
/// The block that ends every release of an office, as press releases end: the office's full name,
/// address, website, telephone, e-mail and social accounts, in one language. Each line is there only
/// when the office set it. A name or address not written in the page's language is shown in the
/// office's own language, marked with that language so it reads in its own direction.
/// </summary>
public sealed record OfficeSignature(
    SignatureText Name,
    SignatureText? Address,
    SignatureLink? Website,
    SignatureLink? Telephone,
    SignatureLink? Email,
    IReadOnlyList<SignatureLink> Social)
{
    public static OfficeSignature For(Office office, string language)
    {
        var own = office.Names.FirstOrDefault(n => n.Language == language);
        var fallback = office.Names.FirstOrDefault(n => n.Language == office.DefaultLanguage) ?? office.Names.FirstOrDefault();
        var name = Text(own?.FullName, language) ?? Text(own?.Name, language)
            ?? Text(fallback?.FullName ?? fallback?.Name, fallback?.Language ?? language) ?? new SignatureText(office.Code, "", "ltr");
        var address = Text(own?.Address, language) ?? Text(fallback?.Address, fallback?.Language ?? language);
        return new OfficeSignature(
            name,
            address,
            office.Website is { Length: > 0 } site ? new SignatureLink(Shortened(site), site) : null,
            office.Telephone is { Length: > 0 } phone ? new SignatureLink(phone, "tel:" + string.Concat(phone.Where(c => char.IsAsciiDigit(c) || c == '+'))) : null,
            office.Email is { Length: > 0 } email ? new SignatureLink(email, "mailto:" + email) : null,
            [.. SocialLinks(office.SocialLinks).Select(url => new SignatureLink(NetworkName(url), url))]);
    }

    /// <summary>The office's social addresses, one a line, blanks dropped.</summary>
    public static IReadOnlyList<string> SocialLinks(string? text) =>
        [.. (text ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    private static SignatureText? Text(string? text, string language) =>
        string.IsNullOrWhiteSpace(text) ? null : new SignatureText(text.Trim(), language, Languages.Find(language)?.Direction ?? "auto");

    /// <summary>"https://www.health.example.org/" reads "health.example.org": a reader copies what is printed.</summary>
    private static string Shortened(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri)
            ? (StripWww(uri.Host) + uri.PathAndQuery).TrimEnd('/')
            : url;

    private static string StripWww(string host) => host.StartsWith("www.", StringComparison.OrdinalIgnoreCase) ? host[4..] : host;

    /// <summary>A social account named by its network, as readers know them; an unknown one by its host.</summary>
    private static string NetworkName(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri))
            return url;
        var host = StripWww(uri.Host).ToLowerInvariant();
        return host switch
        {
            "x.com" or "twitter.com" => "X",
            "facebook.com" or "fb.com" => "Facebook",
            "instagram.com" => "Instagram",
            "youtube.com" or "youtu.be" => "YouTube",
            "linkedin.com" => "LinkedIn",
            "t.me" or "telegram.me" => "Telegram",
            "tiktok.com" => "TikTok",
            "threads.net" or "threads.com" => "Threads",
            "whatsapp.com" or "wa.me" => "WhatsApp",
            "snapchat.com" => "Snapchat",
            _ => host,
        };
    }
}

/// <summary>A signature's text with the language it is written in (lines split at line breaks).</summary>
public sealed record SignatureText(string Text, string Language, string Direction)
{
    public IReadOnlyList<string> Lines => [.. Text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
}

public sealed record SignatureLink(string Text, string Url);
