using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Sightline.Core.Audit;
using Sightline.TestKit;
using Sightline.Web.Tests.Support;

namespace Sightline.Web.Tests;

public abstract class PeopleApiTests(AppFixture fixture)
{
    private SightlineFactory App => fixture.App;
    private CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Post_creates_a_person_and_returns_201_with_its_id()
    {
        var api = App.ApiClientFor("practitioner");
        var response = await api.PostAsJsonAsync("/api/v1/people", new { firstName = "Amara", lastName = "Okafor", dateOfBirth = "2010-03-27", sex = "female", ethnicity = "Black African" }, Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        var id = body.GetProperty("id").GetGuid();
        Assert.Equal($"/api/v1/people/{id}", response.Headers.Location!.OriginalString);
        Assert.Equal("Amara", body.GetProperty("firstName").GetString());
        Assert.Equal("2010-03-27", body.GetProperty("dateOfBirth").GetString());

        var read = await api.GetFromJsonAsync<JsonElement>($"/api/v1/people/{id}", Ct);
        Assert.Equal("Okafor", read.GetProperty("lastName").GetString());
    }

    [Fact]
    public async Task The_creators_agency_is_involved_from_the_start_and_no_other()
    {
        var person = await Builders.CreatePersonAsync(App.ApiClientFor("practitioner"));
        var id = person.GetProperty("id").GetGuid();
        var agencies = await App.WithDbAsync(db => db.AgencyInvolvements.Where(a => a.PersonId == id).Select(a => a.AgencyId).ToListAsync(Ct));
        Assert.Equal([App.SocialCare.Id], agencies);
    }

    [Fact]
    public async Task Search_is_partial_case_insensitive_and_paged()
    {
        var api = App.ApiClientFor("practitioner");
        var surname = "Pagetest" + Guid.NewGuid().ToString("N")[..5];
        for (var i = 0; i < 3; i++) await Builders.CreatePersonAsync(api, $"Kid{i}", surname);
        var page = await api.GetFromJsonAsync<JsonElement>($"/api/v1/people?q={surname[2..].ToUpperInvariant()}&pageSize=2", Ct);
        Assert.Equal(3, page.GetProperty("totalCount").GetInt32());
        Assert.Equal(2, page.GetProperty("items").GetArrayLength());
        var second = await api.GetFromJsonAsync<JsonElement>($"/api/v1/people?q={surname.ToLowerInvariant()}&pageSize=2&page=2", Ct);
        Assert.Equal(1, second.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task Search_by_reference_and_by_date_of_birth()
    {
        var api = App.ApiClientFor("practitioner");
        var person = await Builders.CreatePersonAsync(api, dob: "2009-01-02");
        var reference = person.GetProperty("reference").GetString()!;
        var byReference = await api.GetFromJsonAsync<JsonElement>($"/api/v1/people?q={reference.ToLowerInvariant()}", Ct);
        Assert.Equal(person.GetProperty("id").GetGuid(), byReference.GetProperty("items")[0].GetProperty("id").GetGuid());
        var byDob = await api.GetFromJsonAsync<JsonElement>($"/api/v1/people?q={person.GetProperty("lastName").GetString()}&dateOfBirth=2009-01-02", Ct);
        Assert.Equal(1, byDob.GetProperty("totalCount").GetInt32());
    }

    [Fact]
    public async Task Bad_input_gives_400_problem_with_every_field_at_fault_and_writes_nothing()
    {
        var api = App.ApiClientFor("practitioner");
        var before = await App.WithDbAsync(db => db.People.CountAsync(Ct));
        var response = await api.PostAsJsonAsync("/api/v1/people", new { firstName = "", lastName = "X", dateOfBirth = "2999-01-01", sex = "robot" }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors");
        Assert.True(errors.TryGetProperty("sex", out _));
        Assert.True(errors.TryGetProperty("dateOfBirth", out _));
        Assert.True(errors.TryGetProperty("firstName", out _));
        Assert.Equal(before, await App.WithDbAsync(db => db.People.CountAsync(Ct)));
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("[1,2,3]")]
    [InlineData("{\"firstName\": 12, \"lastName\": \"X\", \"dateOfBirth\": \"2010-01-01\"}")]
    [InlineData("{\"firstName\": \"A\", \"lastName\": \"B\", \"dateOfBirth\": \"27/03/2010\"}")]
    public async Task Malformed_or_wrongly_typed_json_is_a_400_problem(string json)
    {
        var response = await App.ApiClientFor("practitioner").PostAsync("/api/v1/people", new StringContent(json, Encoding.UTF8, "application/json"), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task A_10_MB_name_is_a_400_naming_the_field()
    {
        var response = await App.ApiClientFor("practitioner").PostAsJsonAsync("/api/v1/people",
            new { firstName = new string('a', 10 * 1024 * 1024), lastName = "B", dateOfBirth = "2010-01-01" }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors");
        Assert.True(errors.TryGetProperty("firstName", out _));
    }

    [Fact]
    public async Task Without_a_valid_token_the_api_answers_401_problem()
    {
        var anonymous = App.CreateClient();
        var response = await anonymous.GetAsync("/api/v1/people?q=a", Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        anonymous.DefaultRequestHeaders.Authorization = new("Bearer", "sl_not-a-real-token-at-all");
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/v1/people?q=a", Ct)).StatusCode);
    }

    [Fact]
    public async Task Outside_need_to_know_a_record_is_404_exactly_like_one_that_does_not_exist()
    {
        var person = await Builders.CreatePersonAsync(App.ApiClientFor("practitioner"));
        var police = App.ApiClientFor("police-practitioner");
        var hidden = await police.GetAsync($"/api/v1/people/{person.GetProperty("id").GetGuid()}", Ct);
        var missing = await police.GetAsync($"/api/v1/people/{Guid.NewGuid()}", Ct);
        Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(
            (await missing.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("title").GetString(),
            (await hidden.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("title").GetString());
        var search = await police.GetFromJsonAsync<JsonElement>($"/api/v1/people?q={person.GetProperty("lastName").GetString()}", Ct);
        Assert.Equal(0, search.GetProperty("totalCount").GetInt32());
    }

    [Fact]
    public async Task A_stale_version_is_a_409_and_the_first_save_is_kept()
    {
        var api = App.ApiClientFor("practitioner");
        var person = await Builders.CreatePersonAsync(api);
        var id = person.GetProperty("id").GetGuid();
        var version = person.GetProperty("version").GetString();
        var first = await api.PutAsJsonAsync($"/api/v1/people/{id}", new { firstName = "First", lastName = "Save", dateOfBirth = "2010-03-27", sex = "female", version }, Ct);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var second = await api.PutAsJsonAsync($"/api/v1/people/{id}", new { firstName = "Second", lastName = "Save", dateOfBirth = "2010-03-27", sex = "female", version }, Ct);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Equal("application/problem+json", second.Content.Headers.ContentType!.MediaType);
        var read = await api.GetFromJsonAsync<JsonElement>($"/api/v1/people/{id}", Ct);
        Assert.Equal("First", read.GetProperty("firstName").GetString());
    }

    [Fact]
    public async Task Flags_are_added_and_listed_with_the_yot_risk_level()
    {
        var api = App.ApiClientFor("practitioner");
        var id = (await Builders.CreatePersonAsync(api)).GetProperty("id").GetGuid();
        var created = await api.PostAsJsonAsync($"/api/v1/people/{id}/flags", new { type = "yot", startDate = "2026-01-05", level = "High" }, Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var gangs = await api.PostAsJsonAsync($"/api/v1/people/{id}/flags", new { type = "gangs", startDate = "2026-02-01" }, Ct);
        Assert.Equal(HttpStatusCode.Created, gangs.StatusCode);
        var flags = await api.GetFromJsonAsync<JsonElement>($"/api/v1/people/{id}/flags", Ct);
        Assert.Equal(2, flags.GetArrayLength());
        var yot = flags.EnumerateArray().Single(f => f.GetProperty("type").GetString() == "yot");
        Assert.Equal("High", yot.GetProperty("level").GetString());
        Assert.True(yot.GetProperty("isCurrent").GetBoolean());
    }

    [Theory]
    [InlineData("{\"type\":\"unicorn\",\"startDate\":\"2026-01-01\"}", "type")]
    [InlineData("{\"type\":\"yot\",\"startDate\":\"2026-01-01\"}", "level")]
    [InlineData("{\"type\":\"gangs\",\"startDate\":\"2999-01-01\"}", "startDate")]
    [InlineData("{\"type\":\"gangs\"}", "startDate")]
    [InlineData("{\"type\":\"gangs\",\"startDate\":\"2026-01-01\",\"level\":\"Extreme\"}", "level")]
    public async Task Bad_flags_are_400_naming_the_field(string json, string field)
    {
        var api = App.ApiClientFor("practitioner");
        var id = (await Builders.CreatePersonAsync(api)).GetProperty("id").GetGuid();
        var response = await api.PostAsync($"/api/v1/people/{id}/flags", new StringContent(json, Encoding.UTF8, "application/json"), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task The_access_history_shows_views_and_changes_to_managers_only()
    {
        var api = App.ApiClientFor("practitioner");
        var id = (await Builders.CreatePersonAsync(api)).GetProperty("id").GetGuid();
        await api.GetAsync($"/api/v1/people/{id}", Ct);
        await api.PostAsJsonAsync($"/api/v1/people/{id}/flags", new { type = "cse", startDate = "2026-01-05" }, Ct);

        Assert.Equal(HttpStatusCode.Forbidden, (await api.GetAsync($"/api/v1/people/{id}/audit", Ct)).StatusCode);
        var history = await App.ApiClientFor("team-manager").GetFromJsonAsync<JsonElement>($"/api/v1/people/{id}/audit", Ct);
        var actions = history.GetProperty("items").EnumerateArray().Select(e => (e.GetProperty("action").GetString(), e.GetProperty("entityType").GetString(), e.GetProperty("userEmail").GetString())).ToList();
        Assert.Contains(("View", "person", "practitioner@test.example"), actions);
        Assert.Contains(("Create", "person", "practitioner@test.example"), actions);
        Assert.Contains(("Create", "flag", "practitioner@test.example"), actions);
    }

    [Fact]
    public async Task Every_read_and_write_is_audited_and_the_chain_verifies()
    {
        var api = App.ApiClientFor("practitioner");
        var before = await App.WithDbAsync(db => db.AuditEntries.CountAsync(Ct));
        var id = (await Builders.CreatePersonAsync(api)).GetProperty("id").GetGuid();
        await api.GetAsync($"/api/v1/people/{id}", Ct);
        await api.GetAsync("/api/v1/people?q=zeph", Ct);
        var entries = await App.WithDbAsync(db => db.AuditEntries.Where(e => e.Sequence > before).OrderBy(e => e.Sequence).ToListAsync(Ct));
        Assert.Contains(entries, e => e.Action == AuditAction.Create && e.PersonId == id);
        Assert.Contains(entries, e => e.Action == AuditAction.View && e.PersonId == id && e.UserId == App.Users["practitioner"].Id);
        Assert.Contains(entries, e => e.Action == AuditAction.Search && e.Details!.Contains("zeph"));
        var (intact, _, fault) = await App.WithDbAsync(async db => await new AuditQueries(db).VerifyAsync(Ct));
        Assert.True(intact, fault);
    }

    [Fact]
    public async Task Concurrent_writes_from_many_clients_keep_the_audit_chain_gap_free()
    {
        var api = App.ApiClientFor("practitioner");
        await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => Builders.CreatePersonAsync(api)));
        var (intact, count, fault) = await App.WithDbAsync(async db => await new AuditQueries(db).VerifyAsync(Ct));
        Assert.True(intact, fault);
        Assert.True(count >= 12);
    }

    [Fact]
    public async Task Analysts_and_administrators_cannot_use_the_people_api()
    {
        Assert.Equal(HttpStatusCode.Forbidden, (await App.ApiClientFor("analyst").GetAsync("/api/v1/people?q=a", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await App.ApiClientFor("administrator").GetAsync("/api/v1/people?q=a", Ct)).StatusCode);
    }

    [Fact]
    public async Task Health_endpoints_need_no_authentication_and_ready_checks_the_database()
    {
        var client = App.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live", Ct)).StatusCode);
        var ready = await client.GetAsync("/health/ready", Ct);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("Healthy", await ready.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task The_openapi_document_describes_the_people_api()
    {
        var document = await App.CreateClient().GetFromJsonAsync<JsonElement>("/openapi/v1.json", Ct);
        var paths = document.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/v1/people", out _));
        Assert.True(paths.TryGetProperty("/api/v1/people/{id}/flags", out _));
    }
}

public sealed class PeopleApiTests_Sqlite(SqliteApp fixture) : PeopleApiTests(fixture), IClassFixture<SqliteApp>;

public sealed class PeopleApiTests_Postgres(PostgresApp fixture) : PeopleApiTests(fixture), IClassFixture<PostgresApp>;
