using System.Net;
using AngleSharp.Dom;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sightline.Core.Access;
using Sightline.Core.Audit;
using Sightline.TestKit;
using static Sightline.Web.Tests.Support.FormPosts;

namespace Sightline.Web.Tests;

/// <summary>
/// The administration pages: agencies, teams, users and flag types, reached only by administrators
/// who signed in with two factors. Every test works with its own uniquely named data, since the
/// tests of a class share one app.
/// </summary>
public abstract class AdminPagesTests(AppFixture fixture)
{
    private SightlineFactory App => fixture.App;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static string Unique(string prefix) => $"{prefix} {Guid.NewGuid().ToString("N")[..8]}";

    private Task<HttpClient> AdminAsync() => App.SignedInAsync("administrator");

    private async Task<T> WithScopeAsync<T>(Func<IServiceProvider, Task<T>> action)
    {
        using var scope = App.Services.CreateScope();
        return await action(scope.ServiceProvider);
    }

    /// <summary>The page's error summary holds exactly these messages (it lists them in ModelState's order, by field name).</summary>
    private static void AssertErrors(IDocument page, params string[] expected) =>
        Assert.Equal(expected.Order(), page.ErrorSummary().Order());

    /// <summary>Adds a user through the page; returns their id and the one-time password it showed.</summary>
    private async Task<(Guid Id, string Email, string Password)> AddUserAsync(HttpClient admin, Role role = Role.Practitioner)
    {
        var email = $"{Guid.NewGuid():N}@test.example";
        var page = await PostExpectingFormAsync(admin, "/admin/users/add",
            ("email", email), ("name", Unique("Worker")), ("agency", App.SocialCare.Id.ToString()), ("teamId", ""), ("role", role.Key()));
        Assert.Empty(page.ErrorSummary());
        var password = page.QuerySelector("#one-time-password")?.TextContent.Trim();
        Assert.False(string.IsNullOrEmpty(password), "The one-time password is shown");
        var id = await App.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());
        return (id, email, password!);
    }

    private static (string, string)[] UserFields(string name, Guid agencyId, Role role, bool active, Guid? teamId = null) =>
        [("name", name), ("agency", agencyId.ToString()), ("teamId", teamId?.ToString() ?? ""), ("role", role.Key()), ("active", active ? "true" : "false")];

    [Fact]
    public async Task The_administration_index_links_to_every_section()
    {
        var admin = await AdminAsync();
        var page = await admin.GetDocumentAsync("/admin");
        var links = page.QuerySelectorAll("main a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains("/admin/agencies", links);
        Assert.Contains("/admin/users", links);
        Assert.Contains("/admin/flag-types", links);
        foreach (var section in new[] { "/admin/agencies", "/admin/users", "/admin/flag-types", "/admin/agencies/add", "/admin/users/add", "/admin/flag-types/add" })
            await admin.GetDocumentAsync(section);
    }

    [Fact]
    public async Task An_administrator_adds_an_agency_and_a_team()
    {
        var admin = await AdminAsync();
        var name = Unique("Northshire Early Help");
        var location = await PostExpectingRedirectAsync(admin, "/admin/agencies/add", ("name", name), ("kind", nameof(AgencyKind.EarlyHelp)));
        var agency = await App.WithDbAsync(db => db.Agencies.SingleAsync(a => a.Name == name));
        Assert.Equal(AgencyKind.EarlyHelp, agency.Kind);
        Assert.Equal($"/admin/agencies/{agency.Id}?done=added", location);

        var list = await admin.GetDocumentAsync("/admin/agencies");
        var row = list.QuerySelectorAll("tbody tr").Single(r => r.TextContent.Contains(name));
        Assert.Contains("Early help", row.TextContent);
        Assert.Contains("Active", row.TextContent);

        await PostExpectingRedirectAsync(admin, $"/admin/agencies/{agency.Id}/teams/add", ("name", "Duty team"));
        var details = await admin.GetDocumentAsync($"/admin/agencies/{agency.Id}");
        Assert.Contains("Duty team", details.QuerySelector("main table")!.TextContent);

        // The same team name twice in one agency is refused with a message, not an error page.
        var duplicate = await PostExpectingFormAsync(admin, $"/admin/agencies/{agency.Id}/teams/add", ("name", "Duty team"));
        Assert.Contains("The agency already has a team called Duty team", duplicate.ErrorSummary());

        var team = await App.WithDbAsync(db => db.Teams.SingleAsync(t => t.AgencyId == agency.Id));
        await PostExpectingRedirectAsync(admin, $"/admin/teams/{team.Id}/change", ("name", "Duty and assessment"), ("active", "false"), ("version", team.Version.ToString()));
        var renamed = await App.WithDbAsync(db => db.Teams.SingleAsync(t => t.Id == team.Id));
        Assert.Equal("Duty and assessment", renamed.Name);
        Assert.False(renamed.IsActive);
    }

    [Fact]
    public async Task Agency_forms_explain_bad_input_instead_of_failing()
    {
        var admin = await AdminAsync();
        var empty = await PostExpectingFormAsync(admin, "/admin/agencies/add", ("name", "  "));
        AssertErrors(empty, "Enter the agency's name", "Select the kind of agency");
        Assert.NotNull(empty.QuerySelector("#name.govuk-input--error"));
        Assert.StartsWith("Error:", empty.Title);

        var tampered = await PostExpectingFormAsync(admin, "/admin/agencies/add", ("name", App.Police.Name), ("kind", "42"));
        AssertErrors(tampered, $"An agency called {App.Police.Name} already exists", "Select the kind of agency");

        var tooLong = await PostExpectingFormAsync(admin, $"/admin/agencies/{App.Police.Id}/change",
            ("name", new string('x', 201)), ("kind", "Police"), ("active", "maybe"), ("version", "not-a-guid"));
        AssertErrors(tooLong, "The agency's name must be 200 characters or fewer", "Select whether the agency is active");

        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/admin/agencies/{Guid.NewGuid()}/change", Ct)).StatusCode);
    }

    [Fact]
    public async Task A_stale_agency_rename_is_refused_and_nothing_is_lost()
    {
        var admin = await AdminAsync();
        var original = Unique("Westshire Housing");
        var agency = (await WithScopeAsync(s => s.GetRequiredService<UserAdministration>().CreateAgencyAsync(original, AgencyKind.Housing))).Value!;

        // Two administrators open the change page at the same version.
        var form = await admin.GetDocumentAsync($"/admin/agencies/{agency.Id}/change");
        var version = form.QuerySelector("input[name=version]")!.GetAttribute("value")!;
        Assert.Equal(agency.Version.ToString(), version);

        var first = original + " (first)";
        await PostExpectingRedirectAsync(admin, $"/admin/agencies/{agency.Id}/change", ("name", first), ("kind", "Housing"), ("active", "true"), ("version", version));

        var second = original + " (second)";
        var conflict = await PostExpectingFormAsync(admin, $"/admin/agencies/{agency.Id}/change", ("name", second), ("kind", "Voluntary"), ("active", "true"), ("version", version));
        Assert.Contains("Someone else changed this agency while you were editing it. Check the differences, then save again.", conflict.ErrorSummary());
        Assert.Contains(first, conflict.QuerySelector("#conflict")!.TextContent);
        Assert.Equal(second, conflict.QuerySelector("input#name")!.GetAttribute("value"));
        Assert.NotNull(conflict.QuerySelector("input[name=kind][value=Voluntary][checked]"));
        var stored = await App.WithDbAsync(db => db.Agencies.AsNoTracking().SingleAsync(a => a.Id == agency.Id));
        Assert.Equal(first, stored.Name);
        Assert.Equal(AgencyKind.Housing, stored.Kind);

        // The refreshed form carries the current version, so saving again deliberately keeps the second change.
        var newVersion = conflict.QuerySelector("input[name=version]")!.GetAttribute("value")!;
        Assert.Equal(stored.Version.ToString(), newVersion);
        await PostExpectingRedirectAsync(admin, $"/admin/agencies/{agency.Id}/change", ("name", second), ("kind", "Voluntary"), ("active", "true"), ("version", newVersion));
        stored = await App.WithDbAsync(db => db.Agencies.AsNoTracking().SingleAsync(a => a.Id == agency.Id));
        Assert.Equal((second, AgencyKind.Voluntary), (stored.Name, stored.Kind));
    }

    [Fact]
    public async Task A_new_user_gets_a_one_time_password_that_they_must_change()
    {
        var admin = await AdminAsync();
        var (id, email, password) = await AddUserAsync(admin);
        var user = await App.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Id == id));
        Assert.True(user.MustChangePassword);
        Assert.Equal(Role.Practitioner, user.Role);

        // The password is shown in the response to the POST only: the user's page never shows it.
        var details = await admin.GetAsync($"/admin/users/{id}", Ct);
        Assert.DoesNotContain(password, await details.Content.ReadAsStringAsync(Ct));
        Assert.DoesNotContain(password, string.Join("\n", App.Logs.Lines));
        var audit = await App.WithDbAsync(db => db.AuditEntries.Select(e => e.Details ?? "").ToListAsync());
        Assert.DoesNotContain(audit, d => d.Contains(password));

        var browser = await App.SignInAsync(email, password);
        var home = await browser.GetAsync("/", Ct);
        Assert.Equal("/account/change-password", Target(home));
    }

    [Fact]
    public async Task The_add_user_form_explains_bad_input_instead_of_failing()
    {
        var admin = await AdminAsync();
        var page = await PostExpectingFormAsync(admin, "/admin/users/add",
            ("email", "not-an-email"), ("name", ""), ("agency", "not-a-guid"), ("teamId", "zzz"), ("role", "wizard"));
        AssertErrors(page, "Enter an email address in the correct format, like name@example.gov.uk",
            "Enter the user's full name",
            "Select the user's agency",
            "Select a role: administrator, practitioner, team-manager, senior-manager or analyst");

        // A team of another agency is refused.
        var team = (await WithScopeAsync(s => s.GetRequiredService<UserAdministration>().CreateTeamAsync(App.Police.Id, Unique("Response")))).Value!;
        var wrongTeam = await PostExpectingFormAsync(admin, "/admin/users/add",
            ("email", $"{Guid.NewGuid():N}@test.example"), ("name", "Sam Worker"), ("agency", App.SocialCare.Id.ToString()), ("teamId", team.Id.ToString()), ("role", "practitioner"));
        AssertErrors(wrongTeam, "Select a team of the user's agency, or no team");

        var duplicate = await PostExpectingFormAsync(admin, "/admin/users/add",
            ("email", App.Users["practitioner"].Email!), ("name", "Sam Worker"), ("agency", App.SocialCare.Id.ToString()), ("role", "practitioner"));
        AssertErrors(duplicate, "A user with this email address already exists");
    }

    [Fact]
    public async Task The_users_list_shows_accounts_and_filters_by_agency()
    {
        var admin = await AdminAsync();
        var all = await admin.GetDocumentAsync("/admin/users");
        var rows = all.QuerySelectorAll("tbody tr").ToList();
        Assert.Contains(rows, r => r.TextContent.Contains(App.Users["police-practitioner"].Email!));
        var adminRow = rows.Single(r => r.TextContent.Contains(App.Users["administrator"].Email!));
        Assert.Contains("Administrator", adminRow.TextContent);
        Assert.Contains("On", adminRow.Children.Last().TextContent);

        var police = await admin.GetDocumentAsync($"/admin/users?agency={App.Police.Id}");
        var policeRows = police.QuerySelectorAll("tbody tr").ToList();
        Assert.NotEmpty(policeRows);
        Assert.All(policeRows, r => Assert.Contains(App.Police.Name, r.TextContent));
        Assert.DoesNotContain(policeRows, r => r.TextContent.Contains(App.Users["administrator"].Email!));

        var nonsense = await admin.GetDocumentAsync("/admin/users?agency=nonsense");
        AssertErrors(nonsense, "Select an agency from the list");
    }

    [Fact]
    public async Task Deactivating_a_user_ends_their_session_and_stops_them_signing_in()
    {
        var admin = await AdminAsync();
        var (id, email, password) = await AddUserAsync(admin);
        var worker = await App.SignInAsync(email, password);
        const string chosen = "a-new-password-of-my-own-42";
        var changed = await worker.PostFormAsync("/account/change-password",
            [new("currentPassword", password), new("newPassword", chosen), new("confirmPassword", chosen)]);
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await worker.GetAsync("/people", Ct)).StatusCode);

        var user = await App.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Id == id));
        await PostExpectingRedirectAsync(admin, $"/admin/users/{id}/change", UserFields(user.DisplayName, user.AgencyId, Role.Practitioner, active: false));
        Assert.False(await App.WithDbAsync(db => db.Users.Where(u => u.Id == id).Select(u => u.IsActive).SingleAsync()));

        // The session they already had ends at once...
        var after = await worker.GetAsync("/people", Ct);
        Assert.StartsWith("/sign-in", Target(after));

        // ...and the right password no longer signs them in.
        var attempt = await App.NewBrowser().PostSignInAsync(email, chosen);
        Assert.Equal(HttpStatusCode.OK, attempt.StatusCode);
        AssertErrors(await attempt.ReadDocumentAsync(), "Enter a correct email address and password");

        // Reactivated, they can sign in again.
        await PostExpectingRedirectAsync(admin, $"/admin/users/{id}/change", UserFields(user.DisplayName, user.AgencyId, Role.Practitioner, active: true));
        await App.SignInAsync(email, chosen);
    }

    [Fact]
    public async Task An_administrator_cannot_deactivate_or_demote_themselves()
    {
        var admin = await AdminAsync();
        var me = App.Users["administrator"];
        var page = await PostExpectingFormAsync(admin, $"/admin/users/{me.Id}/change", UserFields(me.DisplayName, me.AgencyId, Role.Practitioner, active: false));
        AssertErrors(page,
            "You cannot change your own role. Ask another administrator.",
            "You cannot deactivate your own account. Ask another administrator.");
        var stored = await App.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Id == me.Id));
        Assert.Equal((Role.Administrator, true), (stored.Role, stored.IsActive));
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/admin", Ct)).StatusCode);
    }

    [Fact]
    public async Task Changing_a_role_is_saved_and_ends_the_users_sessions()
    {
        var admin = await AdminAsync();
        var (id, email, password) = await AddUserAsync(admin, Role.Analyst);
        var session = await App.SignInAsync(email, password);
        Assert.Equal("/account/change-password", Target(await session.GetAsync("/", Ct)));
        var user = await App.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Id == id));
        await PostExpectingRedirectAsync(admin, $"/admin/users/{id}/change", UserFields("Renamed Person", user.AgencyId, Role.TeamManager, active: true));
        var stored = await App.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Id == id));
        Assert.Equal(("Renamed Person", Role.TeamManager), (stored.DisplayName, stored.Role));
        var details = await admin.GetDocumentAsync($"/admin/users/{id}?done=changed");
        Assert.Contains("User saved", details.QuerySelector(".govuk-notification-banner")!.TextContent);
        Assert.Contains("Team manager", details.QuerySelector(".govuk-summary-list")!.TextContent);
        Assert.NotEqual(user.SecurityStamp, stored.SecurityStamp);
        Assert.StartsWith("/sign-in", Target(await session.GetAsync("/", Ct)));
        await App.SignInAsync(email, password);
    }

    [Fact]
    public async Task Resetting_a_password_issues_a_new_one_time_password()
    {
        var admin = await AdminAsync();
        var (id, email, first) = await AddUserAsync(admin);
        var page = await PostExpectingFormAsync(admin, $"/admin/users/{id}/reset-password");
        var second = page.QuerySelector("#one-time-password")!.TextContent.Trim();
        Assert.NotEqual(first, second);
        Assert.True(await App.WithDbAsync(db => db.Users.Where(u => u.Id == id).Select(u => u.MustChangePassword).SingleAsync()));

        var refused = await App.NewBrowser().PostSignInAsync(email, first);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var browser = await App.SignInAsync(email, second);
        Assert.Equal("/account/change-password", Target(await browser.GetAsync("/", Ct)));

        var audit = await App.WithDbAsync(db => db.AuditEntries.Where(e => e.EntityId == id.ToString() && e.Action == AuditAction.Administer).Select(e => e.Details).ToListAsync());
        Assert.Contains(audit, d => d!.Contains("password-reset"));
    }

    [Fact]
    public async Task An_administrator_unlocks_a_locked_out_user()
    {
        var admin = await AdminAsync();
        var (id, email, password) = await AddUserAsync(admin);
        for (var i = 0; i < 5; i++) await App.NewBrowser().PostSignInAsync(email, "wrong-password-123");
        var locked = await App.NewBrowser().PostSignInAsync(email, password);
        Assert.Contains("Your account is locked", string.Join(" ", (await locked.ReadDocumentAsync()).ErrorSummary()));

        var list = await admin.GetDocumentAsync("/admin/users");
        Assert.Contains("Locked out", list.QuerySelectorAll("tbody tr").Single(r => r.TextContent.Contains(email)).TextContent);
        var unlocked = await admin.PostFormAsync($"/admin/users/{id}", [], action: $"/admin/users/{id}?handler=unlock");
        Assert.Equal($"/admin/users/{id}?done=unlocked", Target(unlocked));
        await App.SignInAsync(email, password);
    }

    [Fact]
    public async Task Resetting_two_factor_makes_an_administrator_set_it_up_again_and_keeps_the_key_out_of_the_audit()
    {
        var admin = await AdminAsync();
        var (id, email, first) = await AddUserAsync(admin, Role.Administrator);
        var other = await App.SignInAsync(email, first, completeTwoFactor: false);
        const string chosen = "another-administrator-pw-9";
        await other.PostFormAsync("/account/change-password", [new("currentPassword", first), new("newPassword", chosen), new("confirmPassword", chosen)]);
        Assert.Equal("/account/authenticator", Target(await other.GetAsync("/", Ct)));
        var key = await other.SetUpAuthenticatorAsync();
        Assert.Equal(HttpStatusCode.OK, (await other.GetAsync("/admin", Ct)).StatusCode);

        var location = await PostExpectingRedirectAsync(admin, $"/admin/users/{id}/reset-two-factor");
        Assert.Equal($"/admin/users/{id}?done=two-factor-reset", location);
        Assert.False(await App.WithDbAsync(db => db.Users.Where(u => u.Id == id).Select(u => u.TwoFactorEnabled).SingleAsync()));
        Assert.Equal(HttpStatusCode.Redirect, (await other.GetAsync("/admin", Ct)).StatusCode);

        var again = await App.SignInAsync(email, chosen, completeTwoFactor: false);
        Assert.Equal("/account/authenticator", Target(await again.GetAsync("/admin", Ct)));
        var newKey = await again.SetUpAuthenticatorAsync();
        Assert.NotEqual(key, newKey);

        var audit = await App.WithDbAsync(db => db.AuditEntries.Select(e => e.Details ?? "").ToListAsync());
        Assert.DoesNotContain(audit, d => d.Contains(key) || d.Contains(newKey));
    }

    [Fact]
    public async Task Flag_type_keys_are_validated_and_never_change()
    {
        var admin = await AdminAsync();
        foreach (var bad in new[] { "Has Space", "UPPER", "-leading", "trailing-", "double--hyphen", "under_score", "é" })
        {
            var page = await PostExpectingFormAsync(admin, "/admin/flag-types/add", ("key", bad), ("name", Unique("Flag")), ("hasLevel", "false"));
            AssertErrors(page, "The key must only include lower-case letters, digits and hyphens, and start and end with a letter or digit, like child-in-need");
        }
        var tooLong = await PostExpectingFormAsync(admin, "/admin/flag-types/add", ("key", new string('a', 41)), ("name", Unique("Flag")), ("hasLevel", "false"));
        AssertErrors(tooLong, "The key must be 40 characters or fewer");
        var taken = await PostExpectingFormAsync(admin, "/admin/flag-types/add", ("key", "yot"), ("name", Unique("Flag")), ("hasLevel", "no-idea"));
        AssertErrors(taken, "A flag type with the key yot already exists", "Select yes if the flag carries a risk level");
        var empty = await PostExpectingFormAsync(admin, "/admin/flag-types/add");
        AssertErrors(empty, "Enter a key", "Enter the flag type's name", "Select yes if the flag carries a risk level");

        var key = "missing-" + Guid.NewGuid().ToString("N")[..6];
        var name = Unique("Missing from home");
        Assert.Equal("/admin/flag-types?done=added", await PostExpectingRedirectAsync(admin, "/admin/flag-types/add",
            ("key", key), ("name", name), ("description", "Reported missing in the last year."), ("hasLevel", "true")));
        var type = await App.WithDbAsync(db => db.FlagTypes.AsNoTracking().SingleAsync(t => t.Key == key));
        Assert.Equal((name, true, true), (type.Name, type.HasLevel, type.IsActive));

        // The change page offers no key field, and a key sent anyway is ignored.
        var form = await admin.GetDocumentAsync($"/admin/flag-types/{type.Id}/change");
        Assert.Null(form.QuerySelector("input[name=key]"));
        await PostExpectingRedirectAsync(admin, $"/admin/flag-types/{type.Id}/change", ("key", "hijacked"), ("name", name + " (renamed)"), ("description", ""), ("active", "false"));
        type = await App.WithDbAsync(db => db.FlagTypes.AsNoTracking().SingleAsync(t => t.Id == type.Id));
        Assert.Equal((key, name + " (renamed)", null, false), (type.Key, type.Name, type.Description, type.IsActive));
    }

    [Theory]
    [InlineData("practitioner")]
    [InlineData("senior-manager")]
    [InlineData("analyst")]
    public async Task Other_roles_are_refused_every_administration_page(string userKey)
    {
        var client = await App.SignedInAsync(userKey);
        foreach (var url in new[] { "/admin", "/admin/agencies", "/admin/agencies/add", "/admin/users", $"/admin/users/{App.Users[userKey].Id}/change", "/admin/flag-types" })
            Assert.Equal(HttpStatusCode.Forbidden, await FinalStatusAsync(client, url));

        // A forged POST changes nothing either.
        var name = Unique("Forged");
        var forged = await client.PostAsync("/admin/agencies/add", new FormUrlEncodedContent([new("name", name), new("kind", "Police")]), Ct);
        Assert.NotEqual(HttpStatusCode.OK, forged.StatusCode);
        Assert.False(await App.WithDbAsync(db => db.Agencies.AnyAsync(a => a.Name == name)));
    }

    [Fact]
    public async Task An_administrator_without_two_factor_is_sent_to_set_it_up()
    {
        var email = $"{Guid.NewGuid():N}@test.example";
        await WithScopeAsync(async s =>
        {
            var created = (await s.GetRequiredService<UserAdministration>().CreateUserAsync(email, "New Administrator", null, App.SocialCare.Id, Role.Administrator)).Value!;
            var users = s.GetRequiredService<UserManager<SightlineUser>>();
            await users.RemovePasswordAsync(created.User);
            await users.AddPasswordAsync(created.User, SightlineFactory.Password);
            created.User.MustChangePassword = false;
            return await users.UpdateAsync(created.User);
        });
        var client = await App.SignInAsync(email, SightlineFactory.Password, completeTwoFactor: false);
        foreach (var url in new[] { "/admin", "/admin/users", "/admin/agencies/add" })
        {
            var response = await client.GetAsync(url, Ct);
            Assert.Equal("/account/authenticator", Target(response));
        }
        await client.SetUpAuthenticatorAsync();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/admin", Ct)).StatusCode);
    }

    /// <summary>The status after following redirects within the app (the cookie scheme redirects a refusal to /access-denied).</summary>
    private static async Task<HttpStatusCode> FinalStatusAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url, Ct);
        for (var hops = 0; response.StatusCode == HttpStatusCode.Redirect && hops < 5; hops++)
            response = await client.GetAsync(response.Headers.Location, Ct);
        return response.StatusCode;
    }
}

public sealed class AdminPagesTests_Sqlite(SqliteApp f) : AdminPagesTests(f), IClassFixture<SqliteApp>;

public sealed class AdminPagesTests_Postgres(PostgresApp f) : AdminPagesTests(f), IClassFixture<PostgresApp>;
