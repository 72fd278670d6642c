using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Sightline.Core.Access;
using Sightline.Core.Audit;
using Sightline.TestKit;
using Sightline.Web.Tests.Support;

namespace Sightline.Web.Tests;

/// <summary>
/// The SEAM, SAFEGUARD screen, action plan, panel referral and notification endpoints, with the
/// exact shapes issue 3 promises to external checks: 201 and the calculated level, a 400 naming
/// the field for every kind of bad input, the lifecycle with its refusals, routing on approval,
/// need-to-know (404) and the audit of every read.
/// </summary>
public abstract class AssessmentsApiTests(AppFixture fixture)
{
    private SightlineFactory App => fixture.App;
    private CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>The 2020 form's domain keys, as the issue gives them to integrations.</summary>
    private static readonly string[] Domains2020 =
        ["sexual-health", "absent-missing", "familial", "emotional-physical", "gangs-risky-adults", "technology", "alcohol-drugs", "recognition-gifts", "authority-education"];

    private static readonly string[] Domains2017 =
        ["missing", "recognise-abuse", "school-attendance", "service-engagement", "substances", "sexual-health", "parent-carer", "risky-associates", "accommodation", "social-media"];

    private static readonly string[] SafeguardKeys =
        ["sexual-health", "absent", "familial-abuse", "emotional-physical", "gangs", "technology", "alcohol-drugs", "gifts-money", "distrust-authority"];

    /// <summary>Scores adding up to <paramref name="total"/>: fives first, then the remainder, then zeros.</summary>
    private static int[] Spread(int total, int domains = 9)
    {
        var scores = new int[domains];
        for (var i = 0; i < domains && total > 0; i++)
        {
            scores[i] = Math.Min(5, total);
            total -= scores[i];
        }
        if (total > 0) throw new ArgumentOutOfRangeException(nameof(total));
        return scores;
    }

    private static JsonObject SeamBody(int total = 12, string version = "2020")
    {
        var keys = version == "2017" ? Domains2017 : Domains2020;
        var spread = Spread(total, keys.Length);
        var scores = new JsonObject();
        for (var i = 0; i < keys.Length; i++)
            scores[keys[i]] = new JsonObject { ["score"] = spread[i], ["evidence"] = spread[i] > 0 ? $"Seen at the home visit ({keys[i]})." : null };
        return new JsonObject { ["version"] = version, ["scores"] = scores, ["youngPersonPerception"] = "Medium" };
    }

    private static StringContent Json(JsonNode body) => new(body.ToJsonString(), Encoding.UTF8, "application/json");

    private static StringContent Json(object body) => new(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");

    private async Task<Guid> NewPersonAsync() =>
        (await Builders.CreatePersonAsync(App.ApiClientFor("practitioner"))).GetProperty("id").GetGuid();

    private async Task<JsonElement> CreateSeamAsync(Guid personId, int total = 12, string author = "practitioner", string version = "2020")
    {
        var response = await App.ApiClientFor(author).PostAsync($"/api/v1/people/{personId}/seam-assessments", Json(SeamBody(total, version)), Ct);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync(Ct));
        return await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
    }

    private async Task<HttpResponseMessage> PostAsync(string who, string url, object? body = null) =>
        await App.ApiClientFor(who).PostAsync(url, body is null ? null : body is JsonNode node ? Json(node) : Json(body), Ct);

    private async Task<JsonElement> ReadAsync(HttpResponseMessage response) =>
        await response.Content.ReadFromJsonAsync<JsonElement>(Ct);

    /// <summary>A SEAM drafted by <paramref name="author"/>, submitted and approved by <paramref name="approver"/>.</summary>
    private async Task<JsonElement> ApprovedSeamAsync(Guid personId, int total, string author = "practitioner", string approver = "team-manager", object? approval = null)
    {
        var id = (await CreateSeamAsync(personId, total, author)).GetProperty("id").GetGuid();
        var submitted = await PostAsync(author, $"/api/v1/seam-assessments/{id}/submit");
        Assert.Equal(HttpStatusCode.OK, submitted.StatusCode);
        var approved = await PostAsync(approver, $"/api/v1/seam-assessments/{id}/approve", approval);
        Assert.True(approved.StatusCode == HttpStatusCode.OK, await approved.Content.ReadAsStringAsync(Ct));
        return await ReadAsync(approved);
    }

    private async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.True(response.StatusCode == status, $"Expected {(int)status}, got {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(Ct)}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    private async Task AssertFieldErrorAsync(HttpResponseMessage response, string field)
    {
        await AssertProblemAsync(response, HttpStatusCode.BadRequest);
        var errors = (await ReadAsync(response)).GetProperty("errors");
        Assert.True(errors.TryGetProperty(field, out var messages), $"No error for {field}: {errors}");
        Assert.False(string.IsNullOrWhiteSpace(messages[0].GetString()));
    }

    // ---- Create ----

    [Fact]
    public async Task Post_creates_a_draft_and_returns_201_with_the_total_and_calculated_level()
    {
        var personId = await NewPersonAsync();
        var body = SeamBody(23);
        body["youngPersonView"] = "I feel safe at school.";
        body["assessedOn"] = "2026-01-10";
        var response = await App.ApiClientFor("practitioner").PostAsync($"/api/v1/people/{personId}/seam-assessments", Json(body), Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var seam = await ReadAsync(response);
        var id = seam.GetProperty("id").GetGuid();
        Assert.Equal($"/api/v1/seam-assessments/{id}", response.Headers.Location!.OriginalString);
        Assert.Equal(23, seam.GetProperty("total").GetInt32());
        Assert.Equal(45, seam.GetProperty("maxTotal").GetInt32());
        Assert.Equal("Medium", seam.GetProperty("riskLevel").GetString());
        Assert.Equal("Medium", seam.GetProperty("level").GetString());
        Assert.Equal("Draft", seam.GetProperty("status").GetString());
        Assert.Equal("2020", seam.GetProperty("version").GetString());
        Assert.Equal(personId, seam.GetProperty("personId").GetGuid());
        Assert.Equal("Medium", seam.GetProperty("youngPersonPerception").GetString());
        Assert.Equal("I feel safe at school.", seam.GetProperty("youngPersonView").GetString());
        Assert.Equal("2026-01-10", seam.GetProperty("assessedOn").GetString());
        Assert.Equal(JsonValueKind.Null, seam.GetProperty("judgementLevel").ValueKind);
        Assert.Equal(JsonValueKind.Null, seam.GetProperty("routing").ValueKind);
        Assert.Equal(JsonValueKind.Null, seam.GetProperty("previousAssessmentId").ValueKind);
        Assert.Equal(App.Users["practitioner"].Id, seam.GetProperty("authorUserId").GetGuid());
        Assert.Equal(Domains2020, seam.GetProperty("scores").EnumerateObject().Select(p => p.Name).ToArray());
        Assert.Equal(5, seam.GetProperty("scores").GetProperty("sexual-health").GetProperty("score").GetInt32());
        Assert.Equal("Seen at the home visit (sexual-health).", seam.GetProperty("scores").GetProperty("sexual-health").GetProperty("evidence").GetString());
        Assert.Equal(0, seam.GetProperty("languageGuidance").GetArrayLength());
        Assert.Equal($"\"{seam.GetProperty("rowVersion").GetGuid()}\"", response.Headers.ETag!.Tag);

        var read = await App.ApiClientFor("team-manager").GetAsync($"/api/v1/seam-assessments/{id}", Ct);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal(23, (await ReadAsync(read)).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task The_2017_form_has_ten_areas_and_a_maximum_of_50()
    {
        var seam = await CreateSeamAsync(await NewPersonAsync(), 50, version: "2017");
        Assert.Equal("2017", seam.GetProperty("version").GetString());
        Assert.Equal(50, seam.GetProperty("total").GetInt32());
        Assert.Equal(50, seam.GetProperty("maxTotal").GetInt32());
        Assert.Equal("VeryHigh", seam.GetProperty("riskLevel").GetString());
        Assert.Equal(10, seam.GetProperty("scores").EnumerateObject().Count());
    }

    [Theory]
    [InlineData(0, "Low")]
    [InlineData(19, "Low")]
    [InlineData(20, "Medium")]
    [InlineData(29, "Medium")]
    [InlineData(30, "High")]
    [InlineData(39, "High")]
    [InlineData(40, "VeryHigh")]
    [InlineData(45, "VeryHigh")]
    public async Task The_risk_level_is_calculated_at_every_boundary(int total, string level)
    {
        var seam = await CreateSeamAsync(await NewPersonAsync(), total);
        Assert.Equal(total, seam.GetProperty("total").GetInt32());
        Assert.Equal(level, seam.GetProperty("riskLevel").GetString());
    }

    [Theory]
    [InlineData("score-6", "scores.sexual-health.score")]
    [InlineData("score-minus-1", "scores.sexual-health.score")]
    [InlineData("score-as-string", "scores.sexual-health.score")]
    [InlineData("score-fraction", "scores.sexual-health.score")]
    [InlineData("score-huge", "scores.sexual-health.score")]
    [InlineData("unknown-domain", "scores.made-up-domain")]
    [InlineData("unknown-version", "version")]
    [InlineData("no-version", "version")]
    [InlineData("missing-domain", "scores.technology.score")]
    [InlineData("missing-evidence", "scores.sexual-health.evidence")]
    [InlineData("blank-evidence", "scores.sexual-health.evidence")]
    [InlineData("evidence-as-number", "scores.sexual-health.evidence")]
    [InlineData("entry-not-object", "scores.sexual-health")]
    [InlineData("scores-not-object", "scores")]
    [InlineData("scores-missing", "scores.sexual-health.score")]
    [InlineData("bad-perception", "youngPersonPerception")]
    [InlineData("bad-date", "assessedOn")]
    [InlineData("future-date", "assessedOn")]
    [InlineData("view-as-number", "youngPersonView")]
    [InlineData("bad-screen-id", "safeguardScreenId")]
    [InlineData("someone-elses-screen", "safeguardScreenId")]
    public async Task Bad_seam_input_is_a_400_naming_the_field_and_writes_nothing(string fault, string field)
    {
        var personId = await NewPersonAsync();
        var body = SeamBody(24);
        var sexualHealth = body["scores"]!["sexual-health"]!.AsObject();
        switch (fault)
        {
            case "score-6": sexualHealth["score"] = 6; break;
            case "score-minus-1": sexualHealth["score"] = -1; break;
            case "score-as-string": sexualHealth["score"] = "3"; break;
            case "score-fraction": sexualHealth["score"] = 2.5; break;
            case "score-huge": sexualHealth["score"] = 99999999999L; break;
            case "unknown-domain": body["scores"]!["made-up-domain"] = new JsonObject { ["score"] = 1, ["evidence"] = "x" }; break;
            case "unknown-version": body["version"] = "1999"; break;
            case "no-version": body.Remove("version"); break;
            case "missing-domain": body["scores"]!.AsObject().Remove("technology"); break;
            case "missing-evidence": sexualHealth.Remove("evidence"); break;
            case "blank-evidence": sexualHealth["evidence"] = "   "; break;
            case "evidence-as-number": sexualHealth["evidence"] = 42; break;
            case "entry-not-object": body["scores"]!["sexual-health"] = 3; break;
            case "scores-not-object": body["scores"] = new JsonArray(1, 2, 3); break;
            case "scores-missing": body.Remove("scores"); break;
            case "bad-perception": body["youngPersonPerception"] = "Purple"; break;
            case "bad-date": body["assessedOn"] = "10/01/2026"; break;
            case "future-date": body["assessedOn"] = "2999-01-01"; break;
            case "view-as-number": body["youngPersonView"] = 7; break;
            case "bad-screen-id": body["safeguardScreenId"] = "not-an-id"; break;
            case "someone-elses-screen":
                var other = await NewPersonAsync();
                var screen = await ReadAsync(await PostAsync("practitioner", $"/api/v1/people/{other}/safeguard-screens", ScreenBody(2)));
                body["safeguardScreenId"] = screen.GetProperty("id").GetString();
                break;
            default: throw new ArgumentOutOfRangeException(nameof(fault));
        }
        var response = await App.ApiClientFor("practitioner").PostAsync($"/api/v1/people/{personId}/seam-assessments", Json(body), Ct);
        await AssertFieldErrorAsync(response, field);
        Assert.Equal(0, await App.WithDbAsync(db => db.SeamAssessments.CountAsync(s => s.PersonId == personId, Ct)));
    }

    [Fact]
    public async Task One_400_lists_every_field_at_fault()
    {
        var personId = await NewPersonAsync();
        var body = SeamBody(24);
        body["scores"]!["sexual-health"]!["score"] = "3";
        body["scores"]!["technology"]!["score"] = 9;
        body["scores"]!.AsObject().Remove("familial");
        body["youngPersonPerception"] = "Purple";
        var response = await App.ApiClientFor("practitioner").PostAsync($"/api/v1/people/{personId}/seam-assessments", Json(body), Ct);
        await AssertProblemAsync(response, HttpStatusCode.BadRequest);
        var errors = (await ReadAsync(response)).GetProperty("errors");
        foreach (var field in new[] { "scores.sexual-health.score", "scores.technology.score", "scores.familial.score", "youngPersonPerception" })
            Assert.True(errors.TryGetProperty(field, out _), $"No error for {field}: {errors}");
        Assert.Equal(4, errors.EnumerateObject().Count());
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("[1,2,3]")]
    [InlineData("\"2020\"")]
    [InlineData("{\"version\":\"2020\",\"scores\":null}")]
    [InlineData("{\"version\":{\"a\":1},\"scores\":\"lots\"}")]
    public async Task Malformed_or_wrongly_typed_json_is_a_400_problem_never_a_500(string json)
    {
        var personId = await NewPersonAsync();
        var response = await App.ApiClientFor("practitioner").PostAsync($"/api/v1/people/{personId}/seam-assessments", new StringContent(json, Encoding.UTF8, "application/json"), Ct);
        await AssertProblemAsync(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Victim_blaming_language_is_offered_alternatives_but_never_blocks()
    {
        var body = SeamBody(10);
        body["scores"]!["sexual-health"]!["evidence"] = "She keeps putting herself at risk and refuses to engage.";
        var response = await App.ApiClientFor("practitioner").PostAsync($"/api/v1/people/{await NewPersonAsync()}/seam-assessments", Json(body), Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var guidance = (await ReadAsync(response)).GetProperty("languageGuidance").EnumerateArray().ToList();
        Assert.Equal(2, guidance.Count);
        Assert.All(guidance, g => Assert.Equal("scores.sexual-health.evidence", g.GetProperty("field").GetString()));
        var risk = guidance.Single(g => g.GetProperty("phrase").GetString() == "Putting themselves at risk");
        Assert.Equal("putting herself at risk", risk.GetProperty("found").GetString());
        Assert.True(risk.GetProperty("alternatives").GetArrayLength() > 0);
    }

    // ---- Lifecycle ----

    [Fact]
    public async Task A_practitioner_submits_and_a_team_manager_approves()
    {
        var personId = await NewPersonAsync();
        var id = (await CreateSeamAsync(personId, 12)).GetProperty("id").GetGuid();
        var submitted = await PostAsync("practitioner", $"/api/v1/seam-assessments/{id}/submit");
        Assert.Equal(HttpStatusCode.OK, submitted.StatusCode);
        var afterSubmit = await ReadAsync(submitted);
        Assert.Equal("Submitted", afterSubmit.GetProperty("status").GetString());
        Assert.NotEqual(JsonValueKind.Null, afterSubmit.GetProperty("submittedAt").ValueKind);

        var approved = await PostAsync("team-manager", $"/api/v1/seam-assessments/{id}/approve");
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        var seam = await ReadAsync(approved);
        Assert.Equal("Approved", seam.GetProperty("status").GetString());
        Assert.Equal(App.Users["team-manager"].Id, seam.GetProperty("decidedByUserId").GetGuid());
        Assert.Equal("ReviewStrategyMeeting", seam.GetProperty("routing").GetString());
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}$", seam.GetProperty("reviewDueOn").GetString()!);

        var again = await PostAsync("team-manager", $"/api/v1/seam-assessments/{id}/approve");
        await AssertProblemAsync(again, HttpStatusCode.Forbidden);
        var changed = await App.ApiClientFor("practitioner").PutAsync($"/api/v1/seam-assessments/{id}",
            Json(SeamBody(13).Also(b => b["rowVersion"] = seam.GetProperty("rowVersion").GetString())), Ct);
        await AssertProblemAsync(changed, HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_manager_cannot_approve_an_assessment_they_wrote_but_another_manager_can()
    {
        var personId = await NewPersonAsync();
        var id = (await CreateSeamAsync(personId, 12, author: "team-manager")).GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.OK, (await PostAsync("team-manager", $"/api/v1/seam-assessments/{id}/submit")).StatusCode);
        var own = await PostAsync("team-manager", $"/api/v1/seam-assessments/{id}/approve");
        await AssertProblemAsync(own, HttpStatusCode.Forbidden);
        Assert.Equal("You cannot approve or return an assessment you wrote: ask another manager.", (await ReadAsync(own)).GetProperty("title").GetString());
        var ownReturn = await PostAsync("team-manager", $"/api/v1/seam-assessments/{id}/return", new { comments = "x" });
        await AssertProblemAsync(ownReturn, HttpStatusCode.Forbidden);

        var other = await PostAsync("senior-manager", $"/api/v1/seam-assessments/{id}/approve");
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        Assert.Equal("Approved", (await ReadAsync(other)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_practitioner_cannot_approve_or_return_even_someone_elses()
    {
        var personId = await NewPersonAsync();
        var id = (await CreateSeamAsync(personId, 12)).GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.OK, (await PostAsync("practitioner", $"/api/v1/seam-assessments/{id}/submit")).StatusCode);
        foreach (var who in new[] { "practitioner", "second-practitioner" })
        {
            var approve = await PostAsync(who, $"/api/v1/seam-assessments/{id}/approve");
            await AssertProblemAsync(approve, HttpStatusCode.Forbidden);
            Assert.Equal("Only a team manager can approve or return a SEAM assessment.", (await ReadAsync(approve)).GetProperty("title").GetString());
            await AssertProblemAsync(await PostAsync(who, $"/api/v1/seam-assessments/{id}/return", new { comments = "x" }), HttpStatusCode.Forbidden);
        }
        var read = await App.ApiClientFor("practitioner").GetFromJsonAsync<JsonElement>($"/api/v1/seam-assessments/{id}", Ct);
        Assert.Equal("Submitted", read.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Analysts_and_administrators_may_not_use_assessments_at_all()
    {
        var personId = await NewPersonAsync();
        var id = (await CreateSeamAsync(personId, 12)).GetProperty("id").GetGuid();
        foreach (var who in new[] { "analyst", "administrator" })
        {
            var api = App.ApiClientFor(who);
            await AssertProblemAsync(await api.GetAsync($"/api/v1/seam-assessments/{id}", Ct), HttpStatusCode.Forbidden);
            await AssertProblemAsync(await api.PostAsync($"/api/v1/people/{personId}/seam-assessments", Json(SeamBody(3)), Ct), HttpStatusCode.Forbidden);
            await AssertProblemAsync(await api.GetAsync("/api/v1/panel-referrals", Ct), HttpStatusCode.Forbidden);
        }
        await AssertProblemAsync(await App.CreateClient().GetAsync($"/api/v1/seam-assessments/{id}", Ct), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_returned_assessment_is_changed_with_its_row_version_and_submitted_again()
    {
        var personId = await NewPersonAsync();
        var id = (await CreateSeamAsync(personId, 12)).GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.OK, (await PostAsync("practitioner", $"/api/v1/seam-assessments/{id}/submit")).StatusCode);
        await AssertFieldErrorAsync(await PostAsync("team-manager", $"/api/v1/seam-assessments/{id}/return", new { comments = "  " }), "comments");
        await AssertFieldErrorAsync(await PostAsync("team-manager", $"/api/v1/seam-assessments/{id}/return"), "comments");
        await AssertFieldErrorAsync(await PostAsync("team-manager", $"/api/v1/seam-assessments/{id}/return", new { comments = 5 }), "comments");
        var returned = await PostAsync("team-manager", $"/api/v1/seam-assessments/{id}/return", new { comments = "Add the evidence from the school." });
        Assert.Equal(HttpStatusCode.OK, returned.StatusCode);
        var seam = await ReadAsync(returned);
        Assert.Equal("Returned", seam.GetProperty("status").GetString());
        Assert.Equal("Add the evidence from the school.", seam.GetProperty("returnComments").GetString());
        var rowVersion = seam.GetProperty("rowVersion").GetString()!;

        var api = App.ApiClientFor("practitioner");
        var noVersion = await api.PutAsync($"/api/v1/seam-assessments/{id}", Json(SeamBody(31)), Ct);
        await AssertFieldErrorAsync(noVersion, "rowVersion");
        var otherForm = await api.PutAsync($"/api/v1/seam-assessments/{id}", Json(SeamBody(31, "2017").Also(b => b["rowVersion"] = rowVersion)), Ct);
        await AssertFieldErrorAsync(otherForm, "version");
        var badScore = await api.PutAsync($"/api/v1/seam-assessments/{id}", Json(SeamBody(31).Also(b => { b["rowVersion"] = rowVersion; b["scores"]!["familial"]!["score"] = 8; })), Ct);
        await AssertFieldErrorAsync(badScore, "scores.familial.score");
        var notAuthor = await App.ApiClientFor("second-practitioner").PutAsync($"/api/v1/seam-assessments/{id}", Json(SeamBody(31).Also(b => b["rowVersion"] = rowVersion)), Ct);
        await AssertProblemAsync(notAuthor, HttpStatusCode.Forbidden);

        var updated = await api.PutAsync($"/api/v1/seam-assessments/{id}", Json(SeamBody(31).Also(b => b["rowVersion"] = rowVersion)), Ct);
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        var after = await ReadAsync(updated);
        Assert.Equal(31, after.GetProperty("total").GetInt32());
        Assert.Equal("High", after.GetProperty("riskLevel").GetString());
        Assert.NotEqual(rowVersion, after.GetProperty("rowVersion").GetString());

        var stale = await api.PutAsync($"/api/v1/seam-assessments/{id}", Json(SeamBody(5).Also(b => b["rowVersion"] = rowVersion)), Ct);
        await AssertProblemAsync(stale, HttpStatusCode.Conflict);

        // If-Match carries the ETag instead of a rowVersion in the body, as PUT /api/v1/people accepts.
        var read = await api.GetAsync($"/api/v1/seam-assessments/{id}", Ct);
        using var request = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/seam-assessments/{id}") { Content = Json(SeamBody(33)) };
        request.Headers.IfMatch.Add(read.Headers.ETag!);
        var byHeader = await api.SendAsync(request, Ct);
        Assert.Equal(HttpStatusCode.OK, byHeader.StatusCode);
        Assert.Equal(33, (await ReadAsync(byHeader)).GetProperty("total").GetInt32());

        Assert.Equal(HttpStatusCode.OK, (await PostAsync("practitioner", $"/api/v1/seam-assessments/{id}/submit")).StatusCode);
        var approved = await ReadAsync(await PostAsync("team-manager", $"/api/v1/seam-assessments/{id}/approve"));
        Assert.Equal("Approved", approved.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, approved.GetProperty("returnComments").ValueKind);
    }

    // ---- Routing ----

    [Fact]
    public async Task Approving_a_high_assessment_opens_one_mace_referral_with_the_assessment()
    {
        var personId = await NewPersonAsync();
        var seam = await ApprovedSeamAsync(personId, 33);
        Assert.Equal("PanelReferral", seam.GetProperty("routing").GetString());
        var seamId = seam.GetProperty("id").GetGuid();

        var referrals = await App.ApiClientFor("practitioner").GetFromJsonAsync<JsonElement>($"/api/v1/panel-referrals?personId={personId}", Ct);
        var referral = Assert.Single(referrals.EnumerateArray());
        Assert.Equal("Open", referral.GetProperty("status").GetString());
        Assert.Equal("mace", referral.GetProperty("panelType").GetString());
        Assert.Equal(personId, referral.GetProperty("personId").GetGuid());
        Assert.Equal("High", referral.GetProperty("riskLevel").GetString());
        Assert.False(string.IsNullOrWhiteSpace(referral.GetProperty("reason").GetString()));
        Assert.Equal(seamId, referral.GetProperty("seamAssessmentId").GetGuid());
        var assessment = referral.GetProperty("assessment");
        Assert.Equal(seamId, assessment.GetProperty("id").GetGuid());
        Assert.Equal(33, assessment.GetProperty("total").GetInt32());
        Assert.Equal("High", assessment.GetProperty("riskLevel").GetString());
        Assert.Equal("High", assessment.GetProperty("level").GetString());
        Assert.Equal(referral.GetProperty("id").GetGuid(), seam.GetProperty("referralId").GetGuid());

        var read = await App.ApiClientFor("practitioner").GetFromJsonAsync<JsonElement>($"/api/v1/seam-assessments/{seamId}", Ct);
        Assert.Equal(referral.GetProperty("id").GetGuid(), read.GetProperty("referralId").GetGuid());

        var all = await App.ApiClientFor("team-manager").GetFromJsonAsync<JsonElement>("/api/v1/panel-referrals", Ct);
        Assert.Contains(all.EnumerateArray(), r => r.GetProperty("id").GetGuid() == referral.GetProperty("id").GetGuid());
        var open = await App.ApiClientFor("team-manager").GetFromJsonAsync<JsonElement>($"/api/v1/panel-referrals?personId={personId}&status=open", Ct);
        Assert.Equal(1, open.GetArrayLength());
        var declined = await App.ApiClientFor("team-manager").GetFromJsonAsync<JsonElement>($"/api/v1/panel-referrals?personId={personId}&status=Declined", Ct);
        Assert.Equal(0, declined.GetArrayLength());
        await AssertFieldErrorAsync(await App.ApiClientFor("team-manager").GetAsync("/api/v1/panel-referrals?personId=nope", Ct), "personId");
        await AssertFieldErrorAsync(await App.ApiClientFor("team-manager").GetAsync("/api/v1/panel-referrals?status=lost", Ct), "status");
    }

    [Fact]
    public async Task Approving_a_very_high_assessment_refers_it_and_notifies_every_senior_manager()
    {
        var personId = await NewPersonAsync();
        var seam = await ApprovedSeamAsync(personId, 42);
        var seamId = seam.GetProperty("id").GetGuid();
        Assert.Equal("VeryHigh", seam.GetProperty("level").GetString());
        Assert.Equal("PanelReferralAndSeniorManagers", seam.GetProperty("routing").GetString());
        var referrals = await App.ApiClientFor("practitioner").GetFromJsonAsync<JsonElement>($"/api/v1/panel-referrals?personId={personId}", Ct);
        Assert.Equal("VeryHigh", Assert.Single(referrals.EnumerateArray()).GetProperty("riskLevel").GetString());

        var senior = App.ApiClientFor("senior-manager");
        var inbox = await senior.GetFromJsonAsync<JsonElement>("/api/v1/notifications", Ct);
        var alert = Assert.Single(inbox.EnumerateArray(), n => n.GetProperty("kind").GetString() == "seam-very-high" && n.GetProperty("personId").GetGuid() == personId);
        Assert.Contains(seamId.ToString(), alert.GetProperty("link").GetString());
        Assert.False(string.IsNullOrWhiteSpace(alert.GetProperty("title").GetString()));
        Assert.False(string.IsNullOrWhiteSpace(alert.GetProperty("body").GetString()));
        Assert.Equal(JsonValueKind.Null, alert.GetProperty("readAt").ValueKind);

        // Every active senior manager, not only the one with a token here.
        var seniors = await App.WithDbAsync(db => db.Users.Where(u => u.IsActive && u.Role == Role.SeniorManager).Select(u => u.Id).ToListAsync(Ct));
        var told = await App.WithDbAsync(db => db.Notifications.Where(n => n.Kind == "seam-very-high" && n.PersonId == personId).Select(n => n.UserId).ToListAsync(Ct));
        Assert.Equal(seniors.Order(), told.Order());

        // Others do not see it; the author hears of the approval.
        var practitioner = await App.ApiClientFor("practitioner").GetFromJsonAsync<JsonElement>("/api/v1/notifications", Ct);
        Assert.DoesNotContain(practitioner.EnumerateArray(), n => n.GetProperty("id").GetGuid() == alert.GetProperty("id").GetGuid());
        Assert.Contains(practitioner.EnumerateArray(), n => n.GetProperty("kind").GetString() == "seam-approved" && n.GetProperty("personId").GetGuid() == personId);

        // Marking one read touches only that one, and only the owner can.
        var notMine = await PostAsync("practitioner", "/api/v1/notifications/read", new { id = alert.GetProperty("id").GetString() });
        Assert.Equal(0, (await ReadAsync(notMine)).GetProperty("marked").GetInt32());
        var mine = await PostAsync("senior-manager", "/api/v1/notifications/read", new { id = alert.GetProperty("id").GetString() });
        Assert.Equal(1, (await ReadAsync(mine)).GetProperty("marked").GetInt32());
        var reread = await senior.GetFromJsonAsync<JsonElement>("/api/v1/notifications", Ct);
        Assert.NotEqual(JsonValueKind.Null, reread.EnumerateArray().Single(n => n.GetProperty("id").GetGuid() == alert.GetProperty("id").GetGuid()).GetProperty("readAt").ValueKind);
        await AssertFieldErrorAsync(await PostAsync("senior-manager", "/api/v1/notifications/read", new { id = "x" }), "id");
        Assert.Equal(HttpStatusCode.OK, (await PostAsync("senior-manager", "/api/v1/notifications/read")).StatusCode);
        Assert.All((await senior.GetFromJsonAsync<JsonElement>("/api/v1/notifications", Ct)).EnumerateArray(),
            n => Assert.NotEqual(JsonValueKind.Null, n.GetProperty("readAt").ValueKind));
    }

    [Fact]
    public async Task Every_signed_in_role_reads_its_own_notifications()
    {
        foreach (var who in new[] { "practitioner", "team-manager", "senior-manager", "analyst", "administrator", "police-practitioner" })
        {
            var response = await App.ApiClientFor(who).GetAsync("/api/v1/notifications", Ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(JsonValueKind.Array, (await ReadAsync(response)).ValueKind);
        }
        await AssertProblemAsync(await App.CreateClient().GetAsync("/api/v1/notifications", Ct), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Approving_a_medium_assessment_makes_no_referral_and_a_review_strategy_meeting_is_due()
    {
        var personId = await NewPersonAsync();
        var seam = await ApprovedSeamAsync(personId, 25);
        Assert.Equal("Medium", seam.GetProperty("level").GetString());
        Assert.Equal("ReviewStrategyMeeting", seam.GetProperty("routing").GetString());
        Assert.Equal(JsonValueKind.Null, seam.GetProperty("referralId").ValueKind);
        var referrals = await App.ApiClientFor("practitioner").GetFromJsonAsync<JsonElement>($"/api/v1/panel-referrals?personId={personId}", Ct);
        Assert.Equal(0, referrals.GetArrayLength());
    }

    [Fact]
    public async Task Professional_judgement_may_raise_the_level_with_a_reason_but_never_lower_it()
    {
        var personId = await NewPersonAsync();
        var id = (await CreateSeamAsync(personId, 31)).GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.OK, (await PostAsync("practitioner", $"/api/v1/seam-assessments/{id}/submit")).StatusCode);
        var url = $"/api/v1/seam-assessments/{id}/approve";
        await AssertFieldErrorAsync(await PostAsync("team-manager", url, new { judgementLevel = "Medium", judgementReason = "Fewer concerns now." }), "judgementLevel");
        await AssertFieldErrorAsync(await PostAsync("team-manager", url, new { judgementLevel = "High", judgementReason = "Same." }), "judgementLevel");
        await AssertFieldErrorAsync(await PostAsync("team-manager", url, new { judgementLevel = "VeryHigh" }), "judgementReason");
        await AssertFieldErrorAsync(await PostAsync("team-manager", url, new { judgementLevel = "Purple", judgementReason = "x" }), "judgementLevel");
        await AssertFieldErrorAsync(await PostAsync("team-manager", url, new { judgementLevel = 3, judgementReason = "x" }), "judgementLevel");
        Assert.Equal("Submitted", (await App.ApiClientFor("practitioner").GetFromJsonAsync<JsonElement>($"/api/v1/seam-assessments/{id}", Ct)).GetProperty("status").GetString());

        var raised = await PostAsync("team-manager", url, new { judgementLevel = "VeryHigh", judgementReason = "Knife found at the address last week." });
        Assert.Equal(HttpStatusCode.OK, raised.StatusCode);
        var seam = await ReadAsync(raised);
        Assert.Equal("High", seam.GetProperty("riskLevel").GetString());
        Assert.Equal("VeryHigh", seam.GetProperty("judgementLevel").GetString());
        Assert.Equal("VeryHigh", seam.GetProperty("level").GetString());
        Assert.Equal("Knife found at the address last week.", seam.GetProperty("judgementReason").GetString());
        Assert.Equal("PanelReferralAndSeniorManagers", seam.GetProperty("routing").GetString());
        var referral = Assert.Single((await App.ApiClientFor("practitioner").GetFromJsonAsync<JsonElement>($"/api/v1/panel-referrals?personId={personId}", Ct)).EnumerateArray());
        Assert.Equal("High", referral.GetProperty("assessment").GetProperty("riskLevel").GetString());
        Assert.Equal("VeryHigh", referral.GetProperty("assessment").GetProperty("level").GetString());
    }

    [Fact]
    public async Task A_review_records_what_it_reviews_and_supersedes_it_on_approval()
    {
        var personId = await NewPersonAsync();
        var first = await ApprovedSeamAsync(personId, 33);
        var firstId = first.GetProperty("id").GetGuid();
        var review = await CreateSeamAsync(personId, 21);
        var reviewId = review.GetProperty("id").GetGuid();
        Assert.Equal(firstId, review.GetProperty("previousAssessmentId").GetGuid());

        Assert.Equal(HttpStatusCode.OK, (await PostAsync("practitioner", $"/api/v1/seam-assessments/{reviewId}/submit")).StatusCode);
        var approved = await ReadAsync(await PostAsync("team-manager", $"/api/v1/seam-assessments/{reviewId}/approve"));
        Assert.Equal("Approved", approved.GetProperty("status").GetString());

        var api = App.ApiClientFor("practitioner");
        var old = await api.GetFromJsonAsync<JsonElement>($"/api/v1/seam-assessments/{firstId}", Ct);
        Assert.Equal("Superseded", old.GetProperty("status").GetString());
        Assert.Equal(reviewId, old.GetProperty("supersededById").GetGuid());

        var list = await api.GetFromJsonAsync<JsonElement>($"/api/v1/people/{personId}/seam-assessments", Ct);
        Assert.Equal(2, list.GetArrayLength());
        var statuses = list.EnumerateArray().ToDictionary(s => s.GetProperty("id").GetGuid(), s => s.GetProperty("status").GetString());
        Assert.Equal("Approved", statuses[reviewId]);
        Assert.Equal("Superseded", statuses[firstId]);
        Assert.Equal(first.GetProperty("referralId").GetGuid(), list.EnumerateArray().Single(s => s.GetProperty("id").GetGuid() == firstId).GetProperty("referralId").GetGuid());
    }

    // ---- Need-to-know and audit ----

    [Fact]
    public async Task A_practitioner_of_an_uninvolved_agency_gets_404_everywhere()
    {
        var personId = await NewPersonAsync();
        var seam = await ApprovedSeamAsync(personId, 35);
        var seamId = seam.GetProperty("id").GetGuid();
        var draftId = (await CreateSeamAsync(personId, 4)).GetProperty("id").GetGuid();
        var screen = await ReadAsync(await PostAsync("practitioner", $"/api/v1/people/{personId}/safeguard-screens", ScreenBody(1)));
        var action = await ReadAsync(await PostAsync("practitioner", $"/api/v1/seam-assessments/{seamId}/actions", ActionBody()));
        var police = App.ApiClientFor("police-practitioner");

        var responses = new List<(string What, HttpResponseMessage Response)>
        {
            ("GET seam", await police.GetAsync($"/api/v1/seam-assessments/{seamId}", Ct)),
            ("GET list", await police.GetAsync($"/api/v1/people/{personId}/seam-assessments", Ct)),
            ("POST seam", await police.PostAsync($"/api/v1/people/{personId}/seam-assessments", Json(SeamBody(3)), Ct)),
            ("PUT seam", await police.PutAsync($"/api/v1/seam-assessments/{draftId}", Json(SeamBody(3).Also(b => b["rowVersion"] = Guid.NewGuid().ToString())), Ct)),
            ("submit", await police.PostAsync($"/api/v1/seam-assessments/{draftId}/submit", null, Ct)),
            ("approve", await police.PostAsync($"/api/v1/seam-assessments/{draftId}/approve", null, Ct)),
            ("return", await police.PostAsync($"/api/v1/seam-assessments/{draftId}/return", Json(new { comments = "x" }), Ct)),
            ("GET actions", await police.GetAsync($"/api/v1/seam-assessments/{seamId}/actions", Ct)),
            ("POST actions", await police.PostAsync($"/api/v1/seam-assessments/{seamId}/actions", Json(ActionBody()), Ct)),
            ("progress", await police.PostAsync($"/api/v1/actions/{action.GetProperty("id").GetGuid()}/progress", Json(new { status = "Done", completionNote = "x", rowVersion = action.GetProperty("rowVersion").GetString() }), Ct)),
            ("POST screen", await police.PostAsync($"/api/v1/people/{personId}/safeguard-screens", Json(ScreenBody(1)), Ct)),
            ("GET screens", await police.GetAsync($"/api/v1/people/{personId}/safeguard-screens", Ct)),
            ("GET screen", await police.GetAsync($"/api/v1/safeguard-screens/{screen.GetProperty("id").GetGuid()}", Ct)),
            ("GET referrals", await police.GetAsync($"/api/v1/panel-referrals?personId={personId}", Ct)),
            ("GET missing seam", await police.GetAsync($"/api/v1/seam-assessments/{Guid.NewGuid()}", Ct)),
        };
        foreach (var (what, response) in responses)
        {
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{what}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(Ct)}");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
        var everything = await police.GetFromJsonAsync<JsonElement>("/api/v1/panel-referrals", Ct);
        Assert.DoesNotContain(everything.EnumerateArray(), r => r.GetProperty("personId").GetGuid() == personId);
        Assert.Equal(0, await App.WithDbAsync(db => db.SeamAssessments.CountAsync(s => s.PersonId == personId && s.AuthorUserId == App.Users["police-practitioner"].Id, Ct)));
        Assert.Equal("Draft", (await App.ApiClientFor("practitioner").GetFromJsonAsync<JsonElement>($"/api/v1/seam-assessments/{draftId}", Ct)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Every_read_is_in_the_records_audit_trail()
    {
        var personId = await NewPersonAsync();
        var seam = await ApprovedSeamAsync(personId, 30);
        var seamId = seam.GetProperty("id").GetGuid();
        var screen = await ReadAsync(await PostAsync("practitioner", $"/api/v1/people/{personId}/safeguard-screens", ScreenBody(0)));
        var api = App.ApiClientFor("second-practitioner");
        var reads = new[]
        {
            $"/api/v1/seam-assessments/{seamId}",
            $"/api/v1/people/{personId}/seam-assessments",
            $"/api/v1/seam-assessments/{seamId}/actions",
            $"/api/v1/people/{personId}/safeguard-screens",
            $"/api/v1/safeguard-screens/{screen.GetProperty("id").GetGuid()}",
            $"/api/v1/panel-referrals?personId={personId}",
        };
        foreach (var url in reads) Assert.Equal(HttpStatusCode.OK, (await api.GetAsync(url, Ct)).StatusCode);

        var userId = App.Users["second-practitioner"].Id;
        var viewed = await App.WithDbAsync(db => db.AuditEntries
            .Where(e => e.PersonId == personId && e.UserId == userId && e.Action == AuditAction.View)
            .Select(e => e.EntityType).ToListAsync(Ct));
        foreach (var type in new[] { "seam-assessment", "action-plan", "safeguard-screen", "panel-referral" })
            Assert.Contains(type, viewed);
        Assert.Equal(2, viewed.Count(t => t == "seam-assessment"));
        Assert.Equal(2, viewed.Count(t => t == "safeguard-screen"));

        var changes = await App.WithDbAsync(db => db.AuditEntries
            .Where(e => e.PersonId == personId && e.EntityType == "seam-assessment" && e.Action != AuditAction.View).CountAsync(Ct));
        Assert.True(changes >= 3, $"Only {changes} changes to the assessment were audited");
    }

    // ---- SAFEGUARD screens ----

    private static JsonObject ScreenBody(int concerns, bool hold = true)
    {
        var areas = new JsonObject();
        for (var i = 0; i < SafeguardKeys.Length; i++)
            areas[SafeguardKeys[i]] = i < concerns
                ? new JsonObject { ["concern"] = true, ["seen"] = $"Seen by the school ({SafeguardKeys[i]})." }
                : new JsonObject { ["concern"] = false };
        return new JsonObject { ["screenedOn"] = "2026-01-05", ["areas"] = areas, ["holdStrategyMeeting"] = hold, ["reason"] = "Discussed with my manager." };
    }

    [Fact]
    public async Task A_screen_is_recorded_and_listed_with_the_number_of_areas_of_concern()
    {
        var personId = await NewPersonAsync();
        var response = await PostAsync("practitioner", $"/api/v1/people/{personId}/safeguard-screens", ScreenBody(3));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var screen = await ReadAsync(response);
        var id = screen.GetProperty("id").GetGuid();
        Assert.Equal($"/api/v1/safeguard-screens/{id}", response.Headers.Location!.OriginalString);
        Assert.Equal(personId, screen.GetProperty("personId").GetGuid());
        Assert.Equal("2026-01-05", screen.GetProperty("screenedOn").GetString());
        Assert.Equal(3, screen.GetProperty("areasOfConcern").GetInt32());
        Assert.True(screen.GetProperty("holdStrategyMeeting").GetBoolean());
        Assert.Equal("strategy-meeting", screen.GetProperty("decision").GetString());
        Assert.Equal("Discussed with my manager.", screen.GetProperty("reason").GetString());
        Assert.Equal("Test practitioner", screen.GetProperty("recordedBy").GetString());
        Assert.NotEqual(default, screen.GetProperty("recordedAt").GetDateTime());
        var areas = screen.GetProperty("areas");
        Assert.Equal(SafeguardKeys, areas.EnumerateObject().Select(p => p.Name).ToArray());
        Assert.True(areas.GetProperty("sexual-health").GetProperty("concern").GetBoolean());
        Assert.Equal("Seen by the school (sexual-health).", areas.GetProperty("sexual-health").GetProperty("seen").GetString());
        Assert.Equal("Sexual health and behaviour", areas.GetProperty("sexual-health").GetProperty("title").GetString());
        Assert.False(areas.GetProperty("distrust-authority").GetProperty("concern").GetBoolean());

        // Bare booleans and the decision word are accepted too.
        var bare = new JsonObject();
        foreach (var key in SafeguardKeys) bare[key] = false;
        var second = await PostAsync("team-manager", $"/api/v1/people/{personId}/safeguard-screens",
            new JsonObject { ["areas"] = bare, ["decision"] = "no-strategy-meeting", ["reason"] = "No concerns seen." });
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        var secondScreen = await ReadAsync(second);
        Assert.Equal(0, secondScreen.GetProperty("areasOfConcern").GetInt32());
        Assert.False(secondScreen.GetProperty("holdStrategyMeeting").GetBoolean());
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}$", secondScreen.GetProperty("screenedOn").GetString()!);

        var list = await App.ApiClientFor("practitioner").GetFromJsonAsync<JsonElement>($"/api/v1/people/{personId}/safeguard-screens", Ct);
        Assert.Equal(2, list.GetArrayLength());
        Assert.Contains(list.EnumerateArray(), s => s.GetProperty("id").GetGuid() == id && s.GetProperty("areasOfConcern").GetInt32() == 3);
        var one = await App.ApiClientFor("second-practitioner").GetFromJsonAsync<JsonElement>($"/api/v1/safeguard-screens/{id}", Ct);
        Assert.Equal(3, one.GetProperty("areasOfConcern").GetInt32());
        Assert.Equal("Test practitioner", one.GetProperty("recordedBy").GetString());

        // A SEAM may name the screen that led to it.
        var seam = SeamBody(20);
        seam["safeguardScreenId"] = id.ToString();
        var created = await App.ApiClientFor("practitioner").PostAsync($"/api/v1/people/{personId}/seam-assessments", Json(seam), Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(id, (await ReadAsync(created)).GetProperty("safeguardScreenId").GetGuid());
    }

    [Theory]
    [InlineData("missing-area", "areas.gifts-money.concern")]
    [InlineData("concern-as-string", "areas.sexual-health.concern")]
    [InlineData("concern-without-seen", "areas.sexual-health.seen")]
    [InlineData("bare-true-without-seen", "areas.absent.seen")]
    [InlineData("area-as-number", "areas.sexual-health")]
    [InlineData("unknown-area", "areas.unicorns")]
    [InlineData("areas-not-object", "areas")]
    [InlineData("no-decision", "holdStrategyMeeting")]
    [InlineData("decision-as-string", "holdStrategyMeeting")]
    [InlineData("bad-decision-word", "decision")]
    [InlineData("no-reason", "reason")]
    [InlineData("future-date", "screenedOn")]
    [InlineData("bad-date", "screenedOn")]
    public async Task Bad_screens_are_400_naming_the_field(string fault, string field)
    {
        var personId = await NewPersonAsync();
        var body = ScreenBody(1);
        var areas = body["areas"]!.AsObject();
        switch (fault)
        {
            case "missing-area": areas.Remove("gifts-money"); break;
            case "concern-as-string": areas["sexual-health"]!["concern"] = "yes"; break;
            case "concern-without-seen": areas["sexual-health"]!.AsObject().Remove("seen"); break;
            case "bare-true-without-seen": areas["absent"] = true; break;
            case "area-as-number": areas["sexual-health"] = 1; break;
            case "unknown-area": areas["unicorns"] = false; break;
            case "areas-not-object": body["areas"] = "all fine"; break;
            case "no-decision": body.Remove("holdStrategyMeeting"); break;
            case "decision-as-string": body["holdStrategyMeeting"] = "yes"; break;
            case "bad-decision-word": body.Remove("holdStrategyMeeting"); body["decision"] = "maybe"; break;
            case "no-reason": body.Remove("reason"); break;
            case "future-date": body["screenedOn"] = "2999-01-01"; break;
            case "bad-date": body["screenedOn"] = "5 Jan"; break;
            default: throw new ArgumentOutOfRangeException(nameof(fault));
        }
        await AssertFieldErrorAsync(await PostAsync("practitioner", $"/api/v1/people/{personId}/safeguard-screens", body), field);
        Assert.Equal(0, await App.WithDbAsync(db => db.SafeguardScreens.CountAsync(s => s.PersonId == personId, Ct)));
    }

    // ---- Action plans ----

    private JsonObject ActionBody() => new()
    {
        ["domainKey"] = "gangs-risky-adults", ["areaOfNeed"] = "Contact with older males at the park",
        ["desiredOutcome"] = "Feels safe to say no", ["action"] = "Weekly sessions with the youth worker",
        ["ownerUserId"] = App.Users["second-practitioner"].Id.ToString(), ["dueOn"] = "2099-03-01",
    };

    [Fact]
    public async Task Action_plan_rows_are_added_listed_and_progressed()
    {
        var personId = await NewPersonAsync();
        var seamId = (await ApprovedSeamAsync(personId, 30)).GetProperty("id").GetGuid();
        var url = $"/api/v1/seam-assessments/{seamId}/actions";
        var response = await PostAsync("practitioner", url, ActionBody());
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var action = await ReadAsync(response);
        Assert.Equal("gangs-risky-adults", action.GetProperty("domainKey").GetString());
        Assert.Equal("Contact with older males at the park", action.GetProperty("areaOfNeed").GetString());
        Assert.Equal("Feels safe to say no", action.GetProperty("desiredOutcome").GetString());
        Assert.Equal("Weekly sessions with the youth worker", action.GetProperty("action").GetString());
        Assert.Equal(App.Users["second-practitioner"].Id, action.GetProperty("ownerUserId").GetGuid());
        Assert.Equal(JsonValueKind.Null, action.GetProperty("ownerAgencyId").ValueKind);
        Assert.Equal("Test second-practitioner", action.GetProperty("ownerName").GetString());
        Assert.Equal("2099-03-01", action.GetProperty("dueOn").GetString());
        Assert.Equal("NotStarted", action.GetProperty("status").GetString());
        Assert.False(action.GetProperty("isOverdue").GetBoolean());
        Assert.Equal(seamId, action.GetProperty("seamAssessmentId").GetGuid());

        var byAgency = ActionBody();
        byAgency.Remove("ownerUserId");
        byAgency["ownerAgencyId"] = App.Police.Id.ToString();
        byAgency["action"] = "Police to visit; he refuses to engage with us";
        var agencyRow = await ReadAsync(await PostAsync("team-manager", url, byAgency));
        Assert.Equal("Police", agencyRow.GetProperty("ownerName").GetString());
        Assert.Equal("action", Assert.Single(agencyRow.GetProperty("languageGuidance").EnumerateArray()).GetProperty("field").GetString());

        var list = await App.ApiClientFor("practitioner").GetFromJsonAsync<JsonElement>(url, Ct);
        Assert.Equal(2, list.GetArrayLength());

        var progressUrl = $"/api/v1/actions/{action.GetProperty("id").GetGuid()}/progress";
        await AssertFieldErrorAsync(await PostAsync("practitioner", progressUrl, new { status = "Done", rowVersion = action.GetProperty("rowVersion").GetString() }), "completionNote");
        await AssertFieldErrorAsync(await PostAsync("practitioner", progressUrl, new { status = "Finished", rowVersion = action.GetProperty("rowVersion").GetString() }), "status");
        await AssertFieldErrorAsync(await PostAsync("practitioner", progressUrl, new { status = "InProgress" }), "rowVersion");
        var progressed = await PostAsync("practitioner", progressUrl, new { status = "in-progress", rowVersion = action.GetProperty("rowVersion").GetString() });
        Assert.Equal(HttpStatusCode.OK, progressed.StatusCode);
        Assert.Equal("InProgress", (await ReadAsync(progressed)).GetProperty("status").GetString());
        var stale = await PostAsync("practitioner", progressUrl, new { status = "Done", completionNote = "Done", rowVersion = action.GetProperty("rowVersion").GetString() });
        await AssertProblemAsync(stale, HttpStatusCode.Conflict);
    }

    [Theory]
    [InlineData("areaOfNeed", null, "areaOfNeed")]
    [InlineData("desiredOutcome", null, "desiredOutcome")]
    [InlineData("action", null, "action")]
    [InlineData("ownerUserId", null, "owner")]
    [InlineData("ownerUserId", "not-a-guid", "ownerUserId")]
    [InlineData("dueOn", null, "dueOn")]
    [InlineData("dueOn", "2001-01-01", "dueOn")]
    [InlineData("dueOn", "tomorrow", "dueOn")]
    [InlineData("domainKey", "technology-2017", "domainKey")]
    public async Task Bad_action_rows_are_400_naming_the_field(string property, string? value, string field)
    {
        var personId = await NewPersonAsync();
        var seamId = (await CreateSeamAsync(personId, 12)).GetProperty("id").GetGuid();
        var body = ActionBody();
        if (value is null) body.Remove(property);
        else body[property] = value;
        await AssertFieldErrorAsync(await PostAsync("practitioner", $"/api/v1/seam-assessments/{seamId}/actions", body), field);
    }

    [Fact]
    public async Task The_openapi_document_describes_the_assessment_endpoints()
    {
        var document = await App.CreateClient().GetFromJsonAsync<JsonElement>("/openapi/v1.json", Ct);
        var paths = document.GetProperty("paths");
        foreach (var path in new[]
        {
            "/api/v1/people/{id}/seam-assessments", "/api/v1/people/{id}/safeguard-screens", "/api/v1/seam-assessments/{seamId}",
            "/api/v1/seam-assessments/{seamId}/submit", "/api/v1/seam-assessments/{seamId}/approve", "/api/v1/seam-assessments/{seamId}/return",
            "/api/v1/seam-assessments/{seamId}/actions", "/api/v1/actions/{actionId}/progress", "/api/v1/safeguard-screens/{screenId}",
            "/api/v1/panel-referrals", "/api/v1/notifications", "/api/v1/notifications/read",
        })
            Assert.True(paths.TryGetProperty(path, out _), $"{path} is not in the OpenAPI document");
    }
}

internal static class JsonObjectExtensions
{
    /// <summary>Changes a body in line, for a test that sends a small variation of another.</summary>
    public static JsonObject Also(this JsonObject body, Action<JsonObject> change)
    {
        change(body);
        return body;
    }
}

public sealed class AssessmentsApiTests_Sqlite(SqliteApp fixture) : AssessmentsApiTests(fixture), IClassFixture<SqliteApp>;

public sealed class AssessmentsApiTests_Postgres(PostgresApp fixture) : AssessmentsApiTests(fixture), IClassFixture<PostgresApp>;
