using Bayan.Operations;
using System.Net.Mail;
using System.Text.RegularExpressions;
using Bayan.Data;

namespace Bayan.Offices;

/// <summary>
/// What an office's signature block shows, as the office form sends it: a full name and an address
/// per language, and a website, telephone, e-mail and social addresses (one a line) for all languages.
/// Empty values are lines the block leaves out.
/// </summary>
public sealed partial record OfficeContact(
    IReadOnlyDictionary<string, string>? FullNames,
    IReadOnlyDictionary<string, string>? Addresses,
    string? Website,
    string? Telephone,
    string? Email,
    string? SocialLinks)
{
    private const int MaxSocialLinks = 10;

    /// <summary>Checks every value into <paramref name="errors"/>; <paramref name="named"/> are the languages the office has a name in.</summary>
    public void Check(IReadOnlyCollection<string> named, Dictionary<string, Problem> errors)
    {
        foreach (var (language, text) in Texts(FullNames).Concat(Texts(Addresses)))
        {
            if (!named.Contains(language))
                errors["signature"] = new Problem("office_signature_needs_name");
            else if (text.Contains('<'))
                errors["signature"] = new Problem("office_signature_invalid");
        }
        if (Texts(FullNames).Any(t => t.Value.Length > Limits.Title) || Texts(Addresses).Any(t => t.Value.Length > Limits.Address))
            errors["signature"] = new Problem("office_signature_invalid");
        if (Trimmed(Website) is { } site && !IsWebAddress(site))
            errors["website"] = new Problem("office_website_invalid");
        if (Trimmed(Telephone) is { } phone && (phone.Length > Limits.Telephone || !TelephonePattern().IsMatch(phone) || phone.Count(char.IsAsciiDigit) < 3))
            errors["telephone"] = new Problem("office_telephone_invalid");
        if (Trimmed(Email) is { } email && (email.Length > Limits.Email || !MailAddress.TryCreate(email, out var parsed) || parsed.Address != email || parsed.DisplayName.Length > 0))
            errors["email"] = new Problem("office_email_invalid");
        var social = OfficeSignature.SocialLinks(SocialLinks);
        if (social.Count > MaxSocialLinks || (SocialLinks?.Length ?? 0) > Limits.Summary || social.Any(l => !IsWebAddress(l)))
            errors["social_links"] = new Problem("office_social_invalid", MaxSocialLinks);
    }

    /// <summary>Writes the values onto the office and its names (which must exist for every language given).</summary>
    public void ApplyTo(Office office)
    {
        var fullNames = Texts(FullNames);
        var addresses = Texts(Addresses);
        foreach (var name in office.Names)
        {
            name.FullName = fullNames.GetValueOrDefault(name.Language);
            name.Address = addresses.GetValueOrDefault(name.Language);
        }
        office.Website = Trimmed(Website);
        office.Telephone = Trimmed(Telephone);
        office.Email = Trimmed(Email);
        var social = OfficeSignature.SocialLinks(SocialLinks);
        office.SocialLinks = social.Count == 0 ? null : string.Join('\n', social);
    }

    public static OfficeContact Of(Office office) => new(
        office.Names.Where(n => n.FullName is not null).ToDictionary(n => n.Language, n => n.FullName!),
        office.Names.Where(n => n.Address is not null).ToDictionary(n => n.Language, n => n.Address!),
        office.Website, office.Telephone, office.Email, office.SocialLinks);

    /// <summary>Line breaks as "\n", each line trimmed: a browser sends "\r\n".</summary>
    private static Dictionary<string, string> Texts(IReadOnlyDictionary<string, string>? texts) =>
        (texts ?? new Dictionary<string, string>())
            .Select(t => (t.Key, Value: string.Join('\n', (t.Value ?? "").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0))))
            .Where(t => t.Value.Length > 0)
            .ToDictionary(t => t.Key, t => t.Value);

    private static string? Trimmed(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static bool IsWebAddress(string value) =>
        value.Length <= Limits.Url && Uri.TryCreate(value, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp) && uri.Host.Length > 0;

    [GeneratedRegex(@"^\+?[0-9][0-9 ()./-]*$")]
    private static partial Regex TelephonePattern();
}
