using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Sightline.Core;
using static Microsoft.Playwright.Assertions;

namespace Sightline.Browser.Tests;

/// <summary>
/// The core journey: a practitioner finds a young person and records a concern; their team manager
/// then sees, on the record's own page, who looked at it and what they changed.
/// </summary>
public sealed class RecordJourneyTests(BrowserFixture browser)
{
    private static readonly Regex RecordUrl = new(@"/people/(?<id>[0-9a-f-]{36})(#.*)?$");

    [Fact(Timeout = BrowserFixture.TestTimeout)]
    public async Task A_practitioner_adds_a_gangs_flag_and_their_manager_sees_the_view_and_the_change_in_the_access_history()
    {
        string recordPath;
        string fullName;

        await using (var practitioner = await browser.OpenSessionAsync())
        {
            var page = practitioner.Page;
            await practitioner.SignInAsync("practitioner@sightline.example");
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sightline", Level = 1 })).ToBeVisibleAsync();
            await Expect(page.GetByText("Welcome, Priya Practitioner.")).ToBeVisibleAsync();
            await practitioner.ShouldBeAccessibleAsync();

            // Find someone by part of a name, then narrow the search to their surname.
            await practitioner.GoToAsync("/people");
            await SearchAsync(practitioner, "a");
            var firstResult = page.Locator("table.govuk-table tbody tr").First.GetByRole(AriaRole.Link);
            var listedName = (await firstResult.InnerTextAsync()).Trim(); // "Surname, First"
            var surname = listedName.Split(',')[0].Trim();
            fullName = listedName.Split(',')[1].Trim() + " " + surname;
            await SearchAsync(practitioner, surname);
            await Expect(page.Locator("table.govuk-table tbody")).ToContainTextAsync(listedName);

            await page.GetByRole(AriaRole.Link, new() { Name = listedName, Exact = true }).First.ClickAsync();
            await Expect(page).ToHaveURLAsync(RecordUrl);
            recordPath = new Uri(page.Url).AbsolutePath;
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync(fullName);
            await practitioner.ShouldBeAccessibleAsync();

            // Demo people may already have had a gangs flag: count the chronology's entries before and after.
            var gangsEntries = page.Locator(".sl-chronology__item").Filter(new() { HasText = "Flag added: Gangs" });
            var before = await gangsEntries.CountAsync();

            await page.GetByRole(AriaRole.Link, new() { Name = "Add a flag" }).ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex("/flags/add$"));
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Add a flag", Level = 1 })).ToBeVisibleAsync();
            await practitioner.ShouldBeAccessibleAsync();
            await practitioner.ScreenshotAsync("add-flag");

            var today = TimeProvider.System.LondonToday();
            await page.GetByLabel("Gangs", new() { Exact = true }).CheckAsync();
            await page.Locator("[name='startDate.Day']").FillAsync(today.Day.ToString());
            await page.Locator("[name='startDate.Month']").FillAsync(today.Month.ToString());
            await page.Locator("[name='startDate.Year']").FillAsync(today.Year.ToString());
            await page.GetByRole(AriaRole.Button, new() { Name = "Add flag" }).ClickAsync();

            await Expect(page).ToHaveURLAsync(new Regex(Regex.Escape(recordPath) + "#chronology$"));
            await Expect(gangsEntries).ToHaveCountAsync(before + 1);
            await Expect(page.Locator(".sl-chronology")).ToContainTextAsync("Flag added: Gangs");
            await Expect(page.GetByRole(AriaRole.Table, new() { Name = "Current flags" })).ToContainTextAsync("Gangs");
            await practitioner.ShouldBeAccessibleAsync();
            await practitioner.ScreenshotAsync("record-page");

            await practitioner.GoToAsync(recordPath + "/edit");
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Change personal details", Level = 1 })).ToBeVisibleAsync();
            await Expect(page.GetByLabel("Last name")).ToHaveValueAsync(surname);

            practitioner.ShouldHaveNoConsoleErrors();
        }

        await using var manager = await browser.OpenSessionAsync();
        var managerPage = manager.Page;
        await manager.SignInAsync("manager@sightline.example");
        await manager.ShouldBeAccessibleAsync();
        await manager.GoToAsync(recordPath);
        await Expect(managerPage.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync(fullName);

        await managerPage.GetByRole(AriaRole.Link, new() { Name = "Who has looked at this record" }).ClickAsync();
        await Expect(managerPage).ToHaveURLAsync(new Regex(Regex.Escape(recordPath) + "/access-history$"));
        await Expect(managerPage.GetByRole(AriaRole.Heading, new() { Name = "Who has looked at this record", Level = 1 })).ToBeVisibleAsync();
        await manager.ShouldBeAccessibleAsync();
        await manager.ScreenshotAsync("access-history");

        var rows = managerPage.Locator("table.govuk-table tbody tr");
        var practitionerRows = rows.Filter(new() { HasText = "Priya Practitioner" });
        await Expect(practitionerRows.Filter(new() { HasText = "View person" }).First).ToBeVisibleAsync();
        await Expect(practitionerRows.Filter(new() { HasText = "Create flag" })).ToHaveCountAsync(1);
        // The manager's own look is recorded too.
        await Expect(rows.Filter(new() { HasText = "Tom Teammanager" }).Filter(new() { HasText = "View person" }).First).ToBeVisibleAsync();

        // From a name to everything that person has done.
        await practitionerRows.First.GetByRole(AriaRole.Link, new() { Name = "Priya Practitioner" }).ClickAsync();
        await Expect(managerPage).ToHaveURLAsync(new Regex("/oversight/users/[0-9a-f-]{36}$"));
        await Expect(managerPage.GetByRole(AriaRole.Heading, new() { Name = "Priya Practitioner", Level = 1 })).ToBeVisibleAsync();
        await Expect(managerPage.Locator("table.govuk-table tbody tr").Filter(new() { HasText = "Create flag" })).ToHaveCountAsync(1);
        await manager.ShouldBeAccessibleAsync();

        await manager.GoToAsync("/oversight");
        await Expect(managerPage.GetByRole(AriaRole.Heading, new() { Name = "Oversight", Level = 1 })).ToBeVisibleAsync();
        manager.ShouldHaveNoConsoleErrors();
    }

    private static async Task SearchAsync(BrowserSession session, string text)
    {
        var page = session.Page;
        await page.GetByLabel("Name or Sightline reference").FillAsync(text);
        await page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex(@"/people\?q=" + Regex.Escape(Uri.EscapeDataString(text))));
        await Expect(page.Locator("#results")).ToContainTextAsync(new Regex(@"^\d+ young (person|people) found$"));
        await Expect(page.Locator("#results")).Not.ToHaveTextAsync("0 young people found");
        await session.ShouldBeAccessibleAsync();
    }
}
