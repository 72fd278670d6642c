using System.Net;
using Sightline.TestKit;
using Microsoft.Extensions.DependencyInjection;
using Sightline.Web.Tests.Support;

namespace Sightline.Web.Tests;

public abstract class SecurityTests(AppFixture fixture)
{
    private SightlineFactory App => fixture.App;
    private CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("/sign-in")]
    [InlineData("/health/ready")]
    [InlineData("/api/v1/people")]
    public async Task Every_response_has_a_strict_content_security_policy(string path)
    {
        var response = await App.CreateClient().GetAsync(path, Ct);
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.DoesNotContain("unsafe-inline", csp);
        Assert.DoesNotContain("unsafe-eval", csp);
        Assert.Contains("script-src 'self'", csp);
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("no-store", response.Headers.CacheControl!.ToString());
    }

    [Fact]
    public async Task Static_assets_are_public_and_cacheable_but_still_carry_the_policy()
    {
        var response = await App.CreateClient().GetAsync("/css/sightline.css", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEqual("no-store", response.Headers.CacheControl?.ToString());
        Assert.Contains("script-src 'self'", response.Headers.GetValues("Content-Security-Policy").Single());
    }

    [Fact]
    public async Task Pages_have_no_inline_script_or_style()
    {
        var client = await App.SignedInAsync("practitioner");
        var person = await Builders.CreatePersonAsync(App.ApiClientFor("practitioner"));
        foreach (var path in new[] { "/", "/people?q=a", $"/people/{person.GetProperty("id")}", "/people/new", "/sign-in" })
        {
            var document = SignedInClient.ParseHtml(await client.GetStringAsync(path, Ct));
            Assert.All(document.QuerySelectorAll("script"), s => Assert.False(string.IsNullOrEmpty(s.GetAttribute("src")), $"inline script on {path}"));
            Assert.Empty(document.QuerySelectorAll("style"));
            Assert.Empty(document.QuerySelectorAll("[style]"));
        }
    }

    [Fact]
    public async Task Sign_in_cookies_are_secure_http_only_and_same_site_strict()
    {
        // The raw test-server client keeps Set-Cookie headers visible (the usual client consumes them).
        var client = App.Server.CreateClient();
        client.BaseAddress = new Uri("https://localhost");
        var form = await client.GetAsync("/sign-in", Ct);
        var antiforgery = form.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("sightline-antiforgery="));
        Assert.Contains("httponly", antiforgery, StringComparison.OrdinalIgnoreCase);
        var token = SignedInClient.ParseHtml(await form.Content.ReadAsStringAsync(Ct)).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var post = new HttpRequestMessage(HttpMethod.Post, "/sign-in")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["email"] = App.Users["practitioner"].Email!, ["password"] = SightlineFactory.Password, ["__RequestVerificationToken"] = token,
            }),
        };
        post.Headers.Add("Cookie", antiforgery.Split(';')[0]);
        var response = await client.SendAsync(post, Ct);
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("sightline="));
        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Every_form_on_the_main_pages_carries_an_antiforgery_token()
    {
        var client = await App.SignedInAsync("team-manager");
        var id = (await Builders.CreatePersonAsync(App.ApiClientFor("team-manager"))).GetProperty("id").GetString();
        foreach (var path in new[] { "/people/new", $"/people/{id}/edit", $"/people/{id}/flags/add", $"/people/{id}/agencies/add", $"/people/{id}/notes/add", $"/people/{id}/restrict", "/account/change-password", "/" })
        {
            var document = SignedInClient.ParseHtml(await client.GetStringAsync(path, Ct));
            var posts = document.QuerySelectorAll("form").Where(f => string.Equals(f.GetAttribute("method"), "post", StringComparison.OrdinalIgnoreCase)).ToList();
            Assert.NotEmpty(posts);
            Assert.All(posts, f => Assert.NotNull(f.QuerySelector("input[name=__RequestVerificationToken]")));
        }
    }

    [Fact]
    public async Task A_form_post_without_the_antiforgery_token_is_refused_and_writes_nothing()
    {
        var client = await App.SignedInAsync("practitioner");
        var response = await client.PostAsync("/people/new", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["firstName"] = "Forged", ["lastName"] = "Request", ["dateOfBirth.Day"] = "1", ["dateOfBirth.Month"] = "1", ["dateOfBirth.Year"] = "2010", ["sex"] = "Male",
        }), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(await App.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.AnyAsync(db.People, p => p.LastName == "Request", Ct)));
    }

    [Fact]
    public async Task Repeated_wrong_passwords_lock_the_account()
    {
        var client = App.CreateClient();
        var email = App.Users["second-practitioner"].Email!;
        for (var i = 0; i < 5; i++)
            await client.PostFormAsync("/sign-in", [new("email", email), new("password", "wrong-password-" + i)]);
        var response = await client.PostFormAsync("/sign-in", [new("email", email), new("password", SightlineFactory.Password)]);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("locked", await response.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task Sign_in_attempts_are_rate_limited()
    {
        await using var limited = await SightlineFactory.StartAsync(fixture.Provider, new() { ["SignIn:AttemptsPerMinute"] = "10" });
        var client = limited.CreateClient();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 14; i++)
        {
            var response = await client.PostFormAsync("/sign-in", [new("email", "nobody@test.example"), new("password", "x")]);
            statuses.Add(response.StatusCode);
        }
        Assert.Contains(HttpStatusCode.TooManyRequests, statuses);
    }

    [Fact]
    public async Task Logs_never_contain_a_young_persons_name_or_search_terms()
    {
        var (first, last) = Builders.UniqueName();
        var api = App.ApiClientFor("practitioner");
        var person = await Builders.CreatePersonAsync(api, first, last);
        await api.GetAsync($"/api/v1/people/{person.GetProperty("id")}", Ct);
        await api.GetAsync($"/api/v1/people?q={last}", Ct);
        var pages = await App.SignedInAsync("practitioner");
        await pages.GetAsync($"/people?q={first}", Ct);
        await pages.GetAsync($"/people/{person.GetProperty("id")}", Ct);
        Assert.NotEmpty(App.Logs.Lines);
        Assert.DoesNotContain(App.Logs.Lines, line => line.Contains(first) || line.Contains(last));
    }

    [Fact]
    public async Task Administrators_must_use_two_factor_before_anything_else()
    {
        var client = App.CreateClient();
        var admin = App.Users["administrator"];
        // A fresh administrator account without an authenticator: signing in sends them to set one up.
        var created = await App.WithDbAsync(async db =>
        {
            using var scope = App.Services.CreateScope();
            var admins = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<Sightline.Core.Access.UserAdministration>(scope.ServiceProvider);
            return (await admins.CreateUserAsync($"new-admin-{Guid.NewGuid():N}@test.example", "New Admin", null, admin.AgencyId, Sightline.Core.Access.Role.Administrator, cancellationToken: Ct)).Value!;
        });
        var response = await client.PostFormAsync("/sign-in", [new("email", created.User.Email!), new("password", created.OneTimePassword)]);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var home = await client.GetAsync("/", Ct);
        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
        Assert.Equal("/account/change-password", home.Headers.Location!.OriginalString);
    }
}

public sealed class SecurityTests_Sqlite(SqliteApp fixture) : SecurityTests(fixture), IClassFixture<SqliteApp>;

public sealed class SecurityTests_Postgres(PostgresApp fixture) : SecurityTests(fixture), IClassFixture<PostgresApp>;

public sealed class SessionSettingsTests
{
    [Fact]
    public async Task The_sign_in_cookie_expires_after_30_idle_minutes_and_slides_while_in_use()
    {
        await using var app = await SightlineFactory.StartAsync(Sightline.Core.Data.DatabaseProvider.Sqlite);
        var options = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptionsMonitor<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions>>()
            .Get(Microsoft.AspNetCore.Identity.IdentityConstants.ApplicationScheme);
        Assert.Equal(TimeSpan.FromMinutes(30), options.ExpireTimeSpan);
        Assert.True(options.SlidingExpiration);
        Assert.False(options.Cookie.MaxAge.HasValue, "a session cookie: gone when the browser closes");
    }
}
