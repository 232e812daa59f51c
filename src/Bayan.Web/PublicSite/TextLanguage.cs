using Bayan.Localization;

namespace Bayan.Web.PublicSite;

/// <summary>
/// The lang and dir that a piece of text carries on a page in another language (a correction note, a
/// comment, a tag), so that it is read aloud, hyphenated and laid out as its own language, its
/// punctuation on its own side.
/// </summary>
public sealed record TextLanguage(string Lang, string Dir)
{
    /// <summary>Text written in a language we know, e.g. a note written with the original.</summary>
    public static TextLanguage Known(string language) => new(language, Languages.Get(language).Direction);

    /// <summary>
    /// Text whose language nobody recorded (a reader's comment, a free tag): its direction comes from
    /// its first letter, as dir="auto" would. Written in the page's direction, it is taken to be in the
    /// page's language; otherwise its language is unknown (lang=""), not wrongly the page's.
    /// </summary>
    public static TextLanguage Guessed(string text, string pageLanguage)
    {
        var page = Known(pageLanguage);
        var dir = Bidi.DirectionOf(text) ?? page.Dir;
        return dir == page.Dir ? page : new TextLanguage("", dir);
    }
}
