using System.Text;
using Bayan.Operations;

namespace Bayan.Web.Api.Editing;

/// <summary>
/// The library names the fields of its forms as the back office posts them ("default_language",
/// "name_en"); the API's JSON bodies call them "defaultLanguage" and "names.en". A client reads its
/// field errors under the names it sent.
/// </summary>
internal static class BodyFields
{
    /// <summary>An <see cref="Outcome.Invalid"/> with its fields renamed: by <paramref name="named"/> where it knows one, else in camelCase.</summary>
    public static Outcome Renamed(Outcome outcome, Func<string, string?>? named = null) =>
        outcome is Outcome.Invalid invalid
            ? new Outcome.Invalid(invalid.Errors
                .GroupBy(e => named?.Invoke(e.Key) ?? Camel(e.Key))
                .ToDictionary(g => g.Key, g => g.First().Value))
            : outcome;

    /// <summary>"name_en" as "names.en" when the form's field for a language ends in its code: <paramref name="prefix"/> "name_", <paramref name="into"/> "names".</summary>
    public static string? PerLanguage(string field, string prefix, string into) =>
        field.StartsWith(prefix, StringComparison.Ordinal) ? $"{into}.{field[prefix.Length..]}" : null;

    /// <summary>"default_language" as "defaultLanguage".</summary>
    public static string Camel(string field)
    {
        var camel = new StringBuilder(field.Length);
        var upper = false;
        foreach (var c in field)
        {
            if (c == '_')
            {
                upper = camel.Length > 0;
                continue;
            }
            camel.Append(upper ? char.ToUpperInvariant(c) : c);
            upper = false;
        }
        return camel.ToString();
    }
}
