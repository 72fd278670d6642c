using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Sightline.Core;
using Sightline.Core.Assessments;
using static Microsoft.Playwright.Assertions;

namespace Sightline.Browser.Tests;

/// <summary>
/// Issue 3's journey end to end in Chromium: a practitioner screens a young person with SAFEGUARD,
/// completes a SEAM and submits it; their team manager approves it at Very high; the record shows the
/// referral to MACE and the senior manager finds the notification. Every page passes axe-core.
/// </summary>
public sealed class SeamJourneyTests(BrowserFixture browser)
{
    private static readonly Regex RecordUrl = new(@"/people/(?<id>[0-9a-f-]{36})(\?.*)?(#.*)?$");
    private static readonly Regex SeamUrl = new(@"/seam/(?<id>[0-9a-f-]{36})(\?.*)?(#.*)?$");

    [Fact(Timeout = BrowserFixture.TestTimeout)]
    public async Task A_practitioner_screens_and_assesses_a_manager_approves_at_very_high_and_the_senior_manager_is_told()
    {
        var surname = "Seamtest" + Guid.NewGuid().ToString("N")[..6];
        string recordPath;
        string seamPath;

        await using (var practitioner = await browser.OpenSessionAsync())
        {
            var page = practitioner.Page;
            await practitioner.SignInAsync("practitioner@sightline.example");

            // A new young person, so no earlier assessment pre-fills the form.
            await practitioner.GoToAsync("/people/new");
            await page.GetByLabel("First name").FillAsync("Jordan");
            await page.GetByLabel("Last name").FillAsync(surname);
            await page.Locator("[name='dateOfBirth.Day']").FillAsync("14");
            await page.Locator("[name='dateOfBirth.Month']").FillAsync("6");
            await page.Locator("[name='dateOfBirth.Year']").FillAsync((TimeProvider.System.LondonToday().Year - 15).ToString());
            await page.GetByLabel("Female", new() { Exact = true }).CheckAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
            await Expect(page).ToHaveURLAsync(RecordUrl);
            recordPath = new Uri(page.Url).AbsolutePath;
            await Expect(page.Locator("#risk-referral")).ToContainTextAsync("No open referral");

            // SAFEGUARD: three areas of concern, and the practitioner's decision to hold a strategy meeting.
            await page.GetByRole(AriaRole.Link, new() { Name = "Record a SAFEGUARD screen" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Record a SAFEGUARD screen", Level = 1 })).ToBeVisibleAsync();
            await practitioner.ShouldBeAccessibleAsync();
            var concerns = new[] { "absent", "gangs", "gifts-money" };
            foreach (var area in SafeguardAreas.All)
            {
                var concern = concerns.Contains(area.Key);
                await page.Locator($"input[name='areas.{area.Key}.concern'][value='{(concern ? "yes" : "no")}']").CheckAsync();
                if (concern) await page.Locator($"textarea[name='areas.{area.Key}.seen']").FillAsync($"Reported by the school this week ({area.Title}).");
            }
            await page.Locator("input[name='holdStrategyMeeting'][value='yes']").CheckAsync();
            await page.GetByLabel("Reason for your decision").FillAsync("Missing episodes, new older associates and unexplained money together.");
            await page.GetByRole(AriaRole.Button, new() { Name = "Save screen" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "SAFEGUARD screen", Level = 1 })).ToBeVisibleAsync();
            await Expect(page.GetByText("3 of 9 areas of concern").First).ToBeVisibleAsync();
            await practitioner.ShouldBeAccessibleAsync();

            // SEAM on the 2020 form: eight domains at 5 is 40, Very high. One piece of evidence uses a phrase the
            // language guidance picks up; the save goes through all the same.
            await page.GetByRole(AriaRole.Button, new() { Name = "Start a SEAM assessment" }).ClickAsync();
            await practitioner.ShouldBeAccessibleAsync();
            foreach (var (domain, i) in SeamForms.V2020.Domains.Select((d, i) => (d, i)))
            {
                var score = i < 8 ? 5 : 0;
                await page.Locator($"input[name='scores.{domain.Key}.score'][value='{score}']").CheckAsync();
                if (score > 0)
                    await page.Locator($"textarea[name='scores.{domain.Key}.evidence']").FillAsync(
                        i == 1 ? "Carer says she keeps putting herself at risk by going missing overnight." : $"Evidence from the network about {domain.Title.ToLowerInvariant()}.");
            }
            await page.Locator("input[name='youngPersonPerception'][value='Medium']").CheckAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Save as a draft" }).ClickAsync();
            await Expect(page).ToHaveURLAsync(SeamUrl);
            seamPath = new Uri(page.Url).AbsolutePath;
            await Expect(page.Locator("main")).ToContainTextAsync("40");
            await Expect(page.Locator("main")).ToContainTextAsync("Very high");
            await Expect(page.Locator("main")).ToContainTextAsync("putting herself at risk");
            await Expect(page.Locator("main")).ToContainTextAsync("The child may have been groomed.");
            await practitioner.ShouldBeAccessibleAsync();

            await page.GetByRole(AriaRole.Button, new() { Name = "Submit for approval" }).ClickAsync();
            await Expect(page.GetByText("Assessment submitted for approval")).ToBeVisibleAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Waiting for approval");
            await practitioner.ShouldBeAccessibleAsync();
            practitioner.ShouldHaveNoConsoleErrors();
        }

        await using (var manager = await browser.OpenSessionAsync())
        {
            var page = manager.Page;
            await manager.SignInAsync("manager@sightline.example");
            await manager.GoToAsync("/assessments");
            await Expect(page.Locator("main")).ToContainTextAsync(surname);
            await manager.GoToAsync(seamPath);
            await page.GetByRole(AriaRole.Button, new() { Name = "Approve or return" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Approve or return the SEAM assessment", Level = 1 })).ToBeVisibleAsync();
            await manager.ShouldBeAccessibleAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Approve the assessment" }).ClickAsync();
            await Expect(page).ToHaveURLAsync(SeamUrl);
            await Expect(page.GetByText("Referred to the exploitation panel (MACE), and every senior manager has been notified.").First).ToBeVisibleAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Approved");
            await manager.ShouldBeAccessibleAsync();

            await manager.GoToAsync(recordPath);
            await Expect(page.Locator("#risk-referral")).ToContainTextAsync("Referred");
            await Expect(page.Locator(".sl-chronology")).ToContainTextAsync("Referred to the exploitation panel (MACE)");
            manager.ShouldHaveNoConsoleErrors();
        }

        await using var senior = await browser.OpenSessionAsync();
        var seniorPage = senior.Page;
        await senior.SignInAsync("senior@sightline.example");
        await Expect(seniorPage.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Notifications") })).ToBeVisibleAsync();
        await senior.GoToAsync("/notifications");
        var reference = await FindReferenceAsync(senior, recordPath);
        await Expect(seniorPage.Locator("main")).ToContainTextAsync($"Very high risk: SEAM assessment approved for {reference}");
        await senior.GoToAsync(recordPath + "/seam");
        await Expect(seniorPage.Locator("svg.sl-trend")).ToBeVisibleAsync();
        senior.ShouldHaveNoConsoleErrors();
    }

    private static async Task<string> FindReferenceAsync(BrowserSession session, string recordPath)
    {
        var page = session.Page;
        var back = page.Url;
        await session.GoToAsync(recordPath);
        var reference = (await page.Locator(".govuk-caption-l").First.InnerTextAsync()).Trim();
        await session.GoToAsync(new Uri(back).AbsolutePath);
        Assert.Matches("^SL-", reference);
        return reference;
    }
}
