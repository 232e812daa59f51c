namespace Bayan.Bench;

/// <summary>`--name value` pairs; the probe has few options and bench/run.sh is its only caller.</summary>
internal static class Options
{
    public static Dictionary<string, string> Parse(string[] args)
    {
        var options = new Dictionary<string, string>();
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal))
                throw new ArgumentException($"Expected --name value, got '{args[i]}'.");
            options[args[i][2..]] = args[i + 1];
        }
        if (args.Length % 2 != 0 || !options.ContainsKey("site"))
            throw new ArgumentException("Usage: PublishProbe --site URL [--publishes 5] [--language ar] [--timeout 30] [--email E] [--password P]");
        return options;
    }
}
