using Microsoft.Playwright;

namespace Bayan.Tests.Support;

/// <summary>Debian's Chromium, headless, driven by Playwright; test.sh installs it when missing.</summary>
public sealed class Browser : IAsyncLifetime
{
    private const string Chromium = "/usr/bin/chromium";
    private IPlaywright? playwright;

    public IBrowser Instance { get; private set; } = null!;

    /// <summary>Where screenshots go: TestResults/screenshots when run by test.sh.</summary>
    public static string ScreenshotFolder =>
        Path.Combine(Environment.GetEnvironmentVariable("BAYAN_TEST_OUTPUT") ?? Path.Combine(AppContext.BaseDirectory, "TestResults"), "screenshots");

    public async Task InitializeAsync()
    {
        if (!File.Exists(Chromium))
            throw new InvalidOperationException($"{Chromium} is missing: run ./test.sh, which installs Debian's chromium package.");
        playwright = await Playwright.CreateAsync();
        Instance = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            // The machine has no network beyond loopback: keep Chromium from calling home.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    public async Task DisposeAsync()
    {
        if (Instance is not null)
            await Instance.CloseAsync();
        playwright?.Dispose();
    }

    /// <summary>A fresh page that records console errors and failed requests.</summary>
    public async Task<(IPage Page, List<string> Errors)> OpenAsync(int width = 1280, int height = 900)
    {
        var context = await Instance.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = width, Height = height } });
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
                errors.Add(message.Text);
        };
        page.PageError += (_, error) => errors.Add(error);
        page.RequestFailed += (_, request) => errors.Add($"request failed: {request.Url}");
        return (page, errors);
    }

    /// <summary>
    /// Clicks a link and waits until the page it leads to has loaded. Waiting for a load state after
    /// the click instead races the navigation: it may answer for the page being left, or wait on a
    /// navigation the browser has already finished.
    /// </summary>
    public static async Task FollowAsync(ILocator link)
    {
        var page = link.Page;
        var leaving = page.Url;
        await link.ClickAsync();
        await page.WaitForURLAsync(url => url != leaving, new PageWaitForURLOptions { WaitUntil = WaitUntilState.DOMContentLoaded });
    }

    /// <summary>What the reader sees in the window; the whole page with <paramref name="fullPage"/>.</summary>
    public static async Task ScreenshotAsync(IPage page, string name, bool fullPage = false)
    {
        var file = Path.Combine(ScreenshotFolder, name + ".png");
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = file, FullPage = fullPage });
    }
}
