using System.CommandLine;
using Bayan.Web.Cli;

namespace Bayan.Tests.Startup;

/// <summary>Only no command, or `serve`, serves: anything the command line does not know stops it with a message.</summary>
public sealed class CommandLineTests
{
    // A file where the data folder should be: were a mistake taken for "serve", starting would stop
    // at once on the folder (with another message), so no test here can end up serving.
    private static readonly string NotAFolder = Path.GetTempFileName();

    private static async Task<(int Exit, string Error)> Run(params string[] args)
    {
        var error = new StringWriter();
        var exit = await BayanCommandLine.RunAsync(args, new InvocationConfiguration { Output = new StringWriter(), Error = error });
        return (exit, error.ToString());
    }

    [Fact]
    public async Task An_unknown_command_is_named_and_the_commands_are_listed()
    {
        var (exit, error) = await Run("publish-all", "x", "--data", NotAFolder);

        Assert.NotEqual(0, exit);
        Assert.Contains("unknown command 'publish-all'", error);
        foreach (var command in new[] { "serve", "migrate", "demo", "site-dates", "hijri-month", "reindex" })
            Assert.Contains(command, error);
        // It never went on to open the data folder it was given.
        Assert.DoesNotContain(NotAFolder, error);
    }

    [Fact]
    public async Task A_mistyped_option_is_named()
    {
        var (exit, error) = await Run("--dta", "/tmp/newsroom", "--data", NotAFolder);

        Assert.NotEqual(0, exit);
        Assert.Contains("unknown option '--dta'", error);
    }

    [Fact]
    public async Task A_stray_argument_after_a_command_is_named()
    {
        var (exit, error) = await Run("demo", "everything", "--data", NotAFolder);

        Assert.NotEqual(0, exit);
        Assert.Contains("unknown argument 'everything' for demo", error);
    }

    [Fact]
    public async Task A_setting_in_a_misspelt_section_is_named()
    {
        var (exit, error) = await Run("--Bayn:Data=/tmp/newsroom", "--data", NotAFolder);

        Assert.NotEqual(0, exit);
        Assert.Contains("'--Bayn:Data=/tmp/newsroom'", error);
    }

    [Fact]
    public async Task Settings_by_their_full_name_are_still_taken()
    {
        var data = Path.Combine(Path.GetTempPath(), "bayan-tests", Guid.NewGuid().ToString("N"));

        var (exit, error) = await Run("migrate", "--data", data, "--Bayan:OutputCache:Enabled=false", "--Logging:LogLevel:Default", "Warning");

        Assert.Equal(0, exit);
        Assert.Equal("", error);
        Assert.True(File.Exists(Path.Combine(data, "bayan.db")));
    }
}
