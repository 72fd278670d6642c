using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Sightline.Core;
using static Microsoft.Playwright.Assertions;

namespace Sightline.Browser.Tests;

/// <summary>
/// The network in Chromium: a practitioner links a young person to a demo place, and the network
/// page shows the link in its table, the links worth a look and the Cytoscape graph, with no
/// axe-core violations while the graph is drawn and no console errors (the CSP holds).
/// </summary>
public sealed class NetworkBrowserTests(BrowserFixture browser)
{
    private static readonly Regex RecordUrl = new(@"/people/(?<id>[0-9a-f-]{36})(\?.*)?(#.*)?$");

    [Fact(Timeout = BrowserFixture.TestTimeout)]
    public async Task A_practitioner_links_a_young_person_to_a_place_and_sees_the_network_as_a_table_and_a_graph()
    {
        var surname = "Networktest" + Guid.NewGuid().ToString("N")[..6];
        await using var practitioner = await browser.OpenSessionAsync();
        var page = practitioner.Page;
        await practitioner.SignInAsync("practitioner@sightline.example");

        await practitioner.GoToAsync("/people/new");
        await page.GetByLabel("First name").FillAsync("Robin");
        await page.GetByLabel("Last name").FillAsync(surname);
        await page.Locator("[name='dateOfBirth.Day']").FillAsync("3");
        await page.Locator("[name='dateOfBirth.Month']").FillAsync("2");
        await page.Locator("[name='dateOfBirth.Year']").FillAsync((TimeProvider.System.LondonToday().Year - 14).ToString());
        await page.GetByLabel("Male", new() { Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(RecordUrl);

        await page.Locator("#network-link").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"Network of Robin {surname}", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.Locator("main")).ToContainTextAsync("No links recorded that you can see");
        await practitioner.ShouldBeAccessibleAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Add an association" }).ClickAsync();
        await practitioner.ShouldBeAccessibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save association" }).ClickAsync();
        await Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Select who or what the young person is linked to");
        await practitioner.ShouldBeAccessibleAsync();
        await page.GetByLabel("Place", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Place (if linked to one)").SelectOptionAsync(new SelectOptionValue { Label = "Brookside Park (Park)" });
        await page.GetByLabel("Type of link").SelectOptionAsync(new SelectOptionValue { Label = "Found at when missing" });
        await page.GetByLabel("High", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Source (optional)").FillAsync("Police");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save association" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"Network of Robin {surname}", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.Locator("#network-table")).ToContainTextAsync("Brookside Park");
        // Demo young people already linked to the park show at the second step, and the shared place is worth a look.
        await Expect(page.Locator("#links-list")).ToContainTextAsync("linked to Brookside Park");
        await Expect(page.Locator("#network-graph[data-rendered]")).ToBeVisibleAsync();
        var drawn = int.Parse(await page.Locator("#network-graph").GetAttributeAsync("data-rendered") ?? "0");
        Assert.True(drawn >= 3, $"the graph drew {drawn} nodes");
        await Expect(page.Locator("#network-graph canvas").First).ToBeAttachedAsync();
        await practitioner.ShouldBeAccessibleAsync();
        practitioner.ShouldHaveNoConsoleErrors();
        await practitioner.ScreenshotAsync("network");
    }

    [Fact(Timeout = BrowserFixture.TestTimeout)]
    public async Task Without_javascript_a_named_practitioner_reads_a_person_of_concern_and_a_place_with_their_disruption()
    {
        await using var practitioner = await browser.OpenSessionAsync(javaScriptEnabled: false);
        var page = practitioner.Page;
        await practitioner.SignInAsync("practitioner@sightline.example");
        await practitioner.GoToAsync("/persons-of-concern");
        await practitioner.ShouldBeAccessibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Dean Harlow" }).ClickAsync();
        await Expect(page.Locator("#disruption-table")).ToContainTextAsync("Child abduction warning notice");
        await practitioner.ShouldBeAccessibleAsync();
        await practitioner.GoToAsync("/places");
        await page.GetByRole(AriaRole.Link, new() { Name = "Brookside Park" }).ClickAsync();
        await practitioner.ShouldBeAccessibleAsync();
    }
}
