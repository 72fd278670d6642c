using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Sightline.Core;
using static Microsoft.Playwright.Assertions;

namespace Sightline.Browser.Tests;

/// <summary>
/// Issue 4's journey in Chromium: a practitioner records a missing episode, the return and a return
/// home interview inside 72 hours; it shows on the young person's chronology, and the board figures an
/// analyst reads count it — without a name. Every page passes axe-core.
/// </summary>
public sealed class MissingJourneyTests(BrowserFixture browser)
{
    private static readonly Regex RecordUrl = new(@"/people/(?<id>[0-9a-f-]{36})(\?.*)?(#.*)?$");

    [Fact(Timeout = BrowserFixture.TestTimeout)]
    public async Task A_practitioner_records_an_episode_the_return_and_an_interview_in_time_and_the_board_figures_count_it()
    {
        var surname = "Missingtest" + Guid.NewGuid().ToString("N")[..6];
        var today = TimeProvider.System.LondonToday();
        var lastSeen = today.AddDays(-2);
        var returned = today.AddDays(-1);

        await using var analyst = await browser.OpenSessionAsync();
        await analyst.SignInAsync("analyst@sightline.example");
        var (episodesBefore, inTimeBefore) = await BoardFiguresAsync(analyst);

        await using (var practitioner = await browser.OpenSessionAsync())
        {
            var page = practitioner.Page;
            await practitioner.SignInAsync("practitioner@sightline.example");
            await practitioner.GoToAsync("/people/new");
            await page.GetByLabel("First name").FillAsync("Riley");
            await page.GetByLabel("Last name").FillAsync(surname);
            await page.Locator("[name='dateOfBirth.Day']").FillAsync("3");
            await page.Locator("[name='dateOfBirth.Month']").FillAsync("9");
            await page.Locator("[name='dateOfBirth.Year']").FillAsync((today.Year - 14).ToString());
            await page.GetByLabel("Male", new() { Exact = true }).CheckAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
            await Expect(page).ToHaveURLAsync(RecordUrl);
            var recordPath = new Uri(page.Url).AbsolutePath;

            // The episode: missing from home, reported to the police, not yet back.
            await page.GetByRole(AriaRole.Link, new() { Name = "Record a missing episode" }).First.ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Record a missing episode", Level = 1 })).ToBeVisibleAsync();
            await practitioner.ShouldBeAccessibleAsync();
            await page.Locator("input[name='category'][value='Missing']").CheckAsync();
            await page.Locator("input[name='from'][value='Home']").CheckAsync();
            await FillDateAsync(page, "lastSeen", lastSeen);
            await page.GetByLabel("Time last seen").FillAsync("21:30");
            await FillDateAsync(page, "reportedToPolice", lastSeen);
            await page.GetByLabel("Time reported to the police").FillAsync("22:15");
            await page.GetByLabel("Police reference (optional)").FillAsync("CAD 4321/TEST");
            await page.Locator("input[name='policeRiskGrading'][value='Medium']").CheckAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Save episode" }).ClickAsync();
            await Expect(page.Locator("main")).ToContainTextAsync("Open");
            await practitioner.ShouldBeAccessibleAsync();

            // The return, the next morning.
            await page.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Record the return") }).First.ClickAsync();
            await practitioner.ShouldBeAccessibleAsync();
            await FillDateAsync(page, "returned", returned);
            await page.GetByLabel("Time they returned or were found").FillAsync("09:00");
            await page.GetByLabel("Where they were found (optional)").FillAsync("Burnt Oak station");
            await page.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();
            await Expect(page.Locator("main")).Not.ToContainTextAsync("There is a problem");

            // The interview, seven and a half hours after the return.
            await practitioner.GoToAsync(recordPath + "/missing");
            await page.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Record the interview") }).First.ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Return home interview", Level = 1 })).ToBeVisibleAsync();
            await practitioner.ShouldBeAccessibleAsync();
            await FillDateAsync(page, "offered", returned);
            await page.GetByLabel("Time offered").FillAsync("10:00");
            await page.GetByLabel("Offered by").FillAsync("Independent RHI worker, Children's Society");
            await page.GetByLabel("Accepted", new() { Exact = true }).CheckAsync();
            await FillDateAsync(page, "completed", returned);
            await page.GetByLabel("Time completed").FillAsync("16:30");
            await page.GetByLabel("Agency that completed the interview").SelectOptionAsync(new SelectOptionValue { Label = "Children's Social Care" });
            await page.GetByLabel("Worker who completed the interview").FillAsync("Independent RHI worker");
            await page.GetByLabel("What the young person said").FillAsync("Stayed with friends near the station; wants help with school.");
            await page.GetByRole(AriaRole.Button, new() { Name = "Save interview" }).ClickAsync();
            await Expect(page.Locator("main")).ToContainTextAsync("Completed within 72 hours");
            await practitioner.ShouldBeAccessibleAsync();

            // The chronology tells the story.
            await practitioner.GoToAsync(recordPath);
            var chronology = page.Locator(".sl-chronology");
            await Expect(chronology).ToContainTextAsync("Missing from home");
            await Expect(chronology).ToContainTextAsync("Found at Burnt Oak station");
            await Expect(chronology).ToContainTextAsync("Return home interview completed within 72 hours");
            practitioner.ShouldHaveNoConsoleErrors();
        }

        var (episodesAfter, inTimeAfter) = await BoardFiguresAsync(analyst);
        Assert.Equal(episodesBefore + 1, episodesAfter);
        Assert.Equal(inTimeBefore + 1, inTimeAfter);
        await Expect(analyst.Page.Locator("body")).Not.ToContainTextAsync(surname);
        analyst.ShouldHaveNoConsoleErrors();
    }

    private static async Task FillDateAsync(IPage page, string name, DateOnly date)
    {
        await page.Locator($"[name='{name}.Day']").FillAsync(date.Day.ToString());
        await page.Locator($"[name='{name}.Month']").FillAsync(date.Month.ToString());
        await page.Locator($"[name='{name}.Year']").FillAsync(date.Year.ToString());
    }

    /// <summary>The episodes and the interviews completed within 72 hours in the default period (the last 12 months).</summary>
    private static async Task<(int Episodes, int InTime)> BoardFiguresAsync(BrowserSession analyst)
    {
        await analyst.GoToAsync("/insights/missing");
        var headline = await analyst.Page.Locator("#headline").InnerTextAsync();
        var episodes = int.Parse(Regex.Match(headline, @"(\d+) episodes?").Groups[1].Value);
        var inTime = int.Parse(Regex.Match(await analyst.Page.Locator("#rhi-within").InnerTextAsync(), @"^\s*(\d+)").Groups[1].Value);
        return (episodes, inTime);
    }
}
