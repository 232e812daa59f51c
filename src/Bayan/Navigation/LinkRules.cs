using Bayan.Data;
using Bayan.Operations;

namespace Bayan.Navigation;

/// <summary>What a menu item or a sidebar link may point to: a path of this site, or an http(s) address.</summary>
public static class LinkRules
{
    public static void Check(string? label, string? url, Dictionary<string, Problem> errors)
    {
        var text = label?.Trim() ?? "";
        if (text.Length is 0 or > Limits.Title || text.Contains('<'))
            errors["label"] = new Problem("manage_label_invalid", Limits.Title);
        var address = url?.Trim() ?? "";
        // Browsers read a backslash as "/": "/\host/x", like "//host/x", leads to another site.
        var local = address.StartsWith('/') && !address.StartsWith("//", StringComparison.Ordinal) && !address.Contains('\\');
        var remote = Uri.TryCreate(address, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);
        if (address.Length > Limits.Url || !(local || remote) || address.Any(char.IsWhiteSpace))
            errors["url"] = new Problem("manage_url_invalid");
    }
}
