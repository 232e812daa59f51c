using System.CommandLine;
using Bayan.Tests.Support;
using Bayan.Web.Cli;

namespace Bayan.Tests.Checking;

/// <summary>Runs `bayan check` on a test site as a person runs it on the server: exit code and what it printed.</summary>
internal static class CheckRun
{
    public static async Task<(int Exit, string Output, string Error)> RunAsync(TestSite site, params string[] args)
    {
        var (output, error) = (new StringWriter(), new StringWriter());
        var exit = await BayanCommandLine.RunAsync([.. args, .. site.CommandLineSwitches(), "--Logging:LogLevel:Default", "Warning"],
            new InvocationConfiguration { Output = output, Error = error });
        return (exit, output.ToString(), error.ToString());
    }
}
