using System.Diagnostics;

namespace Bayan.Web.Cli;

/// <summary>
/// The progress of a long command (an import, the demo, a reindex) on a terminal: the step, a bar, counts and items per
/// second; a total of 0 is a step whose size is not known yet (the first reading of a file). Plain lines, one per
/// step, when output goes to a file.
/// </summary>
internal sealed class ConsoleProgress(TextWriter output, bool interactive) : IProgress<(string Step, int Done, int Total)>
{
    private const int Width = 30;
    private readonly Stopwatch watch = new();
    private string? step;
    private long lastDrawn;
    private bool lineOpen;
    private bool ended;

    /// <summary>On the console, drawn as a bar unless output is redirected.</summary>
    public ConsoleProgress()
        : this(Console.Out, !Console.IsOutputRedirected)
    {
    }

    public void Report((string Step, int Done, int Total) value)
    {
        var (name, done, total) = value;
        if (name != step)
        {
            EndLine();
            step = name;
            ended = false;
            watch.Restart();
            lastDrawn = -1;
        }
        var finished = total > 0 && done >= total;
        // A redraw every tenth of a second is enough for an eye, and costs nothing at 100,000 items; a step ends once.
        if (ended || !finished && lastDrawn >= 0 && watch.ElapsedMilliseconds - lastDrawn < 100)
            return;
        lastDrawn = watch.ElapsedMilliseconds;
        var rate = watch.Elapsed.TotalSeconds > 0.05 ? done / watch.Elapsed.TotalSeconds : 0;
        var counts = total > 0 ? $"{done}/{total}" : $"{done}";
        if (interactive)
        {
            var filled = total > 0 ? Math.Min(Width, done * Width / total) : 0;
            var bar = total > 0 ? new string('#', filled) + new string('.', Width - filled) : new string('~', Width);
            output.Write($"\r{name,-12} [{bar}] {counts} {rate:0}/s   ");
            lineOpen = true;
        }
        else if (finished)
        {
            output.WriteLine($"{name}: {counts} ({rate:0}/s)");
        }
        if (finished)
        {
            EndLine();
            ended = true;
        }
    }

    private void EndLine()
    {
        if (lineOpen)
            output.WriteLine();
        lineOpen = false;
    }

    /// <summary>Ends the last line of the bar.</summary>
    public void Done() => EndLine();
}
