using System.Collections.Concurrent;
using Bayan.Offices;

namespace Bayan.Dates;

/// <summary>
/// The text of a local day as one office dates it in one language, remembered: many releases share a day,
/// and writing it (two calendars, month names, digits) costs more than finding it again. A pure function of
/// its key while the site's settings and offices are unchanged, so it lives in <see cref="SiteDates"/>,
/// which a change of those replaces. Bounded: a long archive read through clears it now and then.
/// </summary>
internal sealed class DayTexts(Func<DateOnly, Office, string, string> write)
{
    private const int Most = 4096;

    private readonly ConcurrentDictionary<(DateOnly Day, Office Office, string Language), string> texts = new();

    /// <param name="office">One of the site snapshot's offices, which are never changed: the key holds the object, not its id.</param>
    public string Of(DateOnly day, Office office, string language)
    {
        var key = (day, office, language);
        if (texts.TryGetValue(key, out var text))
            return text;
        if (texts.Count >= Most)
            texts.Clear();
        return texts[key] = write(day, office, language);
    }
}
