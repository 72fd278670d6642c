using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Sightline.Browser.Tests;

/// <summary>The Vulnerable Adolescents Index in a browser: the list, its sorts and filters, and the board summary, each checked by axe-core.</summary>
public sealed class IndexBrowserTests(BrowserFixture browser)
{
    [Fact(Timeout = BrowserFixture.TestTimeout)]
    public async Task A_practitioner_filters_and_sorts_the_index_and_an_analyst_reads_the_board_summary()
    {
        await using (var practitioner = await browser.OpenSessionAsync())
        {
            var page = practitioner.Page;
            await practitioner.SignInAsync("practitioner@sightline.example");
            await page.GetByRole(AriaRole.Link, new() { Name = "Index", Exact = true }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Vulnerable Adolescents Index", Level = 1 })).ToBeVisibleAsync();
            await practitioner.ShouldBeAccessibleAsync();

            await page.GetByLabel("Show", new() { Exact = true }).SelectOptionAsync("gangs");
            await page.GetByRole(AriaRole.Button, new() { Name = "Show the list" }).ClickAsync();
            await Expect(page.Locator("#count")).ToContainTextAsync("(Gangs)");
            await page.GetByRole(AriaRole.Link, new() { Name = "Age", Exact = true }).ClickAsync();
            await Expect(page.Locator("th[aria-sort=ascending]")).ToContainTextAsync("Age");
            await practitioner.ShouldBeAccessibleAsync();

            // The wrong date is said, accessibly.
            await page.GetByLabel("Day", new() { Exact = true }).FillAsync("31");
            await page.GetByLabel("Month", new() { Exact = true }).FillAsync("2");
            await page.GetByRole(AriaRole.Button, new() { Name = "Show the list" }).ClickAsync();
            await Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("The date must be a real date");
            await practitioner.ShouldBeAccessibleAsync();
            practitioner.ShouldHaveNoConsoleErrors();
        }

        await using var analyst = await browser.OpenSessionAsync();
        await analyst.SignInAsync("analyst@sightline.example");
        await analyst.GoToAsync("/insights");
        await analyst.Page.GetByRole(AriaRole.Link, new() { Name = "Vulnerable Adolescents Index: board summary" }).ClickAsync();
        await Expect(analyst.Page.Locator("#summary-lead")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^Of the \d+ young people \(11–17\):$"));
        await Expect(analyst.Page.Locator("#rounding")).ToHaveTextAsync(Sightline.Core.VulnerableAdolescents.BoardPercent.Rule);
        await analyst.ShouldBeAccessibleAsync();
        analyst.ShouldHaveNoConsoleErrors();
    }
}
