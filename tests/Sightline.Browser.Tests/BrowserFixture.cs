using Microsoft.Playwright;
using Sightline.Browser.Tests;

[assembly: AssemblyFixture(typeof(BrowserFixture))]
// One app and one browser for the whole run; the journeys sign in as different people and share
// the app's sign-in rate limit, so they run one after another.
[assembly: CollectionBehavior(DisableTestParallelization = true)]

namespace Sightline.Browser.Tests;

/// <summary>
/// Started once per test run: the real app in its own process and Debian's Chromium, driven by
/// Playwright (which is never allowed to download a browser of its own).
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    /// <summary>Enough young people for searches to find several, few enough to seed in a second or two.</summary>
    public const int DemoPeople = 60;

    /// <summary>A journey that takes longer than this is stuck, not slow.</summary>
    public const int TestTimeout = 90_000;

    private IPlaywright? _playwright;
    public SightlineServer App { get; private set; } = null!;
    public IBrowser Browser { get; private set; } = null!;

    /// <summary>Screenshots land here (the test script's results folder), for a person to look at.</summary>
    public string ScreenshotDirectory { get; } = FindScreenshotDirectory();

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
            throw new InvalidOperationException($"Chromium is not installed at {ChromiumPath}: apt-get install chromium (./sightline test does this).");
        var app = SightlineServer.StartAsync(DemoPeople, TestContext.Current.CancellationToken);
        var browser = LaunchAsync();
        try
        {
            await Task.WhenAll(app, browser);
        }
        catch
        {
            if (app.IsCompletedSuccessfully) await app.Result.DisposeAsync();
            if (browser.IsCompletedSuccessfully) await browser.Result.DisposeAsync();
            _playwright?.Dispose();
            throw;
        }
        App = app.Result;
        Browser = browser.Result;
    }

    private async Task<IBrowser> LaunchAsync()
    {
        _playwright = await Playwright.CreateAsync();
        return await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync",
            ],
        });
    }

    /// <summary>A fresh browser context (its own cookies), as a different person at a different desk.</summary>
    public async Task<BrowserSession> OpenSessionAsync(bool javaScriptEnabled = true)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = App.BaseAddress.ToString(),
            JavaScriptEnabled = javaScriptEnabled,
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
            Locale = "en-GB",
            TimezoneId = "Europe/London",
        });
        context.SetDefaultTimeout(15_000);
        context.SetDefaultNavigationTimeout(20_000);
        return new BrowserSession(context, await context.NewPageAsync(), this, javaScriptEnabled);
    }

    private static string FindScreenshotDirectory()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            if (File.Exists(Path.Combine(directory.FullName, "Sightline.sln")))
                return Path.Combine(directory.FullName, ".test-results", "screenshots");
        return Path.Combine(AppContext.BaseDirectory, "screenshots");
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        _playwright?.Dispose();
        if (App is not null) await App.DisposeAsync();
    }
}
