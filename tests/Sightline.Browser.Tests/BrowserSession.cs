using System.Text;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Sightline.Core.Demo;
using static Microsoft.Playwright.Assertions;

namespace Sightline.Browser.Tests;

/// <summary>
/// One person at one browser: a context with its own cookies and one page, plus the checks every
/// journey makes on every page it reaches (WCAG 2.2 A and AA with axe-core, no console errors,
/// which is where a Content-Security-Policy violation shows).
/// </summary>
public sealed class BrowserSession : IAsyncDisposable
{
    private static readonly AxeRunOptions WcagAA = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] },
    };

    private readonly IBrowserContext _context;
    private readonly BrowserFixture _fixture;
    private readonly List<string> _consoleErrors = [];

    public BrowserSession(IBrowserContext context, IPage page, BrowserFixture fixture, bool javaScriptEnabled)
    {
        _context = context;
        _fixture = fixture;
        Page = page;
        JavaScriptEnabled = javaScriptEnabled;
        page.Console += (_, message) =>
        {
            if (message.Type == "error") lock (_consoleErrors) _consoleErrors.Add($"{message.Text} ({message.Location})");
        };
        page.PageError += (_, error) =>
        {
            lock (_consoleErrors) _consoleErrors.Add("Uncaught: " + error);
        };
    }

    public IPage Page { get; }
    public bool JavaScriptEnabled { get; }

    /// <summary>Opens a path, expects a 200, and checks the page.</summary>
    public async Task GoToAsync(string path)
    {
        var response = await Page.GotoAsync(path);
        Assert.NotNull(response);
        Assert.True(response.Status == 200, $"GET {path} answered {response.Status}, at {Page.Url}." +
            (response.Status >= 500 ? $" The app's output ends:\n{_fixture.App.OutputTail(60)}" : ""));
        await ShouldBeAccessibleAsync();
    }

    /// <summary>Signs in with the demo password and checks the sign-in page on the way.</summary>
    public async Task SignInAsync(string email, string password = DemoPartnership.DemoPassword)
    {
        await GoToAsync("/sign-in");
        await Page.GetByLabel("Email address").FillAsync(email);
        await Page.GetByLabel("Password", new() { Exact = true }).FillAsync(password);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(Page).Not.ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/sign-in"));
    }

    /// <summary>WCAG 2.0, 2.1 and 2.2 at levels A and AA, as axe-core judges them: no violations.</summary>
    public async Task ShouldBeAccessibleAsync()
    {
        await Page.WaitForLoadStateAsync(LoadState.Load);
        var result = JavaScriptEnabled ? await Page.RunAxe(WcagAA) : await RunAxeOnCopyAsync();
        Assert.True(result.Passes.Length > 0, $"axe-core checked nothing on {Page.Url}: is the page empty?");
        if (result.Violations.Length == 0) return;
        var report = new StringBuilder();
        report.AppendLine($"axe-core found {result.Violations.Length} WCAG A/AA violation(s) on {Page.Url} (JavaScript {(JavaScriptEnabled ? "on" : "off")}):");
        foreach (var violation in result.Violations)
        {
            report.AppendLine($"- {violation.Id} [{violation.Impact}]: {violation.Help} ({violation.HelpUrl})");
            foreach (var node in violation.Nodes)
            {
                report.AppendLine($"    at {node.Target}: {node.Html}");
                foreach (var check in (node.All ?? []).Concat(node.None ?? []))
                    report.AppendLine($"      fix: {check.Message}");
                if (node.Any is { Length: > 0 } any)
                    report.AppendLine($"      fix any of: {string.Join(" | ", any.Select(c => c.Message))}");
            }
        }
        Assert.Fail(report.ToString());
    }

    /// <summary>
    /// axe-core is itself JavaScript, which this page may not run. So check the same markup (the
    /// DOM as the server sent it, untouched by any script) in a scratch page that may run scripts
    /// but is given none of the app's: only the stylesheets load, as they do with scripting off.
    /// </summary>
    private async Task<AxeResult> RunAxeOnCopyAsync()
    {
        var html = await Page.ContentAsync();
        var url = Page.Url;
        await using var scratch = await _fixture.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = Page.ViewportSize is { } size ? new ViewportSize { Width = size.Width, Height = size.Height } : null,
        });
        var copy = await scratch.NewPageAsync();
        await copy.RouteAsync("**/*", async route =>
        {
            if (route.Request.IsNavigationRequest)
                await route.FulfillAsync(new RouteFulfillOptions { Status = 200, ContentType = "text/html; charset=utf-8", Body = html });
            else if (route.Request.ResourceType == "script")
                await route.AbortAsync();
            else
                await route.ContinueAsync();
        });
        await copy.GotoAsync(url);
        return await copy.RunAxe(WcagAA);
    }

    public void ShouldHaveNoConsoleErrors()
    {
        lock (_consoleErrors)
            Assert.True(_consoleErrors.Count == 0, "The browser console reported errors:\n" + string.Join("\n", _consoleErrors));
    }

    /// <summary>A full-page PNG in the results folder, named for what it shows.</summary>
    public async Task<string> ScreenshotAsync(string name)
    {
        Directory.CreateDirectory(_fixture.ScreenshotDirectory);
        var path = Path.Combine(_fixture.ScreenshotDirectory, name + ".png");
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        return path;
    }

    public async ValueTask DisposeAsync() => await _context.DisposeAsync();
}
