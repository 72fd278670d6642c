using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Sightline.Core;
using static Microsoft.Playwright.Assertions;

namespace Sightline.Browser.Tests;

/// <summary>From the record to its full chronology: filter it, make a mistake, print it. Accessible with JavaScript on and off.</summary>
public sealed class ChronologyJourneyTests(BrowserFixture browser)
{
    [Theory(Timeout = BrowserFixture.TestTimeout)]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_practitioner_filters_the_chronology_corrects_a_date_and_prints_it(bool javaScript)
    {
        await using var session = await browser.OpenSessionAsync(javaScriptEnabled: javaScript);
        var page = session.Page;
        await session.SignInAsync("practitioner@sightline.example");
        await session.GoToAsync("/people?q=a");
        await page.Locator("table.govuk-table tbody tr").First.GetByRole(AriaRole.Link).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex(@"/people/[0-9a-f-]{36}$"));

        await page.GetByRole(AriaRole.Link, new() { Name = "Full chronology (filter, print, PDF)" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex(@"/people/[0-9a-f-]{36}/chronology$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Chronology", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.Locator("#entries li").First).ToBeVisibleAsync();
        await session.ShouldBeAccessibleAsync();

        // Only the record's creation, from a date long ago: one entry.
        await page.GetByText("Filter by kind or date").ClickAsync();
        await page.GetByLabel("Record", new() { Exact = true }).CheckAsync();
        await page.Locator("[name='from.Day']").FillAsync("1");
        await page.Locator("[name='from.Month']").FillAsync("1");
        await page.Locator("[name='from.Year']").FillAsync("2000");
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply filter" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex(@"kind=Record"));
        await Expect(page.Locator("#entries-heading")).ToHaveTextAsync(new Regex("^1 entry"));
        await Expect(page.Locator("#entries")).ToContainTextAsync("Record created");
        await Expect(page.GetByLabel("Record", new() { Exact = true })).ToBeCheckedAsync();
        await session.ShouldBeAccessibleAsync();
        if (javaScript) await session.ScreenshotAsync("chronology-filtered");

        // An impossible date is explained, linked to its field.
        await page.Locator("[name='to.Day']").FillAsync("31");
        await page.Locator("[name='to.Month']").FillAsync("2");
        await page.Locator("[name='to.Year']").FillAsync(TimeProvider.System.LondonToday().Year.ToString());
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply filter" }).ClickAsync();
        await Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("The to date must be a real date");
        await Expect(page).ToHaveTitleAsync(new Regex("^Error:"));
        await session.ShouldBeAccessibleAsync();

        // Corrected, then the version for printing.
        await page.Locator("[name='to.Day']").FillAsync("");
        await page.Locator("[name='to.Month']").FillAsync("");
        await page.Locator("[name='to.Year']").FillAsync("");
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply filter" }).ClickAsync();
        await Expect(page.Locator(".govuk-error-summary")).ToHaveCountAsync(0);
        await page.GetByRole(AriaRole.Link, new() { Name = "Print this chronology" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex(@"/chronology\?kind=Record&from=2000-01-01&print=true$"));
        await Expect(page.Locator("form#filter")).ToHaveCountAsync(0);
        await Expect(page.Locator("#entries")).ToContainTextAsync("Record created");
        await session.ShouldBeAccessibleAsync();
        session.ShouldHaveNoConsoleErrors();
    }
}
