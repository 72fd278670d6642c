using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Sightline.Core;
using static Microsoft.Playwright.Assertions;

namespace Sightline.Browser.Tests;

/// <summary>
/// Issue 7's meeting journey in Chromium on the demo: the MACE chair arranges a meeting whose agenda
/// is built from the SEAM referrals and the young people held, issues it, records attendance, a
/// decision and two actions, and downloads the minutes; the tracker and findings read back; a member
/// sees the panel's network, graph drawn. Every page passes axe-core.
/// </summary>
public sealed class PanelJourneyTests(BrowserFixture browser)
{
    private static readonly Regex MeetingUrl = new(@"/panels/meetings/(?<id>[0-9a-f-]{36})(\?.*)?(#.*)?$");

    [Fact(Timeout = BrowserFixture.TestTimeout)]
    public async Task The_chair_builds_an_agenda_records_the_meeting_with_two_actions_and_exports_the_minutes()
    {
        await using var chair = await browser.OpenSessionAsync();
        var page = chair.Page;
        await chair.SignInAsync("manager@sightline.example");
        await chair.GoToAsync("/panels");
        await chair.ShouldBeAccessibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Exploitation panel (MACE)" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Exploitation panel (MACE)", Level = 1 })).ToBeVisibleAsync();
        await chair.ShouldBeAccessibleAsync();

        // A meeting a month and a bit ahead: its agenda is built from the referrals and the young people held.
        var date = TimeProvider.System.LondonToday().AddDays(40);
        await page.Locator("[name='date.Day']").FillAsync(date.Day.ToString());
        await page.Locator("[name='date.Month']").FillAsync(date.Month.ToString());
        await page.Locator("[name='date.Year']").FillAsync(date.Year.ToString());
        await page.GetByRole(AriaRole.Button, new() { Name = "Arrange the meeting" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(MeetingUrl);
        var meetingPath = new Uri(page.Url).AbsolutePath;
        await Expect(page.Locator("#agenda-items")).ToBeVisibleAsync();
        await chair.ShouldBeAccessibleAsync();
        if (await page.GetByRole(AriaRole.Button, new() { Name = "Move up" }).CountAsync() > 0)
            await page.GetByRole(AriaRole.Button, new() { Name = "Move up" }).Last.ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Issue the agenda" }).ClickAsync();
        await Expect(page.Locator("main")).ToContainTextAsync("Agenda issued");
        await chair.ShouldBeAccessibleAsync();

        // Attendance, then the first item's discussion and decision.
        var agencies = page.Locator("input[type=radio][value='Present']");
        for (var i = 0; i < await agencies.CountAsync(); i++) await agencies.Nth(i).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save attendance" }).ClickAsync();
        await page.Locator("#agenda-items a[href*='/items/']").First.ClickAsync();
        await chair.ShouldBeAccessibleAsync();
        await page.GetByLabel("Discussion").FillAsync("School and police shared updates; the safety plan is working but the older associate is still around.");
        await page.GetByLabel("High", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Remain open to the panel").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(MeetingUrl);

        foreach (var (title, owner) in new[] { ("Joint visit with the exploitation officer", "Police"), ("Share the missing chronology", "Children's Social Care") })
        {
            await chair.GoToAsync(meetingPath + "/actions/new");
            await chair.ShouldBeAccessibleAsync();
            await page.GetByLabel("Action", new() { Exact = true }).FillAsync(title);
            await page.GetByLabel("Who will do it").SelectOptionAsync(new SelectOptionValue { Label = owner });
            var due = date.AddDays(14);
            await page.Locator("[name='dueDate.Day']").FillAsync(due.Day.ToString());
            await page.Locator("[name='dueDate.Month']").FillAsync(due.Month.ToString());
            await page.Locator("[name='dueDate.Year']").FillAsync(due.Year.ToString());
            await page.GetByRole(AriaRole.Button, new() { Name = "Add the action" }).ClickAsync();
            await Expect(page.Locator("#action-list")).ToContainTextAsync(title);
        }
        await Expect(page.Locator("main")).ToContainTextAsync("the older associate is still around");
        await chair.ShouldBeAccessibleAsync();

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Download the minutes (PDF)" }).ClickAsync());
        Assert.EndsWith(".pdf", download.SuggestedFilename);

        await chair.GoToAsync("/panels/actions?status=All");
        await Expect(page.Locator("main")).ToContainTextAsync("Joint visit with the exploitation officer");
        await Expect(page.Locator("#completion")).ToBeVisibleAsync();
        await chair.ShouldBeAccessibleAsync();
        await chair.GoToAsync("/panels/findings");
        await chair.ShouldBeAccessibleAsync();
        chair.ShouldHaveNoConsoleErrors();

        // A member (the police practitioner) sees the panel's network: the young people on the issued agenda,
        // the persons of concern and places around them, the list and the drawn graph.
        await using var member = await browser.OpenSessionAsync();
        var memberPage = member.Page;
        await member.SignInAsync("police@sightline.example");
        await member.GoToAsync("/panels");
        await memberPage.GetByRole(AriaRole.Link, new() { Name = "Exploitation panel (MACE)" }).ClickAsync();
        await memberPage.GetByRole(AriaRole.Link, new() { Name = "The panel's network" }).ClickAsync();
        await Expect(memberPage.GetByRole(AriaRole.Heading, new() { Name = "Network of Exploitation panel (MACE)", Level = 1 })).ToBeVisibleAsync();
        await Expect(memberPage.Locator("#network-table")).ToBeVisibleAsync();
        await Expect(memberPage.Locator("#network-graph[data-rendered]")).ToBeVisibleAsync();
        Assert.True(int.Parse(await memberPage.Locator("#network-graph").GetAttributeAsync("data-rendered") ?? "0") > 1);
        await member.ShouldBeAccessibleAsync();
        member.ShouldHaveNoConsoleErrors();
    }
}
