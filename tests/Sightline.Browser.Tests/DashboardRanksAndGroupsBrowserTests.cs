using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Sightline.Core.Demo;
using Sightline.TestKit;
using static Microsoft.Playwright.Assertions;

namespace Sightline.Browser.Tests;

/// <summary>The dashboard's rank chart and "Compare with" choice, and the area group administration, in a real
/// browser with axe-core (charts included).</summary>
public sealed class DashboardRanksAndGroupsBrowserTests(BrowserFixture browser)
{
    [Fact(Timeout = BrowserFixture.TestTimeout)]
    public async Task An_analyst_sees_the_rank_chart_and_its_table_and_compares_with_another_group()
    {
        await using var session = await browser.OpenSessionAsync();
        var page = session.Page;
        await session.SignInAsync("analyst@sightline.example");
        await session.GoToAsync("/insights/dashboard?area=Barnet&chart=robbery");
        if (await page.Locator("#no-data").CountAsync() > 0)
            Assert.Skip("The demo found no MPS files (SIGHTLINE_DATA or shared/data): the dashboard has no figures to chart.");

        var chart = page.GetByRole(AriaRole.Img, new() { Name = "Robbery: London and similar group rank by month" });
        await Expect(chart).ToBeVisibleAsync();
        var ranks = page.Locator("details", new() { Has = page.Locator("#rank-table") });
        await ranks.Locator("summary").ClickAsync();
        await Expect(page.Locator("#rank-table tbody tr")).ToHaveCountAsync(12);
        await session.ShouldBeAccessibleAsync();

        await page.GetByLabel("Compare with").SelectOptionAsync(new SelectOptionValue { Label = "London boroughs" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Show dashboard" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("group=london"));
        await Expect(page.Locator("#similar-group")).ToContainTextAsync("London boroughs");
        await session.ShouldBeAccessibleAsync();
        session.ShouldHaveNoConsoleErrors();
    }

    [Fact(Timeout = BrowserFixture.TestTimeout)]
    public async Task An_administrator_adds_an_area_group_after_fixing_the_errors()
    {
        await using var session = await browser.OpenSessionAsync();
        var page = session.Page;
        await session.SignInAsync("admin@sightline.example");
        await page.GetByLabel("Enter the 6-digit code from your authenticator app").FillAsync(Totp.Code(DemoPartnership.DemoAdministratorAuthenticatorKey));
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex(@"^http://[^/]+/$"));

        await session.GoToAsync("/admin/area-groups/add");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add area group" }).ClickAsync();
        var summary = page.Locator(".govuk-error-summary");
        await Expect(summary.GetByRole(AriaRole.Link, new() { Name = "Enter the group's name" })).ToHaveAttributeAsync("href", "#name");
        await Expect(summary.GetByRole(AriaRole.Link, new() { Name = "Select at least 2 areas" })).ToHaveAttributeAsync("href", "#members");
        await session.ShouldBeAccessibleAsync();

        var name = $"Browser group {Guid.NewGuid().ToString("N")[..6]}";
        await page.GetByLabel("Name").FillAsync(name);
        await page.GetByLabel("Barnet", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Camden", new() { Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Add area group" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/admin/area-groups\\?done=added"));
        await Expect(page.Locator("#area-groups")).ToContainTextAsync(name);
        await session.ShouldBeAccessibleAsync();
        session.ShouldHaveNoConsoleErrors();
    }
}
