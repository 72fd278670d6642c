using System.Net;
using Microsoft.EntityFrameworkCore;
using Sightline.Core.Audit;
using Sightline.TestKit;
using Sightline.Web.Tests.Support;

namespace Sightline.Web.Tests;

/// <summary>The record's journeys in pages: create, edit with a conflict, flags, agencies, restriction and break-glass.</summary>
public abstract class RecordPagesTests(AppFixture fixture)
{
    private SightlineFactory App => fixture.App;
    private CancellationToken Ct => TestContext.Current.CancellationToken;

    private static KeyValuePair<string, string> F(string key, string value) => new(key, value);

    [Fact]
    public async Task Creating_with_errors_shows_the_error_summary_and_keeps_what_was_typed()
    {
        var client = await App.SignedInAsync("practitioner");
        var response = await client.PostFormAsync("/people/new",
            [F("firstName", "Kept"), F("lastName", ""), F("dateOfBirth.Day", "31"), F("dateOfBirth.Month", "2"), F("dateOfBirth.Year", "2010"), F("sex", "Female")]);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = SignedInClient.ParseHtml(await response.Content.ReadAsStringAsync(Ct));
        var summary = page.QuerySelector(".govuk-error-summary")!;
        Assert.Equal("There is a problem", summary.QuerySelector(".govuk-error-summary__title")!.TextContent);
        var links = summary.QuerySelectorAll("a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains("#lastName", links);
        Assert.Contains("#dateOfBirth", links);
        Assert.NotNull(page.QuerySelector("#dateOfBirth"));
        Assert.Equal("Kept", page.QuerySelector("#firstName")!.GetAttribute("value"));
        Assert.StartsWith("Error:", page.Title);
    }

    [Fact]
    public async Task Creating_a_person_in_pages_opens_their_record_with_a_chronology()
    {
        var client = await App.SignedInAsync("practitioner");
        var (first, last) = Builders.UniqueName();
        var response = await client.PostFormAsync("/people/new",
            [F("firstName", first), F("lastName", last), F("dateOfBirth.Day", "5"), F("dateOfBirth.Month", "6"), F("dateOfBirth.Year", "2011"), F("sex", "Male"), F("legalStatus", "ChildInNeed")]);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var record = SignedInClient.ParseHtml(await client.GetStringAsync(response.Headers.Location!.OriginalString, Ct));
        Assert.Contains($"{first} {last}", record.QuerySelector("h1")!.TextContent);
        Assert.Contains("Child in need", record.Body!.TextContent);
        Assert.Contains("Record created", record.QuerySelector(".sl-chronology")!.TextContent);
        Assert.Contains("Children's Social Care", record.Body.TextContent);
    }

    [Fact]
    public async Task A_second_save_from_a_stale_form_is_refused_and_nothing_is_lost()
    {
        var api = App.ApiClientFor("practitioner");
        var id = (await Builders.CreatePersonAsync(api)).GetProperty("id").GetString();
        var alice = await App.SignedInAsync("practitioner");
        var bob = await App.SignedInAsync("second-practitioner");
        var aliceForm = SignedInClient.ParseHtml(await alice.GetStringAsync($"/people/{id}/edit", Ct));
        var bobForm = SignedInClient.ParseHtml(await bob.GetStringAsync($"/people/{id}/edit", Ct));
        async Task<HttpResponseMessage> Save(HttpClient client, AngleSharp.Html.Dom.IHtmlDocument form, string first) =>
            await client.PostAsync($"/people/{id}/edit", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!,
                ["version"] = form.QuerySelector("input[name=version]")!.GetAttribute("value")!,
                ["firstName"] = first, ["lastName"] = "Conflict", ["dateOfBirth.Day"] = "27", ["dateOfBirth.Month"] = "3", ["dateOfBirth.Year"] = "2010", ["sex"] = "Female", ["legalStatus"] = "None",
            }), Ct);

        Assert.Equal(HttpStatusCode.Redirect, (await Save(alice, aliceForm, "AliceWasFirst")).StatusCode);
        var refused = await Save(bob, bobForm, "BobWasSecond");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = SignedInClient.ParseHtml(await refused.Content.ReadAsStringAsync(Ct));
        Assert.Contains("Someone else changed this record", page.QuerySelector("#conflict")!.TextContent);
        Assert.Contains("AliceWasFirst", page.QuerySelector("#conflict")!.TextContent);
        Assert.Equal("BobWasSecond", page.QuerySelector("#firstName")!.GetAttribute("value"));
        var stored = await App.WithDbAsync(db => db.People.Where(p => p.Id == Guid.Parse(id!)).Select(p => p.FirstName).SingleAsync(Ct));
        Assert.Equal("AliceWasFirst", stored);
    }

    [Fact]
    public async Task A_flag_added_in_pages_appears_on_the_record_and_in_the_chronology()
    {
        var id = (await Builders.CreatePersonAsync(App.ApiClientFor("practitioner"))).GetProperty("id").GetString();
        var client = await App.SignedInAsync("practitioner");
        var response = await client.PostFormAsync($"/people/{id}/flags/add",
            [F("type", "yot"), F("level", "High"), F("startDate.Day", "2"), F("startDate.Month", "3"), F("startDate.Year", "2026")]);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var record = SignedInClient.ParseHtml(await client.GetStringAsync($"/people/{id}", Ct));
        Assert.Contains("Open to youth offending team – High risk", record.Body!.TextContent);
        Assert.Contains("Flag added: Open to youth offending team (High risk)", record.QuerySelector(".sl-chronology")!.TextContent);
    }

    [Fact]
    public async Task Ending_a_flag_keeps_it_as_a_past_flag_with_who_ended_it()
    {
        var api = App.ApiClientFor("practitioner");
        var id = (await Builders.CreatePersonAsync(api)).GetProperty("id").GetString();
        var flag = await (await api.PostAsync($"/api/v1/people/{id}/flags", new StringContent("{\"type\":\"neet\",\"startDate\":\"2026-01-01\"}", System.Text.Encoding.UTF8, "application/json"), Ct)).Content.ReadAsStringAsync(Ct);
        var flagId = System.Text.Json.JsonDocument.Parse(flag).RootElement.GetProperty("id").GetString();
        var client = await App.SignedInAsync("practitioner");
        var form = await client.GetDocumentAsync($"/people/{id}/flags/{flagId}/end");
        Assert.Contains("End the Not in education, employment or training (NEET) flag", form.QuerySelector("h1")!.TextContent);

        var tooEarly = await client.PostFormAsync($"/people/{id}/flags/{flagId}/end", [F("endDate.Day", "31"), F("endDate.Month", "12"), F("endDate.Year", "2025")]);
        Assert.Contains("The end date must be on or after the start date", (await tooEarly.ReadDocumentAsync()).ErrorSummary());

        var ended = await client.PostFormAsync($"/people/{id}/flags/{flagId}/end", [F("endDate.Day", "1"), F("endDate.Month", "2"), F("endDate.Year", "2026")]);
        Assert.Equal(HttpStatusCode.Redirect, ended.StatusCode);
        var stored = await App.WithDbAsync(db => db.PersonFlags.SingleAsync(f => f.Id == Guid.Parse(flagId!), Ct));
        Assert.Equal(new DateOnly(2026, 2, 1), stored.EndDate);
        Assert.Equal(App.Users["practitioner"].Id, stored.EndedByUserId);
        var record = await client.GetDocumentAsync($"/people/{id}");
        Assert.Contains("Past flags (1)", record.Body!.TextContent);
    }

    [Fact]
    public async Task Ending_an_agencys_involvement_ends_its_staffs_access()
    {
        var id = (await Builders.CreatePersonAsync(App.ApiClientFor("practitioner"))).GetProperty("id").GetString();
        var client = await App.SignedInAsync("practitioner");
        var added = await client.PostFormAsync($"/people/{id}/agencies/add",
            [F("agencyId", App.Police.Id.ToString()), F("contactName", "DC Example"), F("startDate.Day", "1"), F("startDate.Month", "1"), F("startDate.Year", "2026")]);
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var police = App.ApiClientFor("police-practitioner");
        Assert.Equal(HttpStatusCode.OK, (await police.GetAsync($"/api/v1/people/{id}", Ct)).StatusCode);

        var involvement = await App.WithDbAsync(db => db.AgencyInvolvements.Where(a => a.PersonId == Guid.Parse(id!) && a.AgencyId == App.Police.Id).Select(a => a.Id).SingleAsync(Ct));
        var today = Sightline.Core.London.LondonToday(TimeProvider.System);
        var ended = await client.PostFormAsync($"/people/{id}/agencies/{involvement}/end",
            [F("endDate.Day", today.AddDays(-1).Day.ToString()), F("endDate.Month", today.AddDays(-1).Month.ToString()), F("endDate.Year", today.AddDays(-1).Year.ToString())]);
        Assert.Equal(HttpStatusCode.Redirect, ended.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await police.GetAsync($"/api/v1/people/{id}", Ct)).StatusCode);
    }

    [Fact]
    public async Task Break_glass_needs_a_reason_lasts_three_hours_and_is_shown_to_managers()
    {
        var id = (await Builders.CreatePersonAsync(App.ApiClientFor("practitioner"))).GetProperty("id").GetString();
        var police = await App.SignedInAsync("police-practitioner");
        var open = await police.GetAsync($"/people/{id}", Ct);
        Assert.Equal($"/people/{id}/break-glass", open.Headers.Location!.OriginalString);

        var noReason = await police.PostFormAsync($"/people/{id}/break-glass", [F("reason", "")]);
        Assert.Contains("Explain why you need to open this record", await noReason.Content.ReadAsStringAsync(Ct));

        var reason = "Found in a county lines raid; need the allocated social worker";
        var granted = await police.PostFormAsync($"/people/{id}/break-glass", [F("reason", reason)]);
        Assert.Equal($"/people/{id}", granted.Headers.Location!.OriginalString);
        var record = await police.GetStringAsync($"/people/{id}", Ct);
        Assert.Contains("break-glass access", record);

        var access = await App.WithDbAsync(db => db.BreakGlassAccesses.SingleAsync(b => b.PersonId == Guid.Parse(id!), Ct));
        Assert.Equal(TimeSpan.FromHours(3), access.ExpiresAt - access.StartedAt);
        Assert.True(await App.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.PersonId == Guid.Parse(id!) && e.Action == AuditAction.BreakGlass, Ct)));

        // Managers of the police practitioner's agency see it (our demo manager is in social care: check the data behind the page).
        var history = await (await App.SignedInAsync("team-manager")).GetStringAsync($"/people/{id}/access-history", Ct);
        Assert.Contains("BreakGlass", history);
        Assert.Contains(reason, history);
    }

    [Fact]
    public async Task A_restricted_record_is_seen_only_by_the_named_people()
    {
        var id = (await Builders.CreatePersonAsync(App.ApiClientFor("practitioner"))).GetProperty("id").GetString();
        var manager = await App.SignedInAsync("team-manager");
        var restricted = await manager.PostFormAsync($"/people/{id}/restrict",
            [F("restricted", "true"), F("users", App.Users["practitioner"].Id.ToString())]);
        Assert.Equal(HttpStatusCode.Redirect, restricted.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await App.ApiClientFor("practitioner").GetAsync($"/api/v1/people/{id}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await App.ApiClientFor("team-manager").GetAsync($"/api/v1/people/{id}", Ct)).StatusCode);
        // Same agency, but not named: no access.
        Assert.Equal(HttpStatusCode.NotFound, (await App.ApiClientFor("second-practitioner").GetAsync($"/api/v1/people/{id}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await App.ApiClientFor("senior-manager").GetAsync($"/api/v1/people/{id}", Ct)).StatusCode);
    }

    [Fact]
    public async Task Managers_see_a_users_activity()
    {
        var id = (await Builders.CreatePersonAsync(App.ApiClientFor("practitioner"))).GetProperty("id").GetString();
        await App.ApiClientFor("practitioner").GetAsync($"/api/v1/people/{id}", Ct);
        var manager = await App.SignedInAsync("team-manager");
        var page = await manager.GetStringAsync($"/oversight/users/{App.Users["practitioner"].Id}", Ct);
        Assert.Contains("View person", page);
        Assert.Contains("Create person", page);
    }
}

public sealed class RecordPagesTests_Sqlite(SqliteApp fixture) : RecordPagesTests(fixture), IClassFixture<SqliteApp>;

public sealed class RecordPagesTests_Postgres(PostgresApp fixture) : RecordPagesTests(fixture), IClassFixture<PostgresApp>;

public sealed class ErrorSummaryOrderTests : IClassFixture<SqliteApp>
{
    private readonly SightlineFactory _app;
    public ErrorSummaryOrderTests(SqliteApp fixture) => _app = fixture.App;

    [Fact]
    public async Task The_error_summary_lists_errors_in_the_order_of_the_fields_on_the_page()
    {
        var client = await _app.SignedInAsync("practitioner");
        var response = await client.PostFormAsync("/people/new", [new("firstName", ""), new("lastName", ""), new("dateOfBirth.Day", "40")]);
        var links = (await response.ReadDocumentAsync()).QuerySelectorAll(".govuk-error-summary a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(["#firstName", "#lastName", "#dateOfBirth", "#sex"], links);
    }
}

public sealed class PlainHttpAndPagingTests : IClassFixture<SqliteApp>
{
    private readonly SightlineFactory _app;
    public PlainHttpAndPagingTests(SqliteApp fixture) => _app = fixture.App;

    [Fact]
    public async Task Forms_work_over_plain_http_as_on_a_local_serve()
    {
        var client = _app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { BaseAddress = new Uri("http://localhost"), AllowAutoRedirect = false });
        var response = await client.GetAsync("/sign-in", TestContext.Current.CancellationToken);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull(SignedInClient.ParseHtml(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).QuerySelector("input[name=__RequestVerificationToken]"));
    }

    [Fact]
    public async Task Search_results_page_through_with_the_page_query()
    {
        var api = _app.ApiClientFor("practitioner");
        var surname = "Pager" + Guid.NewGuid().ToString("N")[..6];
        for (var i = 0; i < 23; i++) await Builders.CreatePersonAsync(api, $"Child{i:D2}", surname);
        var client = await _app.SignedInAsync("practitioner");
        var first = SignedInClient.ParseHtml(await client.GetStringAsync($"/people?q={surname}", TestContext.Current.CancellationToken));
        var second = SignedInClient.ParseHtml(await client.GetStringAsync($"/people?q={surname}&page=2", TestContext.Current.CancellationToken));
        Assert.Contains("23 young people found", first.QuerySelector("#results")!.TextContent);
        Assert.Equal(20, first.QuerySelectorAll("tbody tr").Length);
        Assert.Equal(3, second.QuerySelectorAll("tbody tr").Length);
        Assert.NotNull(first.QuerySelector("a[rel=next]"));
    }
}
