using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Sightline.TestKit;
using Sightline.Web.Tests.Support;

namespace Sightline.Web.Tests;

/// <summary>
/// The missing episode, return home interview and missing summary endpoints, with the shapes
/// issue 4 promises to external checks: 201 and the episode with its 72-hour clock, a 400 naming
/// the field for every kind of bad input, the return recorded by a merging PUT, the interview in
/// time or late, repeat missing, need-to-know (404), analysts limited to the figures, and the
/// figures themselves on a dataset built for them.
/// </summary>
public abstract class MissingApiTests(AppFixture fixture)
{
    private SightlineFactory App => fixture.App;
    private CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Now, to the second, so times sent and read back compare exactly.</summary>
    private static readonly DateTime Now = DateTime.SpecifyKind(
        new DateTime(DateTime.UtcNow.Ticks - DateTime.UtcNow.Ticks % TimeSpan.TicksPerSecond), DateTimeKind.Utc);

    private static string Iso(DateTime utc) => utc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static StringContent Json(JsonNode body) => new(body.ToJsonString(), Encoding.UTF8, "application/json");

    private static string Episodes(Guid personId) => $"/api/v1/people/{personId}/missing-episodes";

    private async Task<Guid> NewPersonAsync(string dob = "2010-03-27", string sex = "female", string? ethnicity = null)
    {
        var (first, last) = Builders.UniqueName();
        var body = new JsonObject { ["firstName"] = first, ["lastName"] = last, ["dateOfBirth"] = dob, ["sex"] = sex };
        if (ethnicity is not null) body["ethnicity"] = ethnicity;
        var response = await App.ApiClientFor("practitioner").PostAsync("/api/v1/people", Json(body), Ct);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync(Ct));
        return (await ReadAsync(response)).GetProperty("id").GetGuid();
    }

    private async Task<JsonElement> ReadAsync(HttpResponseMessage response) => await response.Content.ReadFromJsonAsync<JsonElement>(Ct);

    private async Task<HttpResponseMessage> SendAsync(string who, HttpMethod method, string url, JsonNode? body = null)
    {
        using var request = new HttpRequestMessage(method, url) { Content = body is null ? null : Json(body) };
        return await App.ApiClientFor(who).SendAsync(request, Ct);
    }

    private async Task<JsonElement> ExpectAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == status, $"Expected {(int)status}, got {(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private async Task<JsonElement> RecordAsync(Guid personId, JsonObject body, string who = "practitioner") =>
        await ExpectAsync(await SendAsync(who, HttpMethod.Post, Episodes(personId), body), HttpStatusCode.Created);

    private static JsonObject Episode(DateTime lastSeen, DateTime? returned = null, string category = "missing", string from = "home")
    {
        var body = new JsonObject { ["category"] = category, ["from"] = from, ["lastSeen"] = Iso(lastSeen) };
        if (returned is { } back) body["returned"] = Iso(back);
        return body;
    }

    /// <summary>The errors of a 400, after checking it is one, in the standard problem shape.</summary>
    private async Task<JsonElement> ErrorsAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"Expected 400, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(text).RootElement.GetProperty("errors").Clone();
    }

    private static string FieldError(JsonElement errors, string field)
    {
        Assert.True(errors.TryGetProperty(field, out var messages), $"No error for {field}: {errors}");
        var message = messages[0].GetString();
        Assert.False(string.IsNullOrWhiteSpace(message));
        return message!;
    }

    // ---- Recording an episode ----

    [Fact]
    public async Task Post_records_an_open_episode_and_returns_201_with_its_shape()
    {
        var personId = await NewPersonAsync();
        var lastSeen = Now.AddHours(-6);
        var body = Episode(lastSeen, category: "away-without-authorisation", from: "care");
        body["placement"] = "Oak House children's home";
        body["reportedToPolice"] = lastSeen.AddHours(2).ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture) + "+01:00";
        body["policeReference"] = "MP/2026/0042";
        body["policeRiskGrading"] = "Medium";
        body["circumstances"] = "Left after an argument";
        body["withWhom"] = "Older males";
        var response = await SendAsync("practitioner", HttpMethod.Post, Episodes(personId), body);
        var episode = await ExpectAsync(response, HttpStatusCode.Created);

        var id = episode.GetProperty("id").GetGuid();
        Assert.Equal($"/api/v1/people/{personId}/missing-episodes/{id}", response.Headers.Location!.OriginalString);
        Assert.Equal(personId, episode.GetProperty("personId").GetGuid());
        Assert.Equal("away-without-authorisation", episode.GetProperty("category").GetString());
        Assert.Equal("care", episode.GetProperty("from").GetString());
        Assert.Equal("Oak House children's home", episode.GetProperty("placement").GetString());
        Assert.Equal(Iso(lastSeen), episode.GetProperty("lastSeen").GetString());
        Assert.Equal(Iso(lastSeen.AddHours(1)), episode.GetProperty("reportedToPolice").GetString()); // +01:00 is an hour ahead of UTC
        Assert.Equal("MP/2026/0042", episode.GetProperty("policeReference").GetString());
        Assert.Equal("medium", episode.GetProperty("policeRiskGrading").GetString());
        Assert.Equal(JsonValueKind.Null, episode.GetProperty("returned").ValueKind);
        Assert.Equal("Older males", episode.GetProperty("withWhom").GetString());
        Assert.Equal(App.Users["practitioner"].Id, episode.GetProperty("responsibleUserId").GetGuid());
        Assert.Equal(JsonValueKind.Null, episode.GetProperty("durationHours").ValueKind);
        Assert.True(episode.GetProperty("isOpen").GetBoolean());
        var rhi = episode.GetProperty("rhi");
        Assert.Equal("NotStarted", rhi.GetProperty("state").GetString());
        Assert.Equal(JsonValueKind.Null, rhi.GetProperty("dueAt").ValueKind);
        Assert.Equal(JsonValueKind.Null, rhi.GetProperty("completedWithin72Hours").ValueKind);
        foreach (var field in new[] { "offered", "offeredBy", "accepted", "completed", "agencyId", "worker", "youngPersonSaid", "risksDisclosed", "followUp" })
            Assert.True(rhi.TryGetProperty(field, out _), $"rhi.{field} is missing");
        var rowVersion = episode.GetProperty("rowVersion").GetGuid();
        Assert.Equal($"\"{rowVersion}\"", response.Headers.ETag!.Tag);

        var read = await ExpectAsync(await SendAsync("practitioner", HttpMethod.Get, $"{Episodes(personId)}/{id}"), HttpStatusCode.OK);
        Assert.Equal(rowVersion, read.GetProperty("rowVersion").GetGuid());
        Assert.Equal("away-without-authorisation", read.GetProperty("category").GetString());
    }

    [Fact]
    public async Task Times_without_an_offset_are_London_time_and_aliases_are_accepted()
    {
        var personId = await NewPersonAsync();
        // Summer: London is UTC+1, so 21:30 on the clock is 20:30 UTC.
        var summer = await RecordAsync(personId, new JsonObject
        {
            ["category"] = "Absent", ["from"] = "Home", ["lastSeenAt"] = "2026-07-01T21:30:00", ["returnedAt"] = "2026-07-02T09:15",
            ["policeRiskGrading"] = "NoApparentRisk",
        });
        Assert.Equal("2026-07-01T20:30:00Z", summer.GetProperty("lastSeen").GetString());
        Assert.Equal("2026-07-02T08:15:00Z", summer.GetProperty("returned").GetString());
        Assert.Equal("absent", summer.GetProperty("category").GetString());
        Assert.Equal("no-apparent-risk", summer.GetProperty("policeRiskGrading").GetString());
        Assert.Equal(11.75, summer.GetProperty("durationHours").GetDouble(), 6);
        Assert.False(summer.GetProperty("isOpen").GetBoolean());

        // Winter: London is UTC; "found" is another name for the return, and an offset is honoured.
        var winter = await RecordAsync(personId, new JsonObject
        {
            ["category"] = "missing", ["from"] = "care", ["lastSeen"] = "2026-01-15T21:30:00", ["reportedToPoliceAt"] = "2026-01-15T23:00:00.000Z",
            ["found"] = "2026-01-16T05:30:00-01:00",
        });
        Assert.Equal("2026-01-15T21:30:00Z", winter.GetProperty("lastSeen").GetString());
        Assert.Equal("2026-01-15T23:00:00Z", winter.GetProperty("reportedToPolice").GetString());
        Assert.Equal("2026-01-16T06:30:00Z", winter.GetProperty("returned").GetString());
        Assert.Equal(9, winter.GetProperty("durationHours").GetDouble(), 6);
    }

    [Fact]
    public async Task Every_kind_of_bad_episode_is_a_400_naming_the_field()
    {
        var personId = await NewPersonAsync();
        var url = Episodes(personId);
        var seen = Now.AddHours(-5);

        async Task<string> Fails(JsonObject body, string field) =>
            FieldError(await ErrorsAsync(await SendAsync("practitioner", HttpMethod.Post, url, body)), field);

        Assert.Contains("missing", await Fails(new JsonObject { ["from"] = "home", ["lastSeen"] = Iso(seen) }, "category"));
        var category = await Fails(Episode(seen, category: "lost"), "category");
        Assert.Contains("missing, absent, away-without-authorisation", category);
        Assert.Contains("home, care", await Fails(Episode(seen, from: "school"), "from"));
        await Fails(new JsonObject { ["category"] = "missing", ["lastSeen"] = Iso(seen) }, "from");
        await Fails(new JsonObject { ["category"] = "missing", ["from"] = "home" }, "lastSeen");
        Assert.Contains("ISO 8601, e.g. 2026-11-20T21:30:00Z", await Fails(Episode(seen).Also(b => b["lastSeen"] = "yesterday at 9"), "lastSeen"));
        Assert.Contains("ISO 8601", await Fails(Episode(seen).Also(b => b["lastSeen"] = "2026-02-30T10:00:00Z"), "lastSeen"));
        Assert.Contains("ISO 8601", await Fails(Episode(seen).Also(b => b["lastSeen"] = 20261120), "lastSeen"));
        Assert.Contains("ISO 8601", await Fails(Episode(seen).Also(b => b["lastSeen"] = "0001-01-01T00:00:00"), "lastSeen"));
        await Fails(Episode(Now.AddDays(2)), "lastSeen");
        await Fails(Episode(seen, returned: seen.AddHours(-1)), "returned");
        await Fails(Episode(seen).Also(b => b["reportedToPolice"] = Iso(seen.AddHours(-2))), "reportedToPolice");
        await Fails(Episode(seen).Also(b => b["reportedToPolice"] = "soon"), "reportedToPolice");
        Assert.Contains("no-apparent-risk, low, medium, high", await Fails(Episode(seen).Also(b => b["policeRiskGrading"] = "severe"), "policeRiskGrading"));
        await Fails(Episode(seen).Also(b => b["responsibleUserId"] = "someone"), "responsibleUserId");
        await Fails(Episode(seen).Also(b => b["responsibleUserId"] = Guid.NewGuid().ToString()), "responsibleUserId");
        await Fails(Episode(seen).Also(b => b["placement"] = 12), "placement");
        await Fails(Episode(seen).Also(b => b["circumstances"] = new string('x', 4001)), "circumstances");
        // A clock change: 01:30 on 29 March 2026 never happened in London.
        Assert.Contains("clocks went forward", await Fails(Episode(seen).Also(b => b["lastSeen"] = "2026-03-29T01:30:00"), "lastSeen"));

        // Sent by an alias, an error is reported under the alias and under the field's own name.
        var aliased = await ErrorsAsync(await SendAsync("practitioner", HttpMethod.Post, url, Episode(seen).Also(b => b["returnedAt"] = "later")));
        FieldError(aliased, "returnedAt");
        FieldError(aliased, "returned");

        // Several at once: each is named.
        var several = await ErrorsAsync(await SendAsync("practitioner", HttpMethod.Post, url, new JsonObject { ["category"] = "gone", ["lastSeen"] = "x" }));
        FieldError(several, "category");
        FieldError(several, "from");
        FieldError(several, "lastSeen");

        using var notJson = new StringContent("{not json", Encoding.UTF8, "application/json");
        FieldError(await ErrorsAsync(await App.ApiClientFor("practitioner").PostAsync(url, notJson, Ct)), "body");
        using var array = new StringContent("[]", Encoding.UTF8, "application/json");
        FieldError(await ErrorsAsync(await App.ApiClientFor("practitioner").PostAsync(url, array, Ct)), "body");

        var list = await ExpectAsync(await SendAsync("practitioner", HttpMethod.Get, url), HttpStatusCode.OK);
        Assert.Equal(0, list.GetProperty("episodes").GetArrayLength());
    }

    // ---- The return and the 72-hour clock ----

    [Fact]
    public async Task Put_records_the_return_keeping_other_fields_then_an_interview_inside_72_hours_is_completed_in_time()
    {
        var personId = await NewPersonAsync();
        var lastSeen = Now.AddHours(-30);
        var created = await RecordAsync(personId, Episode(lastSeen, from: "care").Also(b =>
        {
            b["placement"] = "Elm Lodge";
            b["policeReference"] = "MP/1";
        }));
        var episodeId = created.GetProperty("id").GetGuid();
        var url = $"{Episodes(personId)}/{episodeId}";

        var returned = Now.AddHours(-26);
        var put = await SendAsync("practitioner", HttpMethod.Put, url, new JsonObject { ["returned"] = Iso(returned), ["whereFound"] = "Bus station" });
        var back = await ExpectAsync(put, HttpStatusCode.OK);
        Assert.Equal(Iso(returned), back.GetProperty("returned").GetString());
        Assert.Equal("Elm Lodge", back.GetProperty("placement").GetString());
        Assert.Equal("MP/1", back.GetProperty("policeReference").GetString());
        Assert.Equal("missing", back.GetProperty("category").GetString());
        Assert.Equal("care", back.GetProperty("from").GetString());
        Assert.Equal(Iso(lastSeen), back.GetProperty("lastSeen").GetString());
        Assert.Equal("Bus station", back.GetProperty("whereFound").GetString());
        Assert.Equal(4, back.GetProperty("durationHours").GetDouble(), 6);
        Assert.False(back.GetProperty("isOpen").GetBoolean());
        Assert.Equal("Due", back.GetProperty("rhi").GetProperty("state").GetString()); // 46 hours left
        Assert.Equal(Iso(returned.AddHours(72)), back.GetProperty("rhi").GetProperty("dueAt").GetString());
        Assert.NotEqual(created.GetProperty("rowVersion").GetGuid(), back.GetProperty("rowVersion").GetGuid());

        var interviews = $"{url}/return-home-interviews";
        Assert.Equal(HttpStatusCode.NotFound, (await SendAsync("practitioner", HttpMethod.Get, interviews)).StatusCode);
        var rhiResponse = await SendAsync("practitioner", HttpMethod.Post, interviews, new JsonObject
        {
            ["offered"] = Iso(returned.AddHours(3)), ["offeredBy"] = "Independent return interview worker", ["accepted"] = true,
            ["completed"] = Iso(Now.AddHours(-2)), ["agencyId"] = App.SocialCare.Id.ToString(), ["worker"] = "Sam Worker",
            ["youngPersonSaid"] = "Stayed with a friend", ["risksDisclosed"] = "Offered a lift by older males", ["followUp"] = "Refer to the exploitation panel",
        });
        var withInterview = await ExpectAsync(rhiResponse, HttpStatusCode.Created);
        Assert.Equal(episodeId, withInterview.GetProperty("id").GetGuid());
        var rhi = withInterview.GetProperty("rhi");
        Assert.Equal("CompletedInTime", rhi.GetProperty("state").GetString());
        Assert.True(rhi.GetProperty("completedWithin72Hours").GetBoolean());
        Assert.Equal(Iso(returned.AddHours(3)), rhi.GetProperty("offered").GetString());
        Assert.True(rhi.GetProperty("accepted").GetBoolean());
        Assert.Equal(App.SocialCare.Id, rhi.GetProperty("agencyId").GetGuid());
        Assert.Equal("Sam Worker", rhi.GetProperty("worker").GetString());
        Assert.Equal("Stayed with a friend", rhi.GetProperty("youngPersonSaid").GetString());

        // A second POST updates the same interview (200), keeping what it does not send.
        var again = await ExpectAsync(await SendAsync("practitioner", HttpMethod.Post, interviews, new JsonObject { ["followUp"] = "Mentoring" }), HttpStatusCode.OK);
        Assert.Equal("Mentoring", again.GetProperty("rhi").GetProperty("followUp").GetString());
        Assert.Equal("Sam Worker", again.GetProperty("rhi").GetProperty("worker").GetString());
        Assert.Equal(rhi.GetProperty("id").GetGuid(), again.GetProperty("rhi").GetProperty("id").GetGuid());

        var read = await ExpectAsync(await SendAsync("practitioner", HttpMethod.Get, interviews), HttpStatusCode.OK);
        Assert.Equal("CompletedInTime", read.GetProperty("state").GetString());
        Assert.Equal("Mentoring", read.GetProperty("followUp").GetString());
        Assert.Equal(episodeId, read.GetProperty("episodeId").GetGuid());
        var listed = await ExpectAsync(await SendAsync("practitioner", HttpMethod.Get, Episodes(personId)), HttpStatusCode.OK);
        Assert.Equal("CompletedInTime", listed.GetProperty("episodes")[0].GetProperty("rhi").GetProperty("state").GetString());
    }

    [Fact]
    public async Task An_interview_after_72_hours_is_completed_late_and_the_agency_can_be_named()
    {
        var personId = await NewPersonAsync();
        var returned = Now.AddDays(-9);
        var episodeId = (await RecordAsync(personId, Episode(Now.AddDays(-10), returned))).GetProperty("id").GetGuid();
        var before = await ExpectAsync(await SendAsync("practitioner", HttpMethod.Get, $"{Episodes(personId)}/{episodeId}"), HttpStatusCode.OK);
        Assert.Equal("Overdue", before.GetProperty("rhi").GetProperty("state").GetString());

        var late = await ExpectAsync(await SendAsync("practitioner", HttpMethod.Post, $"{Episodes(personId)}/{episodeId}/return-home-interviews", new JsonObject
        {
            ["offeredAt"] = Iso(returned.AddDays(1)), ["offeredBy"] = "Return interview service", ["accepted"] = "yes",
            ["completedAt"] = Iso(returned.AddDays(5)), ["agency"] = "CHILDREN'S SOCIAL CARE", ["worker"] = "Ali Worker",
        }), HttpStatusCode.Created);
        var rhi = late.GetProperty("rhi");
        Assert.Equal("CompletedLate", rhi.GetProperty("state").GetString());
        Assert.False(rhi.GetProperty("completedWithin72Hours").GetBoolean());
        Assert.Equal(App.SocialCare.Id, rhi.GetProperty("agencyId").GetGuid());
    }

    [Fact]
    public async Task Every_kind_of_bad_interview_is_a_400_naming_the_field()
    {
        var personId = await NewPersonAsync();
        var open = (await RecordAsync(personId, Episode(Now.AddHours(-3)))).GetProperty("id").GetGuid();
        var returned = Now.AddHours(-20);
        var closed = (await RecordAsync(personId, Episode(Now.AddHours(-30), returned))).GetProperty("id").GetGuid();
        string Url(Guid episodeId) => $"{Episodes(personId)}/{episodeId}/return-home-interviews";

        async Task Fails(Guid episodeId, JsonObject body, params string[] fields)
        {
            var errors = await ErrorsAsync(await SendAsync("practitioner", HttpMethod.Post, Url(episodeId), body));
            foreach (var field in fields) FieldError(errors, field);
        }

        await Fails(open, new JsonObject { ["offered"] = Iso(Now.AddHours(-1)), ["offeredBy"] = "Worker" }, "returned");
        await Fails(closed, new JsonObject { ["offered"] = Iso(returned.AddHours(-1)), ["offeredBy"] = "Worker" }, "offered");
        await Fails(closed, new JsonObject { ["offered"] = Iso(returned.AddHours(1)) }, "offeredBy");
        await Fails(closed, new JsonObject { ["offered"] = "tomorrow", ["offeredBy"] = "Worker" }, "offered");
        await Fails(closed, new JsonObject { ["completed"] = Iso(Now.AddHours(-1)) }, "worker", "agencyId");
        await Fails(closed, new JsonObject { ["completed"] = Iso(Now.AddHours(-1)), ["worker"] = "W", ["agency"] = "Nowhere Agency" }, "agency");
        await Fails(closed, new JsonObject { ["completed"] = Iso(Now.AddHours(-1)), ["worker"] = "W", ["agencyId"] = Guid.NewGuid().ToString() }, "agencyId");
        await Fails(closed, new JsonObject { ["offered"] = Iso(returned.AddHours(1)), ["offeredBy"] = "W", ["accepted"] = "perhaps" }, "accepted");
        await Fails(closed, new JsonObject { ["offered"] = Iso(returned.AddHours(1)), ["offeredBy"] = "W", ["accepted"] = false, ["completed"] = Iso(Now.AddHours(-1)),
            ["worker"] = "W", ["agencyId"] = App.SocialCare.Id.ToString() }, "accepted");
        await Fails(closed, new JsonObject { ["completedAt"] = "later" }, "completedAt", "completed");

        // Declined in time is its own state.
        var declined = await ExpectAsync(await SendAsync("practitioner", HttpMethod.Post, Url(closed),
            new JsonObject { ["offered"] = Iso(returned.AddHours(2)), ["offeredBy"] = "Independent worker", ["accepted"] = false }), HttpStatusCode.Created);
        Assert.Equal("Declined", declined.GetProperty("rhi").GetProperty("state").GetString());
        Assert.Equal(JsonValueKind.Null, declined.GetProperty("rhi").GetProperty("completedWithin72Hours").ValueKind);
    }

    [Fact]
    public async Task A_stale_row_version_is_409_and_a_missing_one_is_not_needed()
    {
        var personId = await NewPersonAsync();
        var created = await RecordAsync(personId, Episode(Now.AddHours(-8)));
        var url = $"{Episodes(personId)}/{created.GetProperty("id").GetGuid()}";
        var first = created.GetProperty("rowVersion").GetGuid();

        var changed = await ExpectAsync(await SendAsync("practitioner", HttpMethod.Put, url,
            new JsonObject { ["circumstances"] = "Went to a party", ["rowVersion"] = first.ToString() }), HttpStatusCode.OK);
        Assert.Equal("Went to a party", changed.GetProperty("circumstances").GetString());

        var stale = await SendAsync("practitioner", HttpMethod.Put, url, new JsonObject { ["circumstances"] = "Other", ["rowVersion"] = first.ToString() });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        using var ifMatch = new HttpRequestMessage(HttpMethod.Put, url) { Content = Json(new JsonObject { ["circumstances"] = "Other" }) };
        ifMatch.Headers.TryAddWithoutValidation("If-Match", $"\"{first}\"");
        Assert.Equal(HttpStatusCode.Conflict, (await App.ApiClientFor("practitioner").SendAsync(ifMatch, Ct)).StatusCode);

        var noVersion = await ExpectAsync(await SendAsync("practitioner", HttpMethod.Put, url, new JsonObject { ["withWhom"] = "Cousin" }), HttpStatusCode.OK);
        Assert.Equal("Went to a party", noVersion.GetProperty("circumstances").GetString());
        Assert.Equal("Cousin", noVersion.GetProperty("withWhom").GetString());

        FieldError(await ErrorsAsync(await SendAsync("practitioner", HttpMethod.Put, url, new JsonObject { ["returned"] = "not a time" })), "returned");
        FieldError(await ErrorsAsync(await SendAsync("practitioner", HttpMethod.Put, url, new JsonObject { ["category"] = null })), "category");
        Assert.Equal(HttpStatusCode.NotFound, (await SendAsync("practitioner", HttpMethod.Put, $"{Episodes(personId)}/{Guid.NewGuid()}", new JsonObject())).StatusCode);
    }

    // ---- Patterns ----

    [Fact]
    public async Task The_list_is_newest_first_with_patterns_and_the_third_episode_in_90_days_prompts_the_recorder()
    {
        var personId = await NewPersonAsync();
        async Task<int> PromptsAsync()
        {
            var list = await App.ApiClientFor("practitioner").GetFromJsonAsync<JsonElement>("/api/v1/notifications", Ct);
            return list.EnumerateArray().Count(n => n.GetProperty("kind").GetString() == "repeat-missing"
                && n.GetProperty("personId").ValueKind == JsonValueKind.String && n.GetProperty("personId").GetGuid() == personId);
        }

        await RecordAsync(personId, Episode(Now.AddDays(-60), Now.AddDays(-60).AddHours(5)).Also(b => { b["whereFound"] = "Bus station"; b["withWhom"] = "Older males"; }));
        await RecordAsync(personId, Episode(Now.AddDays(-30), Now.AddDays(-30).AddHours(5)).Also(b => { b["whereFound"] = "bus  station"; b["withWhom"] = "Older males"; }));
        var middle = await ExpectAsync(await SendAsync("practitioner", HttpMethod.Get, Episodes(personId)), HttpStatusCode.OK);
        Assert.False(middle.GetProperty("repeatMissing").GetBoolean());
        Assert.Equal(0, await PromptsAsync());

        await RecordAsync(personId, Episode(Now.AddDays(-5)).Also(b => b["withWhom"] = "A cousin"));
        var history = await ExpectAsync(await SendAsync("practitioner", HttpMethod.Get, Episodes(personId)), HttpStatusCode.OK);
        Assert.True(history.GetProperty("repeatMissing").GetBoolean());
        Assert.Equal(1, await PromptsAsync());

        var episodes = history.GetProperty("episodes").EnumerateArray().ToList();
        Assert.Equal(3, episodes.Count);
        Assert.Equal(Iso(Now.AddDays(-5)), episodes[0].GetProperty("lastSeen").GetString());
        Assert.Equal(Iso(Now.AddDays(-60)), episodes[2].GetProperty("lastSeen").GetString());
        var place = Assert.Single(history.GetProperty("frequentPlaces").EnumerateArray());
        Assert.Equal(2, place.GetProperty("times").GetInt32());
        Assert.Equal("bus station", place.GetProperty("place").GetString()!.ToLowerInvariant().Replace("  ", " "));
        var associates = history.GetProperty("frequentAssociates").EnumerateArray().ToList();
        Assert.Equal("Older males", associates[0].GetProperty("with").GetString());
        Assert.Equal(2, associates[0].GetProperty("times").GetInt32());

        // A fourth keeps them repeat missing without prompting again.
        await RecordAsync(personId, Episode(Now.AddDays(-2)));
        Assert.Equal(1, await PromptsAsync());
    }

    // ---- Who may do what ----

    [Fact]
    public async Task An_uninvolved_agency_gets_404_on_every_episode_route_and_analysts_403()
    {
        var personId = await NewPersonAsync();
        var returned = Now.AddHours(-10);
        var episodeId = (await RecordAsync(personId, Episode(Now.AddHours(-12), returned))).GetProperty("id").GetGuid();
        var url = $"{Episodes(personId)}/{episodeId}";
        var rhi = new JsonObject { ["offered"] = Iso(returned.AddHours(1)), ["offeredBy"] = "Worker" };

        foreach (var (who, status) in new[] { ("police-practitioner", HttpStatusCode.NotFound), ("analyst", HttpStatusCode.Forbidden), ("administrator", HttpStatusCode.Forbidden) })
        {
            foreach (var (method, target, body) in new (HttpMethod, string, JsonNode?)[]
            {
                (HttpMethod.Get, Episodes(personId), null), (HttpMethod.Post, Episodes(personId), Episode(Now.AddHours(-1))),
                (HttpMethod.Get, url, null), (HttpMethod.Put, url, new JsonObject { ["returned"] = Iso(Now.AddHours(-1)) }),
                (HttpMethod.Post, $"{url}/return-home-interviews", rhi), (HttpMethod.Get, $"{url}/return-home-interviews", null),
            })
            {
                var response = await SendAsync(who, method, target, body?.DeepClone());
                var text = await response.Content.ReadAsStringAsync(Ct);
                Assert.True(response.StatusCode == status, $"{who} {method} {target}: {(int)response.StatusCode} {text}");
            }
        }
        var unchanged = await ExpectAsync(await SendAsync("practitioner", HttpMethod.Get, Episodes(personId)), HttpStatusCode.OK);
        Assert.Equal(1, unchanged.GetProperty("episodes").GetArrayLength());
        Assert.Equal(Iso(returned), unchanged.GetProperty("episodes")[0].GetProperty("returned").GetString());
        Assert.Equal("Due", unchanged.GetProperty("episodes")[0].GetProperty("rhi").GetProperty("state").GetString());
        // Another young person's episode is not found under this one.
        var other = await NewPersonAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await SendAsync("practitioner", HttpMethod.Get, $"{Episodes(other)}/{episodeId}")).StatusCode);
    }

    [Fact]
    public async Task The_summary_is_for_record_roles_and_analysts_only_and_checks_its_dates()
    {
        foreach (var who in new[] { "practitioner", "team-manager", "senior-manager", "analyst" })
            await ExpectAsync(await SendAsync(who, HttpMethod.Get, "/api/v1/missing/summary?from=2026-01-01&to=2026-06-30"), HttpStatusCode.OK);
        Assert.Equal(HttpStatusCode.Forbidden, (await SendAsync("administrator", HttpMethod.Get, "/api/v1/missing/summary")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await App.CreateClient().GetAsync("/api/v1/missing/summary", Ct)).StatusCode);

        async Task Fails(string query, string field) =>
            FieldError(await ErrorsAsync(await SendAsync("analyst", HttpMethod.Get, $"/api/v1/missing/summary?{query}")), field);
        await Fails("from=2026-01-01", "to");
        await Fails("to=2026-01-01", "from");
        await Fails("from=01/01/2026&to=2026-02-01", "from");
        await Fails("from=2026-01-01&to=2026-13-01", "to");
        await Fails("from=2026-03-01&to=2026-02-01", "to");
        await Fails("from=2026-01-01&to=2026-02-01&top=none", "top");
        await Fails("from=2026-01-01&to=2026-02-01&top=0", "top");
        await Fails("from=0001-01-01&to=9999-12-31", "from");

        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.UtcNow, Sightline.Core.London.Zone));
        var byDefault = await ExpectAsync(await SendAsync("analyst", HttpMethod.Get, "/api/v1/missing/summary"), HttpStatusCode.OK);
        Assert.Equal(today.ToString("yyyy-MM-dd"), byDefault.GetProperty("to").GetString());
        Assert.Equal(today.AddMonths(-12).AddDays(1).ToString("yyyy-MM-dd"), byDefault.GetProperty("from").GetString());
    }

    /// <summary>
    /// Six young people with 7, 5, 3, 2, 2 and 1 episodes in 2019 (20 in all; the top 5 hold 19),
    /// durations of 1 to 19 hours and one still open, four interviews: the figures, line by line.
    /// </summary>
    [Fact]
    public async Task The_summary_counts_a_constructed_year_exactly()
    {
        var a = await NewPersonAsync("2005-06-01", "female", "White British"); // 13 in March 2019
        var b = await NewPersonAsync("2003-01-01", "female", "White British"); // 16 in June 2019
        var c = await NewPersonAsync("2003-01-01", "female");
        var d = await NewPersonAsync("2003-01-01", "male");
        var e = await NewPersonAsync("2003-01-01", "male");
        var f = await NewPersonAsync("2003-01-01", "other");
        var plan = new List<(Guid Person, string From, int Month)>();
        for (var i = 0; i < 7; i++) plan.Add((a, "care", 3));
        foreach (var (person, count) in new[] { (b, 5), (c, 3), (d, 2), (e, 2), (f, 1) })
            for (var i = 0; i < count; i++) plan.Add((person, "home", 6));

        var ids = new List<(Guid Person, Guid Episode, DateTime Returned)>();
        for (var i = 0; i < plan.Count; i++)
        {
            var (person, from, month) = plan[i];
            var lastSeen = new DateTime(2019, month, 1 + i, 20, 0, 0, DateTimeKind.Utc);
            var open = person == f; // the one episode still open
            var returned = lastSeen.AddHours(i + 1); // 1..19 hours for those that ended
            var episode = await RecordAsync(person, Episode(lastSeen, open ? null : returned, from: from));
            ids.Add((person, episode.GetProperty("id").GetGuid(), returned));
        }

        async Task InterviewAsync(int index, JsonObject body) => await ExpectAsync(await SendAsync("practitioner", HttpMethod.Post,
            $"{Episodes(ids[index].Person)}/{ids[index].Episode}/return-home-interviews", body), HttpStatusCode.Created);
        JsonObject Completed(int index, double hours) => new()
        {
            ["offered"] = Iso(ids[index].Returned.AddHours(1)), ["offeredBy"] = "Independent worker", ["accepted"] = true,
            ["completed"] = Iso(ids[index].Returned.AddHours(hours)), ["agencyId"] = App.SocialCare.Id.ToString(), ["worker"] = "W",
        };
        await InterviewAsync(0, Completed(0, 24));
        await InterviewAsync(8, Completed(8, 71));
        await InterviewAsync(9, Completed(9, 100));
        await InterviewAsync(10, new JsonObject { ["offered"] = Iso(ids[10].Returned.AddHours(2)), ["offeredBy"] = "Independent worker", ["accepted"] = false });

        var summary = await ExpectAsync(await SendAsync("analyst", HttpMethod.Get, "/api/v1/missing/summary?from=2019-01-01&to=2019-12-31&top=2"), HttpStatusCode.OK);
        Assert.Equal("2019-01-01", summary.GetProperty("from").GetString());
        Assert.Equal("2019-12-31", summary.GetProperty("to").GetString());
        Assert.Equal(6, summary.GetProperty("youngPeople").GetInt32());
        Assert.Equal(20, summary.GetProperty("episodes").GetInt32());
        Assert.Equal(1, summary.GetProperty("openEpisodes").GetInt32());
        Assert.Equal(19, summary.GetProperty("top5Episodes").GetInt32());
        Assert.Equal(0.95, summary.GetProperty("top5Share").GetDouble(), 9);
        Assert.Equal(2, summary.GetProperty("topN").GetInt32());
        Assert.Equal(12, summary.GetProperty("topNEpisodes").GetInt32());
        Assert.Equal(0.6, summary.GetProperty("topNShare").GetDouble(), 9);
        Assert.Equal(10, summary.GetProperty("medianDurationHours").GetDouble(), 6);
        Assert.Equal(19, summary.GetProperty("longestDurationHours").GetDouble(), 6);
        var rhi = summary.GetProperty("rhi");
        Assert.Equal(4, rhi.GetProperty("offered").GetInt32());
        Assert.Equal(3, rhi.GetProperty("accepted").GetInt32());
        Assert.Equal(3, rhi.GetProperty("completed").GetInt32());
        Assert.Equal(2, rhi.GetProperty("completedWithin72Hours").GetInt32());

        static string Groups(JsonElement groups) => string.Join("; ", groups.EnumerateArray().Select(g =>
            $"{g.GetProperty("key").GetString()}={g.GetProperty("youngPeople").GetInt32()}/{g.GetProperty("episodes").GetInt32()}"));
        Assert.Equal("2019-03=1/7; 2019-06=5/13", Groups(summary.GetProperty("byMonth")));
        Assert.Equal("11 to 13=1/7; 16 to 17=5/13", Groups(summary.GetProperty("byAgeBand")));
        Assert.Equal("Female=3/15; Male=2/4; Other=1/1", Groups(summary.GetProperty("bySex")));
        Assert.Equal("Not recorded=4/8; White British=2/12", string.Join("; ", Groups(summary.GetProperty("byEthnicity")).Split("; ").Order()));
        Assert.Equal("Home=5/13; Care=1/7", Groups(summary.GetProperty("byFrom")));

        // The default top is 5; one day's period holds only that day's episode.
        var defaultTop = await ExpectAsync(await SendAsync("practitioner", HttpMethod.Get, "/api/v1/missing/summary?from=2019-01-01&to=2019-12-31"), HttpStatusCode.OK);
        Assert.Equal(5, defaultTop.GetProperty("topN").GetInt32());
        Assert.Equal(19, defaultTop.GetProperty("topNEpisodes").GetInt32());
        var oneDay = await ExpectAsync(await SendAsync("practitioner", HttpMethod.Get, "/api/v1/missing/summary?from=2019-03-01&to=2019-03-01"), HttpStatusCode.OK);
        Assert.Equal(1, oneDay.GetProperty("episodes").GetInt32());
        Assert.Equal(1, oneDay.GetProperty("medianDurationHours").GetDouble(), 6);
    }

    [Fact]
    public async Task The_openapi_document_describes_the_missing_endpoints()
    {
        var document = await App.CreateClient().GetFromJsonAsync<JsonElement>("/openapi/v1.json", Ct);
        var paths = document.GetProperty("paths");
        foreach (var path in new[]
        {
            "/api/v1/people/{id}/missing-episodes", "/api/v1/people/{id}/missing-episodes/{episodeId}",
            "/api/v1/people/{id}/missing-episodes/{episodeId}/return-home-interviews", "/api/v1/missing/summary",
        })
            Assert.True(paths.TryGetProperty(path, out _), $"{path} is not in the OpenAPI document");
        Assert.True(paths.GetProperty("/api/v1/people/{id}/missing-episodes/{episodeId}").TryGetProperty("put", out _));
    }
}

public sealed class MissingApiTests_Sqlite(SqliteApp fixture) : MissingApiTests(fixture), IClassFixture<SqliteApp>;

public sealed class MissingApiTests_Postgres(PostgresApp fixture) : MissingApiTests(fixture), IClassFixture<PostgresApp>;
