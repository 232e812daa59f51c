using Bayan.Data;

namespace Bayan.Web.Caching;

/// <summary>The "Bayan:OutputCache" settings: whether public pages are kept and shared, and for how long at most.</summary>
public sealed class PageCacheOptions
{
    public const string Section = "Bayan:OutputCache";

    private static readonly TimeSpan QuarterHour = TimeSpan.FromMinutes(15);

    public bool Enabled { get; init; } = true;

    /// <summary>
    /// The longest a copy serves, even when nothing it shows changes: the header's clock and the news
    /// sitemap's last two days move on by themselves. Windows start on the quarter hours (UTC), and
    /// every time zone's midnight falls on a quarter hour, so with a length that divides 15 minutes
    /// no copy shows yesterday's date after midnight in the site's zone.
    /// </summary>
    public TimeSpan Window { get; init; } = TimeSpan.FromMinutes(5);

    public static PageCacheOptions Read(IConfiguration configuration)
    {
        var section = configuration.GetSection(Section);
        var enabled = section["Enabled"];
        var window = section["Window"];
        var options = new PageCacheOptions();
        if (!string.IsNullOrWhiteSpace(enabled))
        {
            if (!bool.TryParse(enabled, out var on))
                throw new StartupException($"{Section}:Enabled must be true or false, not '{enabled}'.");
            options = new PageCacheOptions { Enabled = on };
        }
        if (!string.IsNullOrWhiteSpace(window))
        {
            if (!TimeSpan.TryParse(window, System.Globalization.CultureInfo.InvariantCulture, out var length)
                || length < TimeSpan.FromSeconds(1) || QuarterHour.Ticks % length.Ticks != 0)
                throw new StartupException($"{Section}:Window must divide 15 minutes, e.g. 00:01:00, 00:05:00 or 00:15:00, not '{window}'.");
            options = new PageCacheOptions { Enabled = options.Enabled, Window = length };
        }
        return options;
    }
}
