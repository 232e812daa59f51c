using System.CommandLine;
using Bayan.Data;
using Bayan.Sites;
using Bayan.Web.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Bayan.Web.Cli;

/// <summary>
/// `bayan site-dates`: shows how the site dates things; with options, changes it, e.g.
/// `bayan site-dates --header "hijri:long gregorian:short" --zone Asia/Riyadh --clock-name en="Makkah time"`.
/// </summary>
internal static class SiteDatesCommand
{
    public static Command Create(Func<ParseResult, BayanArgs> settings, Func<Func<Task<int>>, Task<int>> guarded)
    {
        var header = new Option<string?>("--header") { Description = "Calendars of the page header, e.g. \"hijri:long gregorian:short\"." };
        var dateline = new Option<string?>("--dateline") { Description = "Calendars of a release's date line, e.g. \"hijri:medium gregorian:long\"." };
        var listing = new Option<string?>("--listing") { Description = "Calendars of dates in listings." };
        var digits = new Option<bool?>("--extended-digits") { Description = "true: Persian and Urdu pages write ۰۱۲ digits." };
        var numberDigits = new Option<string?>("--number-digits") { Description = "Digits of reference numbers: western (1445/03, the default) or language (١٤٤٥/٠٣ on Arabic pages)." };
        numberDigits.AcceptOnlyFromAmong("western", "language");
        var zone = new Option<string?>("--zone") { Description = "The site's IANA time zone, e.g. Asia/Riyadh." };
        var clockNames = new Option<string[]>("--clock-name") { Description = "The clock's name in a language, e.g. ar=\"بتوقيت مكة المكرمة\"; repeatable." };
        var command = new Command("site-dates", "Show or change the site's calendars, date styles, digits, time zone and clock names.")
        {
            header, dateline, listing, digits, numberDigits, zone, clockNames,
        };
        command.SetAction((parse, ct) => guarded(async () =>
        {
            var names = new Dictionary<string, string>();
            foreach (var pair in parse.GetValue(clockNames) ?? [])
            {
                var at = pair.IndexOf('=');
                if (at <= 0)
                {
                    await Console.Error.WriteLineAsync($"bayan: --clock-name takes language=name, not '{pair}'.");
                    return 2;
                }
                names[pair[..at]] = pair[(at + 1)..];
            }
            var app = BayanWebApp.Build(settings(parse));
            await BayanWebApp.PrepareAsync(app, ct);
            using var scope = app.Services.CreateScope();
            var change = new SiteDatesChange(parse.GetValue(header), parse.GetValue(dateline), parse.GetValue(listing),
                parse.GetValue(digits), parse.GetValue(zone), names.Count > 0 ? names : null,
                parse.GetValue(numberDigits) is { } chosen ? chosen == "language" : null);
            var outcome = await scope.ServiceProvider.GetRequiredService<UpdateSiteDates>().RunAsync(change, $"cli:{Environment.UserName}", ct);
            foreach (var error in outcome.Errors)
                await Console.Error.WriteLineAsync($"bayan: {error}");
            if (outcome.Errors.Count > 0)
                return 1;
            var sites = scope.ServiceProvider.GetRequiredService<SiteQueries>();
            var site = await sites.SiteAsync(ct);
            Console.WriteLine((outcome.Changed ? "Changed. " : "") + UpdateSiteDates.Describe(site, await sites.LanguagesAsync(ct)));
            return 0;
        }));
        return command;
    }
}
