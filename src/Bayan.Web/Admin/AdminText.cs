using Bayan.Localization;
using Bayan.Operations;

namespace Bayan.Web.Admin;

/// <summary>
/// The back office's words in the language of the person using it: their chosen language once
/// signed in, else the best their browser asks for.
/// </summary>
public sealed class AdminText(IHttpContextAccessor http)
{
    private string? language;

    public string Language => language ??= Choose();

    public Language Info => Languages.Get(Language);

    public string this[string key] => Messages.Get(Language, key);

    public string Format(string key, params object[] args) => Messages.Format(Language, key, args);

    public string Of(Problem problem) => problem.In(Language);

    private string Choose()
    {
        var context = http.HttpContext;
        if (context?.User.FindFirst(BayanClaims.Language)?.Value is { } chosen)
            return chosen;
        var accepted = context?.Request.GetTypedHeaders().AcceptLanguage ?? [];
        foreach (var choice in accepted.OrderByDescending(a => a.Quality ?? 1))
        {
            var code = choice.Value.Value?.Split('-')[0].ToLowerInvariant();
            if (code is not null && Messages.Translated.Contains(code))
                return code;
        }
        return Messages.Fallback;
    }
}
