namespace Bayan.Importing;

/// <summary>
/// Guesses a text's language from the script its letters are written in, for imported items that say
/// nothing of their language: Arabic script gives ar (ur when letters only Urdu uses appear), Cyrillic
/// ru, Latin en (tr or uz when letters only Turkish or Uzbek use appear). Markup is no text.
/// </summary>
public static class ScriptLanguage
{
    public static string? Detect(string text)
    {
        int arabic = 0, latin = 0, cyrillic = 0, urdu = 0, turkish = 0, uzbek = 0;
        var inTag = false;
        foreach (var c in text)
        {
            if (c == '<')
                inTag = true;
            else if (c == '>')
                inTag = false;
            if (inTag)
                continue;
            // The Uzbek oʻ and gʻ are written with a modifier letter.
            if (c is '\u02BB' or '\u02BC')
            {
                uzbek++;
                continue;
            }
            if (!char.IsLetter(c))
                continue;
            if (IsArabicScript(c))
            {
                arabic++;
                if (c is 'ٹ' or 'ڈ' or 'ڑ' or 'ں' or 'ے' or 'ۓ' or 'ھ' or 'ہ')
                    urdu++;
            }
            else if (c is >= '\u0400' and <= '\u04FF')
            {
                cyrillic++;
            }
            else if (c < '\u0250')
            {
                latin++;
                if (c is 'ğ' or 'Ğ' or 'ş' or 'Ş' or 'ı' or 'İ')
                    turkish++;
            }
        }
        if (arabic == 0 && latin == 0 && cyrillic == 0)
            return null;
        if (arabic >= latin && arabic >= cyrillic)
            return urdu * 50 >= arabic && urdu >= 2 ? "ur" : "ar";
        if (cyrillic > latin)
            return "ru";
        if (uzbek >= 2 && uzbek * 50 >= latin)
            return "uz";
        return turkish >= 2 && turkish * 50 >= latin ? "tr" : "en";
    }

    private static bool IsArabicScript(char c) =>
        c is >= '\u0600' and <= '\u06FF' or >= '\u0750' and <= '\u077F' or >= '\u08A0' and <= '\u08FF'
            or >= '\uFB50' and <= '\uFDFF' or >= '\uFE70' and <= '\uFEFF';
}
