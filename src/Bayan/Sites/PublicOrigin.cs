namespace Bayan.Sites;

/// <summary>
/// The beginning of every absolute link of the public site, "https://news.example.org": from the
/// configured public address (Bayan:PublicUrl), so that pages made without a request (a static copy)
/// and pages reached through a proxy link where readers go.
/// </summary>
public static class PublicOrigin
{
    /// <summary>The origin of a configured public address; null when none is set or it cannot serve (then <paramref name="problem"/> says why).</summary>
    public static string? Parse(string? address, out string? problem)
    {
        problem = null;
        if (string.IsNullOrWhiteSpace(address))
            return null;
        if (!Uri.TryCreate(address.Trim(), UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            problem = "give an absolute http or https address, e.g. https://news.example.org.";
        else if (uri.Query.Length > 0 || uri.Fragment.Length > 0)
            problem = "an address without a query or a fragment (nothing after ? or #), e.g. https://news.example.org.";
        else if (uri.UserInfo.Length > 0)
            problem = "an address without a user name or password, e.g. https://news.example.org.";
        // Every link of the site starts at the root ("/en/..."): a site under a path would link out of it.
        else if (uri.AbsolutePath != "/")
            problem = "the site's addresses start at the root: give the address without a path, e.g. https://news.example.org.";
        return problem is null ? uri!.GetLeftPart(UriPartial.Authority) : null;
    }
}
