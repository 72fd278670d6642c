using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Sightline.TestKit;
using Sightline.Web.Tests.Support;

namespace Sightline.Web.Tests;

/// <summary>
/// The network through the API and the pages: association shapes and errors, persons of concern
/// only for police and named users, and a network that neither shows nor hints at hidden people.
/// </summary>
public abstract class NetworkWebTests(AppFixture fixture)
{
    private SightlineFactory App => fixture.App;
    private CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<string> PersonAsync(string creator = "practitioner", string? first = null, string? last = null) =>
        (await Builders.CreatePersonAsync(App.ApiClientFor(creator), first, last)).GetProperty("id").GetString()!;

    private async Task<string> CreatedIdAsync(string user, string url, object body)
    {
        var response = await App.ApiClientFor(user).PostAsJsonAsync(url, body, Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"POST {url}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.GetProperty("id").GetString()!;
    }

    private Task<string> PlaceAsync(string name = "Hollow Park") =>
        CreatedIdAsync("practitioner", "/api/v1/places", new { name, type = "park", postcode = "n1 1aa" });

    private Task<string> ConcernAsync(string user, string name, params string[] named) =>
        CreatedIdAsync(user, "/api/v1/persons-of-concern", new { name, category = "adult", aliases = new[] { "Ace" }, vehicles = new[] { new { registration = "ab12 cde", description = "Black hatchback" } }, namedUserEmails = named });

    private static object Link(string fromKind, string fromId, string toKind, string toId, string type, string date = "2026-11-01") =>
        new { from = new { kind = fromKind, id = fromId }, to = new { kind = toKind, id = toId }, type, date, confidence = "high", source = "Return home interview" };

    [Fact]
    public async Task Post_association_returns_201_with_its_id_and_the_network_lists_it()
    {
        var (amy, ben, park) = (await PersonAsync(), await PersonAsync(), await PlaceAsync());
        var response = await App.ApiClientFor("practitioner").PostAsJsonAsync("/api/v1/associations", Link("person", amy, "place", park, "found-at-when-missing"), Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.True(Guid.TryParse(body.GetProperty("id").GetString(), out _));
        Assert.Equal("found-at-when-missing", body.GetProperty("type").GetString());
        Assert.Equal("place", body.GetProperty("to").GetProperty("kind").GetString());
        await CreatedIdAsync("practitioner", "/api/v1/associations", Link("person", ben, "place", park, "frequents"));

        var network = await App.ApiClientFor("practitioner").GetFromJsonAsync<JsonElement>($"/api/v1/people/{amy}/network?depth=2&since=2026-10-01", Ct);
        Assert.Equal(3, network.GetProperty("nodes").GetArrayLength());
        Assert.Equal(2, network.GetProperty("edges").GetArrayLength());
        var links = network.GetProperty("linksWorthALook").EnumerateArray().ToList();
        Assert.Contains(links, l => l.GetProperty("kind").GetString() == "shared-connection" && l.GetProperty("hub").GetProperty("id").GetString() == park);
        Assert.Contains(links, l => l.GetProperty("kind").GetString() == "group-grew");
        var first = network.GetProperty("nodes")[0];
        Assert.Equal("person", first.GetProperty("kind").GetString());
        Assert.Equal(0, first.GetProperty("depth").GetInt32());
    }

    [Fact]
    public async Task Bad_kinds_types_and_ids_give_400_with_field_errors_and_write_nothing()
    {
        var before = await App.WithDbAsync(db => db.Associations.CountAsync(Ct));
        var response = await App.ApiClientFor("practitioner").PostAsJsonAsync("/api/v1/associations",
            new { from = new { kind = "robot", id = "not-an-id" }, to = new { kind = "place" }, type = "best-friend" }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors");
        foreach (var field in new[] { "from.kind", "from.id", "to.id", "type" }) Assert.True(errors.TryGetProperty(field, out _), field);
        Assert.Equal(before, await App.WithDbAsync(db => db.Associations.CountAsync(Ct)));

        var missing = await App.ApiClientFor("practitioner").PostAsJsonAsync("/api/v1/associations", new { type = "peer" }, Ct);
        var missingErrors = (await missing.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors");
        Assert.True(missingErrors.TryGetProperty("from", out _) && missingErrors.TryGetProperty("to", out _));
        var badDepth = await App.ApiClientFor("practitioner").GetAsync($"/api/v1/people/{await PersonAsync()}/network?depth=4", Ct);
        Assert.Equal(HttpStatusCode.BadRequest, badDepth.StatusCode);
    }

    [Fact]
    public async Task An_end_the_user_cannot_see_is_404_exactly_as_a_missing_one()
    {
        var amy = await PersonAsync();
        var hidden = await PersonAsync("police-practitioner");
        var api = App.ApiClientFor("practitioner");
        var toHidden = await api.PostAsJsonAsync("/api/v1/associations", Link("person", amy, "person", hidden, "peer"), Ct);
        var toMissing = await api.PostAsJsonAsync("/api/v1/associations", Link("person", amy, "person", Guid.NewGuid().ToString(), "peer"), Ct);
        Assert.Equal(HttpStatusCode.NotFound, toHidden.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, toMissing.StatusCode);
        static string WithoutTrace(string body) => System.Text.RegularExpressions.Regex.Replace(body, "\"traceId\":\"[^\"]*\"", "");
        Assert.Equal(WithoutTrace(await toMissing.Content.ReadAsStringAsync(Ct)), WithoutTrace(await toHidden.Content.ReadAsStringAsync(Ct)));
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"/api/v1/people/{hidden}/network", Ct)).StatusCode);
    }

    [Fact]
    public async Task Persons_of_concern_are_for_police_and_named_users_and_every_view_is_audited()
    {
        var id = await ConcernAsync("police-practitioner", "Target Alpha", "second-practitioner@test.example");
        Assert.Equal(HttpStatusCode.OK, (await App.ApiClientFor("police-practitioner").GetAsync($"/api/v1/persons-of-concern/{id}", Ct)).StatusCode);
        var named = await App.ApiClientFor("second-practitioner").GetFromJsonAsync<JsonElement>($"/api/v1/persons-of-concern/{id}", Ct);
        Assert.Equal("AB12 CDE", named.GetProperty("vehicles")[0].GetProperty("registration").GetString());
        Assert.Equal("Ace", named.GetProperty("aliases")[0].GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await App.ApiClientFor("practitioner").GetAsync($"/api/v1/persons-of-concern/{id}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await App.ApiClientFor("analyst").GetAsync($"/api/v1/persons-of-concern/{id}", Ct)).StatusCode);
        var list = await App.ApiClientFor("practitioner").GetStringAsync("/api/v1/persons-of-concern", Ct);
        Assert.DoesNotContain("Target Alpha", list);
        var views = await App.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.EntityType == "person-of-concern" && e.EntityId == id && e.Action == Sightline.Core.Audit.AuditAction.View, Ct));
        Assert.True(views >= 2, $"{views} views audited");
    }

    [Fact]
    public async Task Disruption_is_recorded_against_a_place_with_a_tactic_from_the_seed()
    {
        var park = await PlaceAsync("Disrupted Park");
        var body = new { tactic = "closure-notice", leadAgencyId = App.Police.Id, startDate = "2026-11-01", status = "active", outcome = "Closure notice served" };
        await CreatedIdAsync("practitioner", $"/api/v1/places/{park}/disruption", body);
        var place = await App.ApiClientFor("practitioner").GetFromJsonAsync<JsonElement>($"/api/v1/places/{park}", Ct);
        Assert.Equal("closure-notice", place.GetProperty("disruption")[0].GetProperty("tactic").GetString());
        var bad = await App.ApiClientFor("practitioner").PostAsJsonAsync($"/api/v1/places/{park}/disruption", new { tactic = "stern-word", status = "done" }, Ct);
        var errors = (await bad.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors");
        foreach (var field in new[] { "tactic", "status", "leadAgencyId", "startDate" }) Assert.True(errors.TryGetProperty(field, out _), field);
    }

    [Fact]
    public async Task Hidden_young_people_are_neither_shown_nor_hinted_at_in_the_api_or_the_page()
    {
        var (hiddenFirst, hiddenLast) = Builders.UniqueName();
        var (amy, park) = (await PersonAsync(), await PlaceAsync("Shared Park"));
        var ben = await PersonAsync();
        var hidden = await PersonAsync("police-practitioner", hiddenFirst, hiddenLast);
        await CreatedIdAsync("practitioner", "/api/v1/associations", Link("person", amy, "place", park, "frequents"));
        await CreatedIdAsync("practitioner", "/api/v1/associations", Link("person", ben, "place", park, "frequents"));
        await CreatedIdAsync("police-practitioner", "/api/v1/associations", Link("person", hidden, "place", park, "frequents"));

        var json = await App.ApiClientFor("practitioner").GetStringAsync($"/api/v1/people/{amy}/network", Ct);
        Assert.DoesNotContain(hidden, json);
        Assert.DoesNotContain(hiddenLast, json);
        var network = JsonDocument.Parse(json).RootElement;
        Assert.Equal(3, network.GetProperty("nodes").GetArrayLength());
        Assert.Equal(2, network.GetProperty("edges").GetArrayLength());

        var browser = await App.SignedInAsync("practitioner");
        var html = await browser.GetStringAsync($"/people/{amy}/network", Ct);
        Assert.DoesNotContain(hidden, html);
        Assert.DoesNotContain(hiddenLast, html);
        var page = SignedInClient.ParseHtml(html);
        Assert.Equal(2, page.QuerySelectorAll("#network-table tbody tr").Length);
        Assert.Contains("2 links between 3 people and places", page.QuerySelector("#network-table caption")!.TextContent);
        Assert.Contains("Shared Park", page.QuerySelector("#links-list")!.TextContent);
        Assert.NotNull(page.QuerySelector("#network-graph[data-network]"));
    }

    [Fact]
    public async Task A_practitioner_adds_an_association_from_the_young_persons_record()
    {
        var amy = await PersonAsync();
        var park = await PlaceAsync("Form Park");
        var browser = await App.SignedInAsync("practitioner");
        var record = await browser.GetDocumentAsync($"/people/{amy}");
        Assert.Equal($"/people/{amy}/network", record.QuerySelector("#network-link")!.GetAttribute("href"));

        var empty = await browser.PostFormAsync($"/people/{amy}/associations/add", []);
        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        var errors = (await empty.ReadDocumentAsync()).ErrorSummary();
        Assert.Contains("Select who or what the young person is linked to", errors);
        Assert.Contains("Select the type of link", errors);

        var saved = await browser.PostFormAsync($"/people/{amy}/associations/add",
            [new("kind", "place"), new("placeId", park), new("type", "found-at-when-missing"), new("confidence", "high"), new("source", "Police")]);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var network = await browser.GetDocumentAsync($"/people/{amy}/network");
        Assert.Contains("Form Park", network.QuerySelector("#network-table")!.TextContent);
    }

    [Fact]
    public async Task Police_add_a_person_of_concern_in_the_pages_and_others_cannot_open_it()
    {
        var police = await App.SignedInAsync("police-practitioner");
        var empty = await police.PostFormAsync("/persons-of-concern/add", [new("approximateAge", "old")]);
        var errors = (await empty.ReadDocumentAsync()).ErrorSummary();
        Assert.Contains("Enter the person's name, or a description if the name is not known", errors); // the rules' errors with the form's own
        Assert.Contains("The approximate age must be a number, like 25", errors);
        var saved = await police.PostFormAsync("/persons-of-concern/add",
            [new("name", "Target Bravo"), new("category", "adult"), new("vehicles", "xy99 zzz, silver van"), new("aliases", "B\nBravo")]);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var url = saved.Headers.Location!.OriginalString;
        var page = await police.GetDocumentAsync(url);
        Assert.Contains("XY99 ZZZ", page.QuerySelector("main")!.TextContent);
        var other = await App.SignedInAsync("practitioner");
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(url, Ct)).StatusCode);
        Assert.DoesNotContain("Target Bravo", await other.GetStringAsync("/persons-of-concern", Ct));
    }

    [Fact]
    public async Task A_person_of_concerns_record_lists_only_the_young_people_each_viewer_may_see()
    {
        var (socialFirst, socialLast) = Builders.UniqueName();
        var (policeFirst, policeLast) = Builders.UniqueName();
        var concern = await ConcernAsync("police-practitioner", "Target Charlie", "practitioner@test.example");
        var known = await PersonAsync("practitioner", socialFirst, socialLast);
        var policeOnly = await PersonAsync("police-practitioner", policeFirst, policeLast);
        await CreatedIdAsync("practitioner", "/api/v1/associations", Link("person", known, "person-of-concern", concern, "victim-of"));
        await CreatedIdAsync("police-practitioner", "/api/v1/associations", Link("person", policeOnly, "person-of-concern", concern, "victim-of"));

        var social = await (await App.SignedInAsync("practitioner")).GetDocumentAsync($"/persons-of-concern/{concern}");
        var socialLinks = social.QuerySelector("#network-table")!.TextContent;
        Assert.Contains(socialLast, socialLinks);
        Assert.DoesNotContain(policeLast, social.Body!.OuterHtml);
        Assert.Equal(1, social.QuerySelectorAll("#network-table tbody tr").Length);

        var police = await (await App.SignedInAsync("police-practitioner")).GetDocumentAsync($"/persons-of-concern/{concern}");
        Assert.Contains(policeLast, police.QuerySelector("#network-table")!.TextContent);
        Assert.DoesNotContain(socialLast, police.Body!.OuterHtml);
    }

    [Fact]
    public async Task An_administrator_adds_a_disruption_tactic_and_retires_it()
    {
        var admin = await App.SignedInAsync("administrator");
        var list = await admin.GetDocumentAsync("/admin/disruption-tactics");
        Assert.Contains("Section 222 Local Government Act 1972", list.QuerySelector("#tactics")!.TextContent);
        var key = "licence-review-" + Guid.NewGuid().ToString("N")[..6];
        var bad = await admin.PostFormAsync("/admin/disruption-tactics/add", [new("name", ""), new("key", "Bad Key")]);
        var errors = (await bad.ReadDocumentAsync()).ErrorSummary();
        Assert.Contains("Enter the tactic's name", errors);
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync("/admin/disruption-tactics/add", [new("name", "Licence review " + key), new("key", key)])).StatusCode);
        var tactics = await App.ApiClientFor("practitioner").GetStringAsync("/api/v1/disruption-tactics", Ct);
        Assert.Contains(key, tactics);

        var id = await App.WithDbAsync(db => db.DisruptionTactics.Where(t => t.Key == key).Select(t => t.Id).SingleAsync(Ct));
        var retired = await admin.PostFormAsync("/admin/disruption-tactics", [new("id", id.ToString()), new("active", "false")]);
        Assert.Equal(HttpStatusCode.Redirect, retired.StatusCode);
        Assert.DoesNotContain(key, await App.ApiClientFor("practitioner").GetStringAsync("/api/v1/disruption-tactics", Ct));
    }
}

public sealed class NetworkWebTests_Sqlite(SqliteApp fixture) : NetworkWebTests(fixture), IClassFixture<SqliteApp>;

public sealed class NetworkWebTests_Postgres(PostgresApp fixture) : NetworkWebTests(fixture), IClassFixture<PostgresApp>;
