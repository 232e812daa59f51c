namespace Bayan.Dates;

/// <summary>Writes Western digits in the digits a language's readers expect.</summary>
public static class Digits
{
    private const string ArabicIndic = "٠١٢٣٤٥٦٧٨٩";
    private const string ExtendedArabicIndic = "۰۱۲۳۴۵۶۷۸۹";

    /// <summary>Arabic-Indic for Arabic; Extended Arabic-Indic for Persian and Urdu when the site asks for it.</summary>
    public static string ForLanguage(string text, string language, bool extendedForPersianAndUrdu = false) => language switch
    {
        "ar" => Replace(text, ArabicIndic),
        "fa" or "ur" when extendedForPersianAndUrdu => Replace(text, ExtendedArabicIndic),
        _ => text,
    };

    private static string Replace(string text, string digits) =>
        string.Create(text.Length, (text, digits), static (span, state) =>
        {
            for (var i = 0; i < state.text.Length; i++)
            {
                var c = state.text[i];
                span[i] = c is >= '0' and <= '9' ? state.digits[c - '0'] : c;
            }
        });
}
