using System.CommandLine;
using System.Globalization;
using Bayan.Offices;
using Bayan.Web.Hosting;

namespace Bayan.Web.Cli;

/// <summary>
/// `bayan hijri-month --office health --year 1445 --month 9 --starts 2024-03-12`: records the day an
/// office saw a Hijri month begin; `--clear` returns the month to the computed calendar.
/// </summary>
internal static class HijriMonthCommand
{
    public static Command Create(Func<ParseResult, BayanArgs> settings, Func<Func<Task<int>>, Task<int>> guarded)
    {
        var office = new Option<string>("--office") { Description = "The office's code.", Required = true };
        var year = new Option<int>("--year") { Description = "The Hijri year, e.g. 1445.", Required = true };
        var month = new Option<int>("--month") { Description = "The Hijri month, 1 (Muharram) to 12 (Dhu al-Hijjah).", Required = true };
        var starts = new Option<string?>("--starts") { Description = "The Gregorian day the month began, yyyy-MM-dd." };
        var clear = new Option<bool>("--clear") { Description = "Forget the recorded start: the month follows the computed calendar." };
        var command = new Command("hijri-month", "Record the day a Hijri month began for an office that follows local moon sighting.")
        {
            office, year, month, starts, clear,
        };
        command.SetAction((parse, ct) => guarded(async () =>
        {
            DateOnly? day = null;
            if (!parse.GetValue(clear))
            {
                if (!DateOnly.TryParseExact(parse.GetValue(starts), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
                {
                    await Console.Error.WriteLineAsync("bayan: give the day the month began as --starts yyyy-MM-dd, or --clear.");
                    return 2;
                }
                day = parsed;
            }
            var app = BayanWebApp.Build(settings(parse));
            await BayanWebApp.PrepareAsync(app, ct);
            using var scope = app.Services.CreateScope();
            var outcome = await scope.ServiceProvider.GetRequiredService<RecordHijriMonthStart>().RunAsync(
                new MonthStartRequest(parse.GetValue(office)!, parse.GetValue(year), parse.GetValue(month), day, $"cli:{Environment.UserName}"), ct);
            if (!outcome.Changed)
            {
                await Console.Error.WriteLineAsync($"bayan: {outcome.Message}");
                return 1;
            }
            Console.WriteLine(outcome.Message);
            return 0;
        }));
        return command;
    }
}
