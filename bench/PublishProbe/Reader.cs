using System.Diagnostics;
using System.Net;

namespace Bayan.Bench;

/// <summary>A reader of the public site: no cookies, nothing cached on this side, so every answer is the server's.</summary>
internal sealed class Reader(Uri site, TimeSpan pollEvery) : IDisposable
{
    private readonly HttpClient http = new(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false })
    {
        BaseAddress = site,
        Timeout = TimeSpan.FromSeconds(30),
    };

    /// <summary>Whether the page answers 200 and carries the mark (an ASCII token of the title, so no HTML encoding hides it).</summary>
    public async Task<bool> ShowsAsync(string path, string mark)
    {
        using var response = await http.GetAsync(path);
        return response.StatusCode == HttpStatusCode.OK && (await response.Content.ReadAsStringAsync()).Contains(mark, StringComparison.Ordinal);
    }

    /// <summary>Time from <paramref name="since"/> (a Stopwatch timestamp) to the end of the first answer that shows the mark; null if none does in time.</summary>
    public async Task<TimeSpan?> WaitAsync(string path, string mark, long since, TimeSpan limit)
    {
        while (true)
        {
            using var response = await http.GetAsync(path);
            var body = await response.Content.ReadAsStringAsync();
            var elapsed = Stopwatch.GetElapsedTime(since);
            if (response.StatusCode == HttpStatusCode.OK && body.Contains(mark, StringComparison.Ordinal))
                return elapsed;
            if (elapsed > limit)
                return null;
            await Task.Delay(pollEvery);
        }
    }

    public void Dispose() => http.Dispose();
}
