using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Sightline.Browser.Tests;

/// <summary>Progressive enhancement: everything a practitioner needs works with JavaScript off.</summary>
public sealed class WithoutJavaScriptTests(BrowserFixture browser)
{
    [Fact(Timeout = BrowserFixture.TestTimeout)]
    public async Task A_practitioner_signs_in_searches_and_opens_a_record_without_javascript()
    {
        await using var session = await browser.OpenSessionAsync(javaScriptEnabled: false);
        var page = session.Page;
        await session.SignInAsync("practitioner@sightline.example");
        await Expect(page.Locator("body")).Not.ToHaveClassAsync(new Regex(@"\bjs-enabled\b"));
        await Expect(page.GetByText("Welcome, Priya Practitioner.")).ToBeVisibleAsync();

        // The home page's own search form.
        await page.GetByLabel("Find a young person by name or reference").FillAsync("e");
        await page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex(@"/people\?q=e"));
        await Expect(page.Locator("#results")).ToContainTextAsync(new Regex(@"^[1-9]\d* young (person|people) found$"));
        await session.ShouldBeAccessibleAsync();
        await session.ScreenshotAsync("search-results-without-javascript");

        // Twenty to a page: the next page is a plain link.
        await page.GetByRole(AriaRole.Link, new() { Name = "Next page" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex(@"[?&]page=2\b"));
        await Expect(page.Locator(".govuk-pagination__item--current")).ToHaveTextAsync("2");
        await Expect(page.Locator("table.govuk-table tbody tr").First).ToBeVisibleAsync();
        await session.ShouldBeAccessibleAsync();

        var first = page.Locator("table.govuk-table tbody tr").First.GetByRole(AriaRole.Link);
        var listedName = (await first.InnerTextAsync()).Trim();
        await first.ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex(@"/people/[0-9a-f-]{36}$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync(listedName.Split(',')[0].Trim());
        await session.ShouldBeAccessibleAsync();
    }
}
