using System.CommandLine;
using Bayan.Importing;
using Bayan.Importing.K2;
using Bayan.Importing.WordPress;
using Bayan.Localization;
using Bayan.Web.Hosting;

namespace Bayan.Web.Cli;

/// <summary>
/// `bayan import wordpress export.xml --office press [--office-map offices.txt] [--language ar] [--uploads wp-content/uploads]
/// [--numbers assign|keep|none] [--users] [--dry-run]`: brings a WordPress archive in through the library's operations, with a
/// progress bar and a report. A second run updates what changed and makes nothing twice.
/// </summary>
internal static class ImportCommand
{
    public static Command Create(Func<ParseResult, BayanArgs> settings, Func<Func<Task<int>>, Task<int>> guarded)
    {
        var command = new Command("import", "Bring an archive in from another system.");
        command.Subcommands.Add(WordPress(settings, guarded));
        command.Subcommands.Add(K2(settings, guarded));
        command.Subcommands.Add(ImportBayanCommand.Create(settings, guarded));
        return command;
    }

    private static Command WordPress(Func<ParseResult, BayanArgs> settings, Func<Func<Task<int>>, Task<int>> guarded)
    {
        var file = new Argument<FileInfo>("file") { Description = "The WordPress export (Tools > Export), a WXR file." };
        var office = new Option<string>("--office") { Description = "The code of the office whose releases the posts become.", Required = true };
        var officeMap = new Option<FileInfo?>("--office-map") { Description = "Rules that send posts to other offices, one a line: category:slug=office or author:login=office." };
        var language = new Option<string?>("--language") { Description = "The language of every post; default: Polylang or WPML data, else the script of the text." };
        var uploads = new Option<DirectoryInfo?>("--uploads") { Description = "A copy of the site's wp-content/uploads, where attachments and featured images are copied from." };
        var numbers = new Option<string>("--numbers")
        {
            Description = "Reference numbers of published posts: assign (in the office's pattern, by original date), keep (a custom field reference_number) or none.",
            DefaultValueFactory = _ => "assign",
        };
        numbers.AcceptOnlyFromAmong("assign", "keep", "none");
        var dryRun = new Option<bool>("--dry-run") { Description = "Read everything and print the report without writing." };
        var users = new Option<bool>("--users") { Description = "Make an account (without roles or password) for each author." };
        var command = new Command("wordpress", "Import posts, pages, categories, tags, comments and media from a WordPress export (WXR 1.0-1.2).")
        {
            file, office, officeMap, language, uploads, numbers, dryRun, users,
        };
        command.SetAction((parse, ct) => guarded(async () =>
        {
            var (output, error) = (parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error);
            Task<int> FailAsync(string message) => ImportCommand.FailAsync(error, message);
            var path = parse.GetValue(file)!;
            if (!path.Exists)
                return await FailAsync(Messages.Format("en", "import_file_missing", path.FullName));
            OfficeMap? map = null;
            if (parse.GetValue(officeMap) is { } mapFile)
            {
                if (!mapFile.Exists)
                    return await FailAsync(Messages.Format("en", "import_file_missing", mapFile.FullName));
                var (parsed, problem) = OfficeMap.Parse(await File.ReadAllTextAsync(mapFile.FullName, ct));
                if (problem is not null)
                    return await FailAsync(problem.In("en"));
                map = parsed;
            }
            if (parse.GetValue(uploads) is { Exists: false } missing)
                return await FailAsync(Messages.Format("en", "import_file_missing", missing.FullName));

            var app = BayanWebApp.Build(settings(parse));
            await BayanWebApp.PrepareAsync(app, ct);
            using var scope = app.Services.CreateScope();
            var options = new WordPressImportOptions(parse.GetValue(office)!, map, parse.GetValue(language), parse.GetValue(uploads)?.FullName,
                Enum.Parse<NumberChoice>(parse.GetValue(numbers)!, ignoreCase: true), parse.GetValue(dryRun), parse.GetValue(users));
            var progress = new ConsoleProgress(output, output == Console.Out && !Console.IsOutputRedirected);
            var report = await scope.ServiceProvider.GetRequiredService<ImportWordPress>().RunAsync(
                () => File.OpenRead(path.FullName), options, progress, ct);
            progress.Done();
            if (report.Error is not null)
                return await FailAsync(report.Error.In("en"));
            foreach (var line in report.Describe("en"))
                await output.WriteLineAsync(line);
            return 0;
        }));
        return command;
    }

    /// <summary>
    /// `bayan import k2 --mysql "Server=...;Database=...;User ID=...;Password=..." --prefix jos_ --office press
    /// [--offices-from-categories 3,7] [--images media/k2] [--numbers assign|keep|none] [--dry-run]`: a Joomla 3 site's K2 content.
    /// </summary>
    private static Command K2(Func<ParseResult, BayanArgs> settings, Func<Func<Task<int>>, Task<int>> guarded)
    {
        var mysql = new Option<string>("--mysql") { Description = "The Joomla database: Server=...;Database=...;User ID=...;Password=... (MySQL or MariaDB).", Required = true };
        var prefix = new Option<string>("--prefix") { Description = "Joomla's table prefix, as in its configuration.php ($dbprefix), e.g. jos_.", Required = true };
        var office = new Option<string>("--office") { Description = "The code of the office whose releases the items become.", Required = true };
        var offices = new Option<string?>("--offices-from-categories") { Description = "Ids of K2 categories that become offices, with the items under them: 3,7." };
        var images = new Option<DirectoryInfo?>("--images") { Description = "A copy of the site's media/k2 folder (items/src, items/cache, attachments)." };
        var numbers = new Option<string>("--numbers")
        {
            Description = "Reference numbers of published items: assign (in the office's pattern, by original date), keep (an extra field reference_number) or none.",
            DefaultValueFactory = _ => "assign",
        };
        numbers.AcceptOnlyFromAmong("assign", "keep", "none");
        var dryRun = new Option<bool>("--dry-run") { Description = "Read everything and print the report without writing." };
        var command = new Command("k2", "Import K2 items, categories, tags, comments, images and attachments from a Joomla 3 database.")
        {
            mysql, prefix, office, offices, images, numbers, dryRun,
        };
        command.SetAction((parse, ct) => guarded(async () =>
        {
            var (output, error) = (parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error);
            var categories = new List<int>();
            foreach (var part in (parse.GetValue(offices) ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (!int.TryParse(part, out var id) || id <= 0)
                    return await FailAsync(error, Messages.Format("en", "import_k2_category_unknown", part));
                categories.Add(id);
            }
            if (parse.GetValue(images) is { Exists: false } missing)
                return await FailAsync(error, Messages.Format("en", "import_file_missing", missing.FullName));

            var app = BayanWebApp.Build(settings(parse));
            await BayanWebApp.PrepareAsync(app, ct);
            using var scope = app.Services.CreateScope();
            var options = new K2ImportOptions(parse.GetValue(mysql)!, parse.GetValue(prefix)!, parse.GetValue(office)!, categories,
                parse.GetValue(images)?.FullName, Enum.Parse<NumberChoice>(parse.GetValue(numbers)!, ignoreCase: true), parse.GetValue(dryRun));
            var progress = new ConsoleProgress(output, output == Console.Out && !Console.IsOutputRedirected);
            var report = await scope.ServiceProvider.GetRequiredService<ImportK2>().RunAsync(options, progress, ct);
            progress.Done();
            if (report.Error is not null)
                return await FailAsync(error, report.Error.In("en"));
            foreach (var line in report.Describe("en"))
                await output.WriteLineAsync(line);
            return 0;
        }));
        return command;
    }

    private static async Task<int> FailAsync(TextWriter error, string message)
    {
        await error.WriteLineAsync($"bayan: {message}");
        return 1;
    }
}
