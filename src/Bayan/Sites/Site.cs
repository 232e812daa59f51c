namespace Bayan.Sites;

/// <summary>The installation's settings: there is exactly one row.</summary>
public sealed class Site
{
    public const int SingletonId = 1;

    public int Id { get; set; } = SingletonId;
    public string DefaultLanguage { get; set; } = "en";

    /// <summary>IANA zone name, e.g. "Asia/Riyadh"; every public date is shown in it.</summary>
    public string TimeZone { get; set; } = "UTC";

    public int PageSize { get; set; } = 20;

    /// <summary>The date line in every page's header, e.g. "hijri:long gregorian:short".</summary>
    public string HeaderDates { get; set; } = DefaultHeaderDates;

    /// <summary>The date line of a release, e.g. "hijri:medium gregorian:long".</summary>
    public string DatelineDates { get; set; } = DefaultDatelineDates;

    /// <summary>Dates in listings.</summary>
    public string ListingDates { get; set; } = DefaultListingDates;

    /// <summary>Persian and Urdu pages write Extended Arabic-Indic digits (۰۱۲) instead of Western ones.</summary>
    public bool ExtendedDigits { get; set; }

    /// <summary>
    /// Reference numbers in the page language's digits (١٤٤٥/٠٣ on Arabic pages) instead of the Western
    /// digits they are given in (1445/03), which journalists quote and search for.
    /// </summary>
    public bool NumbersInLanguageDigits { get; set; }

    /// <summary>Comments appear at once instead of waiting for a moderator.</summary>
    public bool PublishCommentsAtOnce { get; set; }

    /// <summary>Releases take comments for this many days after publication; 0 keeps them open.</summary>
    public int CommentsOpenDays { get; set; } = 30;

    public const string DefaultHeaderDates = "hijri:long gregorian:short";
    public const string DefaultDatelineDates = "hijri:medium gregorian:long";
    public const string DefaultListingDates = "hijri:medium gregorian:medium";
    public DateTime UpdatedAt { get; set; }
}
