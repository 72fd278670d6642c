using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Sightline.TestKit;
using Sightline.Web.Tests.Support;

namespace Sightline.Web.Tests;

/// <summary>
/// The Vulnerable Adolescents Index endpoints: practitioners' entries (201, a 400 naming the field,
/// the age rule, need-to-know), the cohort (names only where the user may see them), and the board
/// summary on a date, checked line by line on a cohort built for it (seed 004 §4.3's form).
/// The summary test uses a date in 2020 that no other test in the class touches.
/// </summary>
public abstract class IndexApiTests(AppFixture fixture)
{
    private SightlineFactory App => fixture.App;
    private CancellationToken Ct => TestContext.Current.CancellationToken;

    private static StringContent Json(JsonNode body) => new(body.ToJsonString(), Encoding.UTF8, "application/json");

    private static string Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.UtcNow, Sightline.Core.London.Zone)).ToString("yyyy-MM-dd");

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

    private async Task<JsonElement> ErrorsAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"Expected 400, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(text).RootElement.GetProperty("errors").Clone();
    }

    private static void HasError(JsonElement errors, string field)
    {
        Assert.True(errors.TryGetProperty(field, out var messages), $"No error for {field}: {errors}");
        Assert.False(string.IsNullOrWhiteSpace(messages[0].GetString()));
    }

    private async Task<(Guid Id, string First, string Last)> NewPersonAsync(string dob = "2010-03-27", string? legalStatus = null)
    {
        var (first, last) = Builders.UniqueName();
        var body = new JsonObject { ["firstName"] = first, ["lastName"] = last, ["dateOfBirth"] = dob, ["sex"] = "male" };
        if (legalStatus is not null) body["legalStatus"] = legalStatus;
        var person = await ExpectAsync(await SendAsync("practitioner", HttpMethod.Post, "/api/v1/people", body), HttpStatusCode.Created);
        return (person.GetProperty("id").GetGuid(), first, last);
    }

    private async Task FlagAsync(Guid personId, string type, string startDate, string? level = null, string? endDate = null)
    {
        var body = new JsonObject { ["type"] = type, ["startDate"] = startDate };
        if (level is not null) body["level"] = level;
        if (endDate is not null) body["endDate"] = endDate;
        await ExpectAsync(await SendAsync("practitioner", HttpMethod.Post, $"/api/v1/people/{personId}/flags", body), HttpStatusCode.Created);
    }

    private async Task<JsonElement> AddEntryAsync(Guid personId, string startDate, string reason = "Seen with older males at the station")
    {
        var response = await SendAsync("practitioner", HttpMethod.Post, "/api/v1/index-entries",
            new JsonObject { ["personId"] = personId.ToString(), ["reason"] = reason, ["startDate"] = startDate });
        var entry = await ExpectAsync(response, HttpStatusCode.Created);
        Assert.Equal($"/api/v1/index-entries/{entry.GetProperty("id").GetGuid()}", response.Headers.Location!.OriginalString);
        return entry;
    }

    // ---- Entries ----

    [Fact]
    public async Task Post_adds_an_entry_with_201_and_it_can_be_read_listed_and_ended()
    {
        var (personId, _, _) = await NewPersonAsync();
        var entry = await AddEntryAsync(personId, "2026-02-01", "  Concerns raised by school  ");
        var id = entry.GetProperty("id").GetGuid();
        Assert.Equal(personId, entry.GetProperty("personId").GetGuid());
        Assert.Equal("Concerns raised by school", entry.GetProperty("reason").GetString());
        Assert.Equal("2026-02-01", entry.GetProperty("startDate").GetString());
        Assert.Equal(JsonValueKind.Null, entry.GetProperty("endDate").ValueKind);
        Assert.Equal(JsonValueKind.Null, entry.GetProperty("endReason").ValueKind);
        Assert.Equal(App.Users["practitioner"].Id, entry.GetProperty("addedByUserId").GetGuid());
        Assert.True(entry.GetProperty("addedAt").GetDateTime() > DateTime.UtcNow.AddMinutes(-5));
        Assert.True(entry.GetProperty("isActive").GetBoolean());

        var read = await ExpectAsync(await SendAsync("team-manager", HttpMethod.Get, $"/api/v1/index-entries/{id}"), HttpStatusCode.OK);
        Assert.Equal("Concerns raised by school", read.GetProperty("reason").GetString());
        var list = await ExpectAsync(await SendAsync("practitioner", HttpMethod.Get, $"/api/v1/people/{personId}/index-entries"), HttpStatusCode.OK);
        Assert.Equal(id, Assert.Single(list.EnumerateArray()).GetProperty("id").GetGuid());

        // Already on the index by a decision: a second entry is refused, naming personId.
        HasError(await ErrorsAsync(await SendAsync("practitioner", HttpMethod.Post, "/api/v1/index-entries",
            new JsonObject { ["personId"] = personId.ToString(), ["reason"] = "Again", ["startDate"] = "2026-03-01" })), "personId");

        HasError(await ErrorsAsync(await SendAsync("practitioner", HttpMethod.Post, $"/api/v1/index-entries/{id}/end",
            new JsonObject { ["endDate"] = "2026-01-01", ["reason"] = "Moved away" })), "endDate");
        HasError(await ErrorsAsync(await SendAsync("practitioner", HttpMethod.Post, $"/api/v1/index-entries/{id}/end",
            new JsonObject { ["endDate"] = "2026-03-01" })), "reason");
        HasError(await ErrorsAsync(await SendAsync("practitioner", HttpMethod.Post, $"/api/v1/index-entries/{id}/end",
            new JsonObject { ["endDate"] = "1 March", ["reason"] = "Moved away" })), "endDate");
        var ended = await ExpectAsync(await SendAsync("practitioner", HttpMethod.Post, $"/api/v1/index-entries/{id}/end",
            new JsonObject { ["endDate"] = "2026-03-01", ["reason"] = "Moved out of the area" }), HttpStatusCode.OK);
        Assert.Equal("2026-03-01", ended.GetProperty("endDate").GetString());
        Assert.Equal("Moved out of the area", ended.GetProperty("endReason").GetString());
        Assert.False(ended.GetProperty("isActive").GetBoolean());
        HasError(await ErrorsAsync(await SendAsync("practitioner", HttpMethod.Post, $"/api/v1/index-entries/{id}/end",
            new JsonObject { ["endDate"] = "2026-03-02", ["reason"] = "Again" })), "endDate");

        // Once ended, a new entry may start.
        await AddEntryAsync(personId, "2026-04-01");
        Assert.Equal(HttpStatusCode.NotFound, (await SendAsync("practitioner", HttpMethod.Post, $"/api/v1/index-entries/{Guid.NewGuid()}/end",
            new JsonObject { ["endDate"] = "2026-03-01", ["reason"] = "x" })).StatusCode);
    }

    [Fact]
    public async Task Every_kind_of_bad_entry_is_a_400_naming_the_field()
    {
        var (personId, _, _) = await NewPersonAsync();
        async Task Fails(JsonObject body, params string[] fields)
        {
            var errors = await ErrorsAsync(await SendAsync("practitioner", HttpMethod.Post, "/api/v1/index-entries", body));
            foreach (var field in fields) HasError(errors, field);
        }

        await Fails(new JsonObject(), "personId", "reason", "startDate");
        await Fails(new JsonObject { ["personId"] = "someone", ["reason"] = "r", ["startDate"] = "2026-01-01" }, "personId");
        await Fails(new JsonObject { ["personId"] = personId.ToString(), ["reason"] = "r", ["startDate"] = "01/01/2026" }, "startDate");
        await Fails(new JsonObject { ["personId"] = personId.ToString(), ["reason"] = "r" }, "startDate");
        await Fails(new JsonObject { ["personId"] = personId.ToString(), ["reason"] = "r", ["startDate"] = "2099-01-01" }, "startDate");
        await Fails(new JsonObject { ["personId"] = personId.ToString(), ["reason"] = "  ", ["startDate"] = "2026-01-01" }, "reason");
        await Fails(new JsonObject { ["personId"] = personId.ToString(), ["reason"] = new string('r', 2001), ["startDate"] = "2026-01-01" }, "reason");
        await Fails(new JsonObject { ["personId"] = personId.ToString(), ["reason"] = 7, ["startDate"] = "2026-01-01" }, "reason");

        // The index is for 11 to 18: someone aged 10 on the start date is refused, naming startDate.
        var (young, _, _) = await NewPersonAsync(DateOnly.Parse(Today).AddYears(-10).AddMonths(-2).ToString("yyyy-MM-dd"));
        await Fails(new JsonObject { ["personId"] = young.ToString(), ["reason"] = "Concern", ["startDate"] = Today }, "startDate");
        var none = await ExpectAsync(await SendAsync("practitioner", HttpMethod.Get, $"/api/v1/people/{young}/index-entries"), HttpStatusCode.OK);
        Assert.Equal(0, none.GetArrayLength());
    }

    [Fact]
    public async Task An_uninvolved_agency_gets_404_and_analysts_and_administrators_403_on_entries()
    {
        var (personId, first, last) = await NewPersonAsync();
        var entry = await AddEntryAsync(personId, "2026-02-01");
        var id = entry.GetProperty("id").GetGuid();
        var add = new JsonObject { ["personId"] = personId.ToString(), ["reason"] = "Concern", ["startDate"] = "2026-02-01" };
        var end = new JsonObject { ["endDate"] = "2026-03-01", ["reason"] = "Ended" };

        foreach (var (who, status) in new[] { ("police-practitioner", HttpStatusCode.NotFound), ("analyst", HttpStatusCode.Forbidden), ("administrator", HttpStatusCode.Forbidden) })
        {
            foreach (var (method, url, body) in new (HttpMethod, string, JsonNode?)[]
            {
                (HttpMethod.Post, "/api/v1/index-entries", add), (HttpMethod.Get, $"/api/v1/index-entries/{id}", null),
                (HttpMethod.Post, $"/api/v1/index-entries/{id}/end", end), (HttpMethod.Get, $"/api/v1/people/{personId}/index-entries", null),
            })
            {
                var response = await SendAsync(who, method, url, body?.DeepClone());
                var text = await response.Content.ReadAsStringAsync(Ct);
                Assert.True(response.StatusCode == status, $"{who} {method} {url}: {(int)response.StatusCode} {text}");
                Assert.DoesNotContain(last, text);
            }
        }
        var still = await ExpectAsync(await SendAsync("practitioner", HttpMethod.Get, $"/api/v1/index-entries/{id}"), HttpStatusCode.OK);
        Assert.Equal(JsonValueKind.Null, still.GetProperty("endDate").ValueKind);

        // The police practitioner sees the cohort, but this young person only by reference: no name, no id, no practitioner's words.
        var cohort = await ExpectAsync(await SendAsync("police-practitioner", HttpMethod.Get, "/api/v1/index"), HttpStatusCode.OK);
        var text2 = cohort.GetRawText();
        Assert.DoesNotContain(first, text2);
        Assert.DoesNotContain(last, text2);
        Assert.DoesNotContain("older males", text2);
        var reference = (await ExpectAsync(await SendAsync("practitioner", HttpMethod.Get, $"/api/v1/people/{personId}"), HttpStatusCode.OK))
            .GetProperty("reference").GetString();
        var member = cohort.GetProperty("members").EnumerateArray().Single(m => m.GetProperty("reference").GetString() == reference);
        Assert.False(member.GetProperty("named").GetBoolean());
        Assert.Equal(JsonValueKind.Null, member.GetProperty("name").ValueKind);
        Assert.Equal(JsonValueKind.Null, member.GetProperty("personId").ValueKind);
        Assert.Equal("Added by a practitioner", member.GetProperty("reasons")[0].GetString());

        // The practitioner who can see them gets the name.
        var own = await ExpectAsync(await SendAsync("practitioner", HttpMethod.Get, $"/api/v1/index?date={Today}"), HttpStatusCode.OK);
        var named = own.GetProperty("members").EnumerateArray().Single(m => m.GetProperty("personId").ValueKind == JsonValueKind.String
            && m.GetProperty("personId").GetGuid() == personId);
        Assert.Equal($"{first} {last}", named.GetProperty("name").GetString());
        Assert.Contains("older males", named.GetProperty("reasons")[0].GetString());
        Assert.Equal(HttpStatusCode.Forbidden, (await SendAsync("analyst", HttpMethod.Get, "/api/v1/index")).StatusCode);
    }

    // ---- The board summary ----

    /// <summary>
    /// On 31 March 2020: eleven 11–17s on the index (P1 gangs + YOT High; P2 CSE; P3 CCE + NEET;
    /// P4 CSE + YOT Medium; P5 a practitioner's entry + NEET; P6 gangs + missing in February;
    /// five more with CSE), one 18-year-old care leaver on it by entry, and four not on it (aged 10
    /// with gangs; YOT only; CSE from April; CSE that ended in March).
    /// </summary>
    [Fact]
    public async Task The_summary_on_a_date_counts_a_constructed_cohort_line_by_line()
    {
        var (p1, _, _) = await NewPersonAsync("2005-05-05");
        await FlagAsync(p1, "gangs", "2019-06-01");
        await FlagAsync(p1, "yot", "2019-06-01", "High");
        var (p2, _, _) = await NewPersonAsync("2006-01-10");
        await FlagAsync(p2, "cse", "2019-01-01");
        var (p3, _, _) = await NewPersonAsync("2004-07-07");
        await FlagAsync(p3, "cce", "2019-02-01");
        await FlagAsync(p3, "neet", "2019-02-01");
        var (p4, _, _) = await NewPersonAsync("2007-08-08");
        await FlagAsync(p4, "cse", "2019-03-01");
        await FlagAsync(p4, "yot", "2019-03-01", "Medium");
        var (p5, _, _) = await NewPersonAsync("2008-09-09");
        await AddEntryAsync(p5, "2020-01-15");
        await FlagAsync(p5, "neet", "2019-05-01");
        var (p6, _, _) = await NewPersonAsync("2005-10-10");
        await FlagAsync(p6, "gangs", "2020-01-01");
        await ExpectAsync(await SendAsync("practitioner", HttpMethod.Post, $"/api/v1/people/{p6}/missing-episodes", new JsonObject
        {
            ["category"] = "missing", ["from"] = "home", ["lastSeen"] = "2020-02-15T22:00:00Z", ["returned"] = "2020-02-16T10:00:00Z",
        }), HttpStatusCode.Created);
        for (var i = 0; i < 5; i++)
        {
            var (filler, _, _) = await NewPersonAsync("2006-06-06");
            await FlagAsync(filler, "cse", "2019-09-01");
        }
        var (leaver, _, _) = await NewPersonAsync("2001-12-01", "care-leaver");
        await AddEntryAsync(leaver, "2020-02-01");
        var (ten, _, _) = await NewPersonAsync("2009-06-01");
        await FlagAsync(ten, "gangs", "2020-01-01");
        var (yotOnly, _, _) = await NewPersonAsync("2006-02-02");
        await FlagAsync(yotOnly, "yot", "2019-01-01", "High");
        var (later, _, _) = await NewPersonAsync("2006-03-03");
        await FlagAsync(later, "cse", "2020-04-01");
        var (ended, _, _) = await NewPersonAsync("2006-04-04");
        await FlagAsync(ended, "cse", "2019-04-01", endDate: "2020-03-01");

        var response = await SendAsync("analyst", HttpMethod.Get, "/api/v1/index/summary?date=2020-03-31");
        var summary = await ExpectAsync(response, HttpStatusCode.OK);
        Assert.Equal("2020-03-31", summary.GetProperty("date").GetString());
        Assert.Equal(11, summary.GetProperty("aged11to17").GetInt32());
        Assert.Equal(1, summary.GetProperty("aged18LeavingCare").GetInt32());
        Assert.Equal(1, summary.GetProperty("openToYotHighRisk").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(summary.GetProperty("roundingRule").GetString()));

        var lines = summary.GetProperty("flags").EnumerateArray().ToList();
        Assert.Equal(["yot", "gangs", "cse", "cce", "neet", "missing-3-months"], lines.Select(l => l.GetProperty("flag").GetString()));
        string Line(string flag)
        {
            var l = lines.Single(x => x.GetProperty("flag").GetString() == flag);
            return $"{l.GetProperty("count").GetInt32()} {l.GetProperty("percent").GetRawText()} {l.GetProperty("percentText").GetString()} {l.GetProperty("alsoOpenToYot").GetInt32()}";
        }
        Assert.Equal("2 18 18% 2", Line("yot"));
        Assert.Equal("2 18 18% 1", Line("gangs"));
        Assert.Equal("7 64 64% 1", Line("cse"));
        Assert.Equal("1 9.1 9.1% 0", Line("cce"));
        Assert.Equal("2 18 18% 0", Line("neet"));
        Assert.Equal("1 9.1 9.1% 0", Line("missing-3-months"));
        Assert.Equal("Of the 11 young people (11–17):", summary.GetProperty("sentences")[0].GetString());

        // The same for the record roles; not for administrators; and no names for anyone.
        var practitioner = await ExpectAsync(await SendAsync("practitioner", HttpMethod.Get, "/api/v1/index/summary?date=2020-03-31"), HttpStatusCode.OK);
        Assert.Equal(11, practitioner.GetProperty("aged11to17").GetInt32());
        Assert.Equal(HttpStatusCode.Forbidden, (await SendAsync("administrator", HttpMethod.Get, "/api/v1/index/summary?date=2020-03-31")).StatusCode);
        Assert.DoesNotContain("Zephyrine", summary.GetRawText());

        // The cohort on that date agrees: twelve members (eleven 11–17s and the care leaver).
        var cohort = await ExpectAsync(await SendAsync("practitioner", HttpMethod.Get, "/api/v1/index?date=2020-03-31"), HttpStatusCode.OK);
        Assert.Equal(12, cohort.GetProperty("count").GetInt32());
        Assert.All(cohort.GetProperty("members").EnumerateArray(), m => Assert.True(m.GetProperty("named").GetBoolean()));
        var p6Member = cohort.GetProperty("members").EnumerateArray().Single(m => m.GetProperty("personId").GetGuid() == p6);
        Assert.True(p6Member.GetProperty("missingPast3Months").GetBoolean());
        Assert.True(p6Member.GetProperty("gangs").GetBoolean());
    }

    [Fact]
    public async Task The_summary_date_defaults_to_today_and_a_bad_one_is_a_400_naming_it()
    {
        var today = await ExpectAsync(await SendAsync("analyst", HttpMethod.Get, "/api/v1/index/summary"), HttpStatusCode.OK);
        Assert.Equal(Today, today.GetProperty("date").GetString());
        Assert.Equal(6, today.GetProperty("flags").GetArrayLength());
        foreach (var line in today.GetProperty("flags").EnumerateArray())
            Assert.Equal(JsonValueKind.Number, line.GetProperty("percent").ValueKind);
        HasError(await ErrorsAsync(await SendAsync("analyst", HttpMethod.Get, "/api/v1/index/summary?date=31/03/2020")), "date");
        HasError(await ErrorsAsync(await SendAsync("analyst", HttpMethod.Get, "/api/v1/index/summary?date=2020-02-30")), "date");
        HasError(await ErrorsAsync(await SendAsync("practitioner", HttpMethod.Get, "/api/v1/index?date=soon")), "date");
        Assert.Equal(HttpStatusCode.Unauthorized, (await App.CreateClient().GetAsync("/api/v1/index/summary", Ct)).StatusCode);
    }

    [Fact]
    public async Task Counts_today_move_by_what_is_added_today()
    {
        async Task<JsonElement> SummaryAsync() =>
            await ExpectAsync(await SendAsync("analyst", HttpMethod.Get, $"/api/v1/index/summary?date={Today}"), HttpStatusCode.OK);
        static int Count(JsonElement summary, string flag) =>
            summary.GetProperty("flags").EnumerateArray().Single(l => l.GetProperty("flag").GetString() == flag).GetProperty("count").GetInt32();

        var before = await SummaryAsync();
        var dob = DateOnly.Parse(Today).AddYears(-14).ToString("yyyy-MM-dd");
        var (gangs, _, _) = await NewPersonAsync(dob);
        await FlagAsync(gangs, "gangs", Today);
        await FlagAsync(gangs, "yot", Today, "High");
        var (entered, _, _) = await NewPersonAsync(dob);
        await AddEntryAsync(entered, Today);
        await FlagAsync(entered, "neet", Today);
        var after = await SummaryAsync();

        Assert.Equal(before.GetProperty("aged11to17").GetInt32() + 2, after.GetProperty("aged11to17").GetInt32());
        Assert.Equal(Count(before, "gangs") + 1, Count(after, "gangs"));
        Assert.Equal(Count(before, "yot") + 1, Count(after, "yot"));
        Assert.Equal(Count(before, "neet") + 1, Count(after, "neet"));
        Assert.Equal(Count(before, "cse"), Count(after, "cse"));
        Assert.Equal(before.GetProperty("openToYotHighRisk").GetInt32() + 1, after.GetProperty("openToYotHighRisk").GetInt32());
    }

    [Fact]
    public async Task The_openapi_document_describes_the_index_endpoints()
    {
        var document = await App.CreateClient().GetFromJsonAsync<JsonElement>("/openapi/v1.json", Ct);
        var paths = document.GetProperty("paths");
        foreach (var path in new[]
        {
            "/api/v1/index-entries", "/api/v1/index-entries/{entryId}", "/api/v1/index-entries/{entryId}/end",
            "/api/v1/people/{id}/index-entries", "/api/v1/index", "/api/v1/index/summary",
        })
            Assert.True(paths.TryGetProperty(path, out _), $"{path} is not in the OpenAPI document");
    }
}

public sealed class IndexApiTests_Sqlite(SqliteApp fixture) : IndexApiTests(fixture), IClassFixture<SqliteApp>;

public sealed class IndexApiTests_Postgres(PostgresApp fixture) : IndexApiTests(fixture), IClassFixture<PostgresApp>;
