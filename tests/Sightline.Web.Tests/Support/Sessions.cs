using System.Net;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Sightline.Core.Access;
using Sightline.TestKit;

namespace Sightline.Web.Tests.Support;

/// <summary>Cookie-authenticated clients for page tests, signed in through the real sign-in pages.</summary>
public static class Sessions
{
    private static readonly HtmlParser Parser = new();
    public const string AdminAuthenticatorKey = "KRSXG5CTMVRXEZLUKN2XAZLSMNUWK3TU";

    public static async Task<string> AntiforgeryTokenAsync(HttpClient client, string path)
    {
        var html = await client.GetStringAsync(path);
        var document = Parser.ParseDocument(html);
        return document.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value")
            ?? throw new InvalidOperationException($"No antiforgery token on {path}");
    }

    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string path, IEnumerable<KeyValuePair<string, string>> fields, string? formPage = null)
    {
        var token = await AntiforgeryTokenAsync(client, formPage ?? path);
        var all = fields.Append(new("__RequestVerificationToken", token));
        return await client.PostAsync(path, new FormUrlEncodedContent(all));
    }

    /// <summary>Signs in the factory's user with this key; administrators complete two-factor sign-in.</summary>
    public static async Task<HttpClient> SignedInAsync(SightlineFactory factory, string userKey)
    {
        var client = factory.CreateClient();
        var user = factory.Users[userKey];
        if (user.Role == Role.Administrator) await EnsureAuthenticatorAsync(factory, user);
        var response = await PostFormAsync(client, "/sign-in", [new("email", user.Email!), new("password", SightlineFactory.Password)]);
        if (response.StatusCode != HttpStatusCode.Redirect) throw new InvalidOperationException($"Sign-in of {userKey} failed: {response.StatusCode}");
        if (response.Headers.Location!.OriginalString.StartsWith("/account/two-factor"))
        {
            var code = await PostFormAsync(client, "/account/two-factor", [new("code", Totp.Code(AdminAuthenticatorKey))]);
            if (code.StatusCode != HttpStatusCode.Redirect) throw new InvalidOperationException($"Two-factor sign-in of {userKey} failed");
        }
        return client;
    }

    private static async Task EnsureAuthenticatorAsync(SightlineFactory factory, SightlineUser user)
    {
        using var scope = factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<SightlineUser>>();
        var stored = await users.FindByIdAsync(user.Id.ToString());
        if (stored!.TwoFactorEnabled) return;
        await users.SetAuthenticationTokenAsync(stored, "[AspNetUserStore]", "AuthenticatorKey", AdminAuthenticatorKey);
        await users.SetTwoFactorEnabledAsync(stored, true);
    }

    public static AngleSharp.Html.Dom.IHtmlDocument Parse(string html) => Parser.ParseDocument(html);
}
