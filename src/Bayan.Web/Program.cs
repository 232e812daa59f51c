using Bayan.Web.Cli;

// `bayan` serves the site; `bayan <command>` runs a command. See `bayan --help`.
return await BayanCommandLine.RunAsync(args);

public partial class Program;
