using System.Collections.Concurrent;
using System.Globalization;
using Bayan.Localization;

namespace Bayan.Calendars;

/// <summary>
/// Month and weekday names. Gregorian months and weekdays come from each language's culture;
/// .NET names Hijri and Solar Hijri months only in a few cultures, so those are written here in each
/// language's own usual spelling.
/// </summary>
public static class CalendarNames
{
    private static readonly Dictionary<string, string[]> HijriMonths = new()
    {
        ["ar"] = ["محرم", "صفر", "ربيع الأول", "ربيع الآخر", "جمادى الأولى", "جمادى الآخرة", "رجب", "شعبان", "رمضان", "شوال", "ذو القعدة", "ذو الحجة"],
        ["en"] = ["Muharram", "Safar", "Rabi' al-Awwal", "Rabi' al-Thani", "Jumada al-Awwal", "Jumada al-Thani", "Rajab", "Sha'ban", "Ramadan", "Shawwal", "Dhu al-Qi'dah", "Dhu al-Hijjah"],
        ["ur"] = ["محرم", "صفر", "ربیع الاول", "ربیع الثانی", "جمادی الاول", "جمادی الثانی", "رجب", "شعبان", "رمضان", "شوال", "ذوالقعدہ", "ذوالحجہ"],
        ["fa"] = ["محرم", "صفر", "ربیع‌الاول", "ربیع‌الثانی", "جمادی‌الاول", "جمادی‌الثانی", "رجب", "شعبان", "رمضان", "شوال", "ذی‌القعده", "ذی‌الحجه"],
        ["tr"] = ["Muharrem", "Safer", "Rebiülevvel", "Rebiülahir", "Cemaziyelevvel", "Cemaziyelahir", "Recep", "Şaban", "Ramazan", "Şevval", "Zilkade", "Zilhicce"],
        ["ru"] = ["Мухаррам", "Сафар", "Раби аль-авваль", "Раби ас-сани", "Джумада аль-уля", "Джумада ас-сани", "Раджаб", "Шаабан", "Рамадан", "Шавваль", "Зуль-када", "Зуль-хиджа"],
        ["uz"] = ["Muharram", "Safar", "Rabiul avval", "Rabiul oxir", "Jumodul avval", "Jumodul oxir", "Rajab", "Shaʼbon", "Ramazon", "Shavvol", "Zulqaʼda", "Zulhijja"],
        ["he"] = ["מוחרם", "צפר", "רביע אל-אוול", "רביע א-ת'אני", "ג'ומאדא אל-אולא", "ג'ומאדא א-ת'אניה", "רג'ב", "שעבאן", "רמדאן", "שוואל", "ד'ו אל-קעדה", "ד'ו אל-חיג'ה"],
        ["fr"] = ["Mouharram", "Safar", "Rabia al-awal", "Rabia ath-thani", "Joumada al-oula", "Joumada ath-thania", "Rajab", "Chaabane", "Ramadan", "Chawwal", "Dhou al-qi'da", "Dhou al-hijja"],
    };

    private static readonly Dictionary<string, string[]> SolarMonths = new()
    {
        ["fa"] = ["فروردین", "اردیبهشت", "خرداد", "تیر", "مرداد", "شهریور", "مهر", "آبان", "آذر", "دی", "بهمن", "اسفند"],
        ["ar"] = ["فروردين", "أرديبهشت", "خرداد", "تير", "مرداد", "شهريور", "مهر", "آبان", "آذر", "دي", "بهمن", "إسفند"],
        ["ur"] = ["فروردین", "اردیبہشت", "خرداد", "تیر", "مرداد", "شہریور", "مہر", "آبان", "آذر", "دی", "بہمن", "اسفند"],
        ["en"] = ["Farvardin", "Ordibehesht", "Khordad", "Tir", "Mordad", "Shahrivar", "Mehr", "Aban", "Azar", "Dey", "Bahman", "Esfand"],
        ["tr"] = ["Ferverdin", "Ordibehişt", "Hordad", "Tir", "Mordad", "Şehriver", "Mehr", "Aban", "Azer", "Dey", "Behmen", "Esfend"],
        ["ru"] = ["Фарвардин", "Ордибехешт", "Хордад", "Тир", "Мордад", "Шахривар", "Мехр", "Абан", "Азар", "Дей", "Бахман", "Эсфанд"],
        ["uz"] = ["Farvardin", "Ordibehisht", "Xurdod", "Tir", "Murdod", "Shahrivar", "Mehr", "Obon", "Ozar", "Dey", "Bahman", "Isfand"],
        ["he"] = ["פרוורדין", "אורדיבהשת", "ח'ורדאד", "תיר", "מורדאד", "שהריוור", "מהר", "אבאן", "אד'ר", "די", "בהמן", "אספנד"],
        ["fr"] = ["Farvardin", "Ordibehecht", "Khordad", "Tir", "Mordad", "Chahrivar", "Mehr", "Aban", "Azar", "Dey", "Bahman", "Esfand"],
    };

    /// <summary>The month's name as it stands after a day number ("21 November", "21 ноября").</summary>
    public static string Month(CalendarKind calendar, int month, string language) => calendar switch
    {
        CalendarKind.Gregorian => CultureFor(language).DateTimeFormat.MonthGenitiveNames[month - 1],
        CalendarKind.SolarHijri => (SolarMonths.GetValueOrDefault(language) ?? SolarMonths["en"])[month - 1],
        _ => (HijriMonths.GetValueOrDefault(language) ?? HijriMonths["en"])[month - 1],
    };

    /// <summary>The month's name standing alone, as in a heading: "November 2024", "ноябрь 2024".</summary>
    public static string MonthAlone(CalendarKind calendar, int month, string language) =>
        calendar == CalendarKind.Gregorian
            ? Capitalized(CultureFor(language).DateTimeFormat.MonthNames[month - 1], language)
            : Month(calendar, month, language);

    public static string Weekday(DayOfWeek day, string language)
    {
        // Cultures write some weekdays in lower case; at the start of a dateline they read as a heading.
        return Capitalized(CultureFor(language).DateTimeFormat.GetDayName(day), language);
    }

    private static string Capitalized(string name, string language) =>
        name.Length > 0 ? char.ToUpper(name[0], CultureFor(language)) + name[1..] : name;

    /// <summary>The language's culture with the Gregorian calendar, whatever the culture's own default.</summary>
    public static CultureInfo CultureFor(string language) => Cultures.GetOrAdd(language, MakeCulture);

    private static CultureInfo MakeCulture(string language)
    {
        var culture = (CultureInfo)CultureInfo.GetCultureInfo(Languages.Find(language)?.Culture ?? "en").Clone();
        culture.DateTimeFormat.Calendar = culture.OptionalCalendars.OfType<GregorianCalendar>()
            .FirstOrDefault(c => c.CalendarType == GregorianCalendarTypes.Localized) ?? new GregorianCalendar();
        return CultureInfo.ReadOnly(culture);
    }

    // Read without a lock: every date on every page asks for its culture, and a lock taken that often
    // was contended under load. Two first askers may both make one; either is the same, one is kept.
    private static readonly ConcurrentDictionary<string, CultureInfo> Cultures = new();
}
