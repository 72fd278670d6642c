using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Sightline.Core.Demo;
using Sightline.TestKit;
using static Microsoft.Playwright.Assertions;

namespace Sightline.Browser.Tests;

public sealed class SignInTests(BrowserFixture browser)
{
    [Fact(Timeout = BrowserFixture.TestTimeout)]
    public async Task An_empty_sign_in_shows_the_error_summary_linking_to_each_field()
    {
        await using var session = await browser.OpenSessionAsync();
        var page = session.Page;
        await session.GoToAsync("/sign-in");

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        await Expect(page).ToHaveTitleAsync(new Regex("^Error: Sign in"));
        var summary = page.Locator(".govuk-error-summary");
        await Expect(summary.GetByRole(AriaRole.Heading, new() { Name = "There is a problem" })).ToBeVisibleAsync();
        await Expect(summary.GetByRole(AriaRole.Link, new() { Name = "Enter your email address" })).ToHaveAttributeAsync("href", "#email");
        await Expect(summary.GetByRole(AriaRole.Link, new() { Name = "Enter your password" })).ToHaveAttributeAsync("href", "#password");
        // Each field shows its own message, announced with the field.
        await Expect(page.GetByLabel("Email address")).ToHaveAttributeAsync("aria-describedby", new Regex(@"\bemail-error\b"));
        await Expect(page.Locator("#email-error")).ToContainTextAsync("Enter your email address");
        await Expect(page.Locator("#password-error")).ToContainTextAsync("Enter your password");
        await session.ShouldBeAccessibleAsync();
        await session.ScreenshotAsync("sign-in-errors");

        // GOV.UK Frontend moves focus to the summary, and a link in it to the field.
        await Expect(summary).ToBeFocusedAsync();
        await summary.GetByRole(AriaRole.Link, new() { Name = "Enter your email address" }).ClickAsync();
        await Expect(page.GetByLabel("Email address")).ToBeFocusedAsync();
        session.ShouldHaveNoConsoleErrors();
    }

    [Fact(Timeout = BrowserFixture.TestTimeout)]
    public async Task The_administrator_signs_in_with_an_authenticator_code_and_reaches_the_home_page()
    {
        await using var session = await browser.OpenSessionAsync();
        var page = session.Page;
        await session.SignInAsync("admin@sightline.example");

        await Expect(page).ToHaveURLAsync(new Regex("/account/two-factor"));
        var code = page.GetByLabel("Enter the 6-digit code from your authenticator app");
        await Expect(code).ToBeVisibleAsync();
        await session.ShouldBeAccessibleAsync();

        await code.FillAsync(Totp.Code(DemoPartnership.DemoAdministratorAuthenticatorKey));
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex(@"^http://[^/]+/$"));
        await Expect(page.GetByText("Welcome, Adam Administrator.")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Administration" })).ToBeVisibleAsync();
        await session.ShouldBeAccessibleAsync();
        session.ShouldHaveNoConsoleErrors();
    }
}
