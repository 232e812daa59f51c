namespace Bayan.Web.Cli;

/// <summary>A one-line progress bar on a terminal; plain lines when output goes to a file.</summary>
internal sealed class ConsoleProgress : IProgress<(string Step, int Done, int Total)>
{
    private const int Width = 30;
    private string? lastStep;

    public void Report((string Step, int Done, int Total) value)
    {
        var (step, done, total) = value;
        if (Console.IsOutputRedirected)
        {
            if (done == total || step != lastStep)
                Console.WriteLine($"{step}: {done}/{total}");
            lastStep = step;
            return;
        }
        var filled = total == 0 ? Width : done * Width / total;
        Console.Write($"\r{step,-12} [{new string('#', filled)}{new string('.', Width - filled)}] {done}/{total}   ");
        if (done == total)
            Console.WriteLine();
        lastStep = step;
    }
}
