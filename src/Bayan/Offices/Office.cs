using Bayan.Calendars;

namespace Bayan.Offices;

/// <summary>A media office that publishes numbered releases.</summary>
public sealed class Office
{
    public int Id { get; set; }

    /// <summary>The URL slug: /{lang}/{code}/.</summary>
    public required string Code { get; set; }

    public required string DefaultLanguage { get; set; }
    public string TimeZone { get; set; } = "UTC";

    /// <summary>Days added to the Hijri date (-2..+2), for offices that follow local moon sighting.</summary>
    public int HijriAdjustment { get; set; }

    /// <summary>What a new office numbers by, unless told otherwise: "1445/03".</summary>
    public const string DefaultNumberingPattern = "{hijri-year}/{seq:2}";

    public string NumberingPattern { get; set; } = DefaultNumberingPattern;

    /// <summary>Contact lines of the signature block that ends every release; each shown only when set.</summary>
    public string? Website { get; set; }
    public string? Telephone { get; set; }
    public string? Email { get; set; }

    /// <summary>Addresses of the office's social accounts, one a line.</summary>
    public string? SocialLinks { get; set; }

    /// <summary>Every release, and every edit of a published one, is published only after review by an editor.</summary>
    public bool RequiresReview { get; set; }
    public int Position { get; set; }
    public List<OfficeName> Names { get; set; } = [];

    /// <summary>Hijri months whose first day the office recorded itself (local moon sighting).</summary>
    public List<HijriMonthStart> MonthStarts { get; set; } = [];

    public HijriAdjustment HijriCalendar =>
        new(HijriAdjustment, [.. MonthStarts.Select(m => new RecordedMonthStart(m.Year, m.Month, m.StartsOn))]);

    public string NameIn(string language) =>
        Names.FirstOrDefault(n => n.Language == language)?.Name
        ?? Names.FirstOrDefault(n => n.Language == DefaultLanguage)?.Name
        ?? Code;
}

public sealed class OfficeName
{
    public int OfficeId { get; set; }
    public required string Language { get; set; }
    public required string Name { get; set; }

    /// <summary>The office's full, formal name for the signature block ("Media Office of the Ministry of Health").</summary>
    public string? FullName { get; set; }

    /// <summary>The postal address in this language, as lines.</summary>
    public string? Address { get; set; }
}

/// <summary>"Ramadan 1445 began on 2024-03-11 for this office": every day of that month follows it.</summary>
public sealed class HijriMonthStart
{
    public int Id { get; set; }
    public int OfficeId { get; set; }
    public int Year { get; set; }
    public int Month { get; set; }
    public DateOnly StartsOn { get; set; }
    public required string RecordedBy { get; set; }
    public DateTime RecordedAt { get; set; }
}
