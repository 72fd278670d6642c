using System.Globalization;
using System.Text;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Sightline.Browser.Tests;

/// <summary>
/// Issue 5's journey in Chromium: an analyst imports a small MPS borough file in the page, opens the dashboard,
/// switches month and downloads the board pack. The file's months (2000–2002) are long before the demo's real
/// history, so the test's figures are its own and other tests' data is untouched. Every page passes axe-core,
/// the dashboard with its chart included.
/// </summary>
public sealed class PerformanceJourneyTests(BrowserFixture browser)
{
    /// <summary>36 months of Barnet robbery, Jan 2000 – Dec 2002, rising by one a month from 100.</summary>
    private static string MpsFile()
    {
        var months = Enumerable.Range(0, 36).Select(i => new DateOnly(2000, 1, 1).AddMonths(i)).ToList();
        var csv = new StringBuilder("MajorText,MinorText,BoroughName," + string.Join(',', months.Select(m => m.ToString("yyyyMM", CultureInfo.InvariantCulture))) + "\n");
        csv.Append("ROBBERY,ROBBERY OF PERSONAL PROPERTY,Barnet," + string.Join(',', months.Select((_, i) => 100 + i)) + "\n");
        return csv.ToString();
    }

    [Fact(Timeout = BrowserFixture.TestTimeout)]
    public async Task An_analyst_imports_a_file_opens_the_dashboard_switches_month_and_downloads_the_board_pack()
    {
        var folder = Directory.CreateTempSubdirectory("sightline-browser-import-");
        try
        {
            var file = Path.Combine(folder.FullName, "barnet-robbery-2000-2002.csv");
            await File.WriteAllTextAsync(file, MpsFile(), TestContext.Current.CancellationToken);

            await using var session = await browser.OpenSessionAsync();
            var page = session.Page;
            await session.SignInAsync("analyst@sightline.example");

            await session.GoToAsync("/insights");
            await page.GetByRole(AriaRole.Link, new() { Name = "Import performance data: crime counts and population" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Import performance data", Level = 1 })).ToBeVisibleAsync();
            await session.ShouldBeAccessibleAsync();

            // Without a file: the error summary.
            await page.GetByLabel("Metropolitan Police borough file").CheckAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Import the file" }).ClickAsync();
            await Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Select a CSV file to import");
            await session.ShouldBeAccessibleAsync();

            await page.GetByLabel("Metropolitan Police borough file").CheckAsync();
            await page.GetByLabel("Upload a file").SetInputFilesAsync(file);
            await page.GetByRole(AriaRole.Button, new() { Name = "Import the file" }).ClickAsync();
            await Expect(page.Locator("#imported")).ToContainTextAsync("barnet-robbery-2000-2002.csv imported");
            await Expect(page.Locator("#rows-read")).ToHaveTextAsync("1");
            await Expect(page.Locator("#rejected")).ToHaveTextAsync("0");
            await Expect(page.Locator("#runs")).ToContainTextAsync("barnet-robbery-2000-2002.csv");
            await session.ShouldBeAccessibleAsync();

            await page.GetByRole(AriaRole.Link, new() { Name = "Open the performance dashboard" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Performance dashboard");
            await page.GetByLabel("Area", new() { Exact = true }).SelectOptionAsync("Barnet");
            await page.GetByLabel("Month", new() { Exact = true }).FillAsync("2002-12");
            await page.GetByRole(AriaRole.Button, new() { Name = "Show dashboard" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Barnet, Dec 2002");
            await session.ShouldBeAccessibleAsync();

            await page.Locator("#previous-month").ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Barnet, Nov 2002");
            // Robbery, Sep–Nov 2002: 132 + 133 + 134 = 399.
            await Expect(page.Locator("#row-robbery")).ToContainTextAsync("399");
            await Expect(page.Locator("svg.sl-trend")).ToBeVisibleAsync();
            await session.ShouldBeAccessibleAsync();

            var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Download the board pack (PDF)" }).ClickAsync());
            Assert.Equal("board-pack-barnet-2002-11.pdf", download.SuggestedFilename);
            var bytes = await File.ReadAllBytesAsync((await download.PathAsync())!, TestContext.Current.CancellationToken);
            Assert.Equal("%PDF", Encoding.ASCII.GetString(bytes, 0, 4));
            session.ShouldHaveNoConsoleErrors();
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
