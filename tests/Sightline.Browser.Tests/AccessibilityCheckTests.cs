namespace Sightline.Browser.Tests;

/// <summary>The check the other tests rely on must itself be able to fail.</summary>
public sealed class AccessibilityCheckTests(BrowserFixture browser)
{
    [Fact(Timeout = BrowserFixture.TestTimeout)]
    public async Task The_accessibility_check_fails_on_an_image_without_alternative_text()
    {
        await using var session = await browser.OpenSessionAsync();
        await session.Page.SetContentAsync(
            "<!DOCTYPE html><html lang=\"en\"><head><title>Check</title></head><body><main><h1>Check</h1><img src=\"data:,\"></main></body></html>");

        var failure = await Assert.ThrowsAnyAsync<Exception>(session.ShouldBeAccessibleAsync);

        Assert.Contains("image-alt", failure.Message);
    }
}
