using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.Extensions.DependencyInjection;
using Sightline.Core.Access;

namespace Sightline.TestKit;

/// <summary>
/// Browser-like clients for the page tests, signed in through the real pages: GET the form, send
/// its antiforgery token, follow the account gate. Each client keeps its cookies, follows no
/// redirects, talks to https://localhost and has a remote address of its own, as separate
/// browsers would (sign-in is rate-limited per address, so tests do not starve each other).
/// </summary>
public static class SignedInClient
{
    private static int _lastAddress;

    /// <summary>A new browser with no cookies.</summary>
    public static HttpClient NewBrowser(this SightlineFactory factory)
    {
        var n = Interlocked.Increment(ref _lastAddress);
        var address = new IPAddress([10, 77, (byte)(n >> 8), (byte)n]);
        var handler = new CookieContainerHandler { InnerHandler = factory.Server.CreateHandler(context => context.Connection.RemoteIpAddress = address) };
        return new HttpClient(handler) { BaseAddress = new Uri("https://localhost") };
    }

    /// <summary>
    /// A browser signed in as the test user with this key ("administrator", "practitioner", …).
    /// Administrators also complete two-factor sign-in, setting up an authenticator the first time.
    /// </summary>
    public static Task<HttpClient> SignedInAsync(this SightlineFactory factory, string userKey) =>
        factory.SignInAsync(factory.Users[userKey].Email!, SightlineFactory.Password);

    /// <summary>
    /// Signs in with an email address and password. With <paramref name="completeTwoFactor"/>, a
    /// user who has an authenticator enters its code, and an administrator without one sets one up
    /// (reading the key from the page, as a person would type it into their app). Without it, the
    /// client is left wherever the password alone gets it. A user who must change their password is
    /// left at that point too. Throws if the password is refused.
    /// </summary>
    public static async Task<HttpClient> SignInAsync(this SightlineFactory factory, string email, string password, bool completeTwoFactor = true)
    {
        var client = factory.NewBrowser();
        var response = await client.PostSignInAsync(email, password);
        if (response.StatusCode != HttpStatusCode.Redirect)
            throw new InvalidOperationException($"Signing in as {email} was refused ({(int)response.StatusCode}): {await ErrorsAsync(response)}");
        if (!completeTwoFactor) return client;

        var location = response.Headers.Location!.OriginalString;
        if (location.StartsWith("/account/two-factor", StringComparison.OrdinalIgnoreCase))
        {
            var key = await AuthenticatorKeyAsync(factory, email);
            var done = await client.PostFormAsync(location, [new("code", Totp.Code(key))]);
            if (done.StatusCode != HttpStatusCode.Redirect)
                throw new InvalidOperationException($"The two-factor code for {email} was refused: {await ErrorsAsync(done)}");
            return client;
        }

        var home = await client.GetAsync(location);
        if (home.StatusCode == HttpStatusCode.Redirect && home.Headers.Location?.OriginalString == "/account/authenticator")
            await client.SetUpAuthenticatorAsync();
        return client;
    }

    /// <summary>Completes /account/authenticator as a new administrator would; returns the key it showed.</summary>
    public static async Task<string> SetUpAuthenticatorAsync(this HttpClient client)
    {
        var page = await client.GetDocumentAsync("/account/authenticator");
        var shown = page.QuerySelector("p code")?.TextContent
            ?? throw new InvalidOperationException("The authenticator page shows no key: " + page.Body?.TextContent);
        var key = shown.Replace(" ", "").ToUpperInvariant();
        var done = await client.PostFormAsync("/account/authenticator", [new("code", Totp.Code(key))]);
        if (done.StatusCode != HttpStatusCode.Redirect)
            throw new InvalidOperationException($"The authenticator code was refused: {await ErrorsAsync(done)}");
        return key;
    }

    /// <summary>POSTs the sign-in form, with its antiforgery token.</summary>
    public static Task<HttpResponseMessage> PostSignInAsync(this HttpClient client, string email, string password) =>
        client.PostFormAsync("/sign-in", [new("email", email), new("password", password)]);

    /// <summary>
    /// GETs <paramref name="url"/>, takes the antiforgery token from its form and POSTs the fields to
    /// <paramref name="action"/> (by default the same address, as our forms do).
    /// </summary>
    public static async Task<HttpResponseMessage> PostFormAsync(this HttpClient client, string url, IEnumerable<KeyValuePair<string, string>> fields, string? action = null)
    {
        var form = await client.GetDocumentAsync(url);
        var token = AntiforgeryToken(form)
            ?? throw new InvalidOperationException($"{url} has no form with an antiforgery token: {form.Body?.TextContent.Trim()}");
        return await client.PostAsync(action ?? url, new FormUrlEncodedContent(fields.Append(new("__RequestVerificationToken", token))));
    }

    /// <summary>The antiforgery token of the page's main form (not the header's sign-out form), or of any form.</summary>
    public static string? AntiforgeryToken(IDocument page) =>
        (page.QuerySelector("main form[method=post] input[name=__RequestVerificationToken]")
         ?? page.QuerySelector("input[name=__RequestVerificationToken]"))?.GetAttribute("value");

    /// <summary>GETs a page, requiring 200, and parses it.</summary>
    public static async Task<IDocument> GetDocumentAsync(this HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        if (response.StatusCode != HttpStatusCode.OK)
            throw new InvalidOperationException($"GET {url} gave {(int)response.StatusCode} {response.Headers.Location}");
        return await response.ReadDocumentAsync();
    }

    public static async Task<IDocument> ReadDocumentAsync(this HttpResponseMessage response) =>
        ParseHtml(await response.Content.ReadAsStringAsync());

    public static AngleSharp.Html.Dom.IHtmlDocument ParseHtml(string html) => new HtmlParser().ParseDocument(html);

    /// <summary>The messages in a page's GOV.UK error summary.</summary>
    public static IReadOnlyList<string> ErrorSummary(this IDocument page) =>
        page.QuerySelectorAll(".govuk-error-summary__list li").Select(li => li.TextContent.Trim()).ToList();

    private static async Task<string> ErrorsAsync(HttpResponseMessage response)
    {
        if (response.StatusCode == HttpStatusCode.Redirect) return "redirected to " + response.Headers.Location;
        var errors = (await response.ReadDocumentAsync()).ErrorSummary();
        return errors.Count == 0 ? "no error shown" : string.Join("; ", errors);
    }

    private static async Task<string> AuthenticatorKeyAsync(SightlineFactory factory, string email)
    {
        using var scope = factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<SightlineUser>>();
        var user = await users.FindByEmailAsync(email) ?? throw new InvalidOperationException($"No user {email}");
        return await users.GetAuthenticatorKeyAsync(user) ?? throw new InvalidOperationException($"{email} has no authenticator key");
    }
}
