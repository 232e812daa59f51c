using System.CommandLine;

namespace Bayan.Web.Cli;

/// <summary>
/// What the command line did not recognise. Bayan lets anything through that reads as a setting by its
/// full name (`--Bayan:OutputCache:Enabled=false`, `--Logging:LogLevel:Default Warning`), since
/// configuration takes those; anything else (a mistyped command, a stray word, `--dta`) is an error,
/// so that `bayan import x` stops with a message instead of starting to serve.
/// </summary>
internal static class UnknownTokens
{
    // Where the first part of a setting's name may point: Bayan's own settings and those ASP.NET Core
    // reads. A mistyped section (`--Bayn:Data=x`) would otherwise be taken and silently ignored.
    private static readonly HashSet<string> Sections = new(StringComparer.OrdinalIgnoreCase)
    {
        "Bayan", "ConnectionStrings", "Logging", "Kestrel", "AllowedHosts", "Urls",
    };

    /// <summary>The first token that is neither a known command or option nor a setting, if any.</summary>
    public static string? Describe(ParseResult parse)
    {
        var tokens = parse.UnmatchedTokens;
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (IsSetting(token))
            {
                // `--Section:Key value`: the next token is the value, whatever it looks like.
                if (!token.Contains('=') && i + 1 < tokens.Count)
                    i++;
                continue;
            }
            if (token.StartsWith('-'))
                return $"unknown option '{token}'";
            // On the root, the first word that is no option was meant as a command.
            var command = parse.CommandResult.Command;
            return command is RootCommand ? $"unknown command '{token}'" : $"unknown argument '{token}' for {command.Name}";
        }
        return null;
    }

    /// <summary>The commands, one a line, for the message after an unknown token.</summary>
    public static string ListCommands(RootCommand root)
    {
        var width = root.Subcommands.Max(c => c.Name.Length);
        var lines = root.Subcommands.Select(c => $"  {c.Name.PadRight(width)}  {c.Description}");
        return "Commands (without one, bayan serves the site):" + Environment.NewLine + string.Join(Environment.NewLine, lines);
    }

    private static bool IsSetting(string token)
    {
        if (!token.StartsWith("--", StringComparison.Ordinal))
            return false;
        var name = token[2..].Split('=', 2)[0];
        var section = name.Split(':', 2)[0];
        // A bare top-level word such as `--dta` is a mistyped option, not a setting: settings are named
        // with their section (`--Bayan:Data`), except the few ASP.NET Core keeps at the top.
        return section.Length > 0 && Sections.Contains(section) && (name.Contains(':') || section is "AllowedHosts" or "Urls");
    }
}
