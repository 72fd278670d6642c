using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Sightline.Browser.Tests;

public sealed class InsightsTests(BrowserFixture browser)
{
    [Fact(Timeout = BrowserFixture.TestTimeout)]
    public async Task An_analyst_sees_counts_across_the_partnership_without_names()
    {
        await using var session = await browser.OpenSessionAsync();
        var page = session.Page;
        await session.SignInAsync("analyst@sightline.example");
        await session.ShouldBeAccessibleAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Young people" })).ToHaveCountAsync(0);

        await session.GoToAsync("/insights");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Insights", Level = 1 })).ToBeVisibleAsync();
        // Other tests share the server and may add young people: at least the demo's are counted.
        var onRecord = await page.GetByText(new System.Text.RegularExpressions.Regex(@"^Young people on record: \d+$")).InnerTextAsync();
        Assert.InRange(int.Parse(onRecord.Split(':')[1].Trim()), BrowserFixture.DemoPeople, BrowserFixture.DemoPeople + 10);
        var table = page.GetByRole(AriaRole.Table, new() { Name = "Young people with each current flag" });
        await Expect(table.GetByRole(AriaRole.Cell, new() { Name = "Gangs", Exact = true })).ToBeVisibleAsync();
        session.ShouldHaveNoConsoleErrors();
    }
}
