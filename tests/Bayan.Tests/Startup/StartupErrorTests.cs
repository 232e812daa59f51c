using System.Diagnostics;
using Bayan.Data;
using Bayan.Web.Cli;
using Bayan.Web.Hosting;

namespace Bayan.Tests.Startup;

/// <summary>A wrong setting stops Bayan with a message that names the setting, never a stack trace.</summary>
public sealed class StartupErrorTests
{
    private static async Task<StartupException> StartWith(Dictionary<string, string?> settings)
    {
        settings.TryAdd("Bayan:Data", Path.Combine(Path.GetTempPath(), "bayan-tests", Guid.NewGuid().ToString("N")));
        return await Assert.ThrowsAsync<StartupException>(async () =>
        {
            var app = BayanWebApp.Build(BayanArgs.Of(settings));
            await BayanWebApp.PrepareAsync(app, CancellationToken.None);
        });
    }

    [Fact]
    public async Task A_data_folder_that_is_a_file_names_the_setting_and_the_path()
    {
        var file = Path.GetTempFileName();

        var error = await StartWith(new() { ["Bayan:Data"] = file });

        Assert.Contains("Bayan:Data", error.Message);
        Assert.Contains("--data", error.Message);
        Assert.Contains(file, error.Message);
    }

    [Fact]
    public async Task Postgres_without_a_connection_string_names_the_setting()
    {
        var error = await StartWith(new() { ["Bayan:Database:Provider"] = "postgres" });

        Assert.Contains("Bayan:Database:ConnectionString", error.Message);
    }

    [Fact]
    public async Task A_malformed_connection_string_names_the_setting()
    {
        var error = await StartWith(new() { ["Bayan:Database:Provider"] = "postgres", ["Bayan:Database:ConnectionString"] = "Hots=db;;Nonsense" });

        Assert.Contains("Bayan:Database:ConnectionString", error.Message);
        Assert.Contains("not a valid", error.Message);
    }

    [Fact]
    public async Task An_unreachable_server_names_the_setting_without_revealing_the_password()
    {
        var error = await StartWith(new()
        {
            ["Bayan:Database:Provider"] = "postgres",
            ["Bayan:Database:ConnectionString"] = "Host=127.0.0.1;Port=1;Database=bayan;Username=bayan;Password=s3cret;Timeout=3",
        });

        Assert.Contains("Bayan:Database:ConnectionString", error.Message);
        Assert.Contains("127.0.0.1", error.Message);
        Assert.DoesNotContain("s3cret", error.Message);
    }

    [Fact]
    public async Task An_unknown_provider_says_which_ones_exist()
    {
        var error = await StartWith(new() { ["Bayan:Database:Provider"] = "mysql" });

        Assert.Contains("Bayan:Database:Provider", error.Message);
        Assert.Contains("postgres", error.Message);
    }

    [Fact]
    public async Task A_missing_theme_folder_names_the_setting()
    {
        var error = await StartWith(new() { ["Bayan:Theme"] = "/no/such/theme/folder" });

        Assert.Contains("Bayan:Theme", error.Message);
    }

    [Theory]
    [InlineData("news.example.org")]
    [InlineData("ftp://news.example.org")]
    [InlineData("https://news.example.org/?lang=en")]
    [InlineData("https://news.example.org/#top")]
    [InlineData("https://news.example.org/news/")]
    public async Task A_public_url_that_cannot_begin_links_names_the_setting_and_its_value(string address)
    {
        var error = await StartWith(new() { ["Bayan:PublicUrl"] = address });

        Assert.Contains("Bayan:PublicUrl", error.Message);
        Assert.Contains(address, error.Message);
        Assert.Contains("https://news.example.org", error.Message);
    }

    [Fact]
    public async Task The_command_line_prints_the_message_and_exits_non_zero()
    {
        var file = Path.GetTempFileName();
        var start = new ProcessStartInfo("dotnet", ["Bayan.Web.dll", "migrate", "--data", file])
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        using var process = Process.Start(start)!;
        var stderr = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();

        Assert.Equal(2, process.ExitCode);
        Assert.StartsWith("bayan: The data folder", stderr);
        Assert.Contains("Bayan:Data", stderr);
        Assert.DoesNotContain("   at ", stderr);
    }
}
