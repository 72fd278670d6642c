using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sightline.Core.Access;
using Sightline.Core.Panels;
using Sightline.TestKit;
using Sightline.Web.Tests.Support;

namespace Sightline.Web.Tests;

/// <summary>
/// Panels and meetings through the API, with the shapes issue 7 gives: panels set up by
/// administrators take up open referrals; the chair's meeting comes with its built agenda; issuing
/// it gives the panel's members need-to-know of the young people on it until each item closes, and
/// nothing of another panel's; actions and the overdue tracker; problem+json for every error.
/// </summary>
public abstract class PanelsApiTests(AppFixture fixture)
{
    private SightlineFactory App => fixture.App;
    private CancellationToken Ct => TestContext.Current.CancellationToken;
    private static string Email(string key) => $"{key}@test.example";

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private async Task<HttpClient> ApiForAsync(string key, Role role = Role.Practitioner, bool police = true)
    {
        if (!App.Tokens.ContainsKey(key)) await App.AddUserAsync(key, role, police ? App.Police : App.SocialCare);
        return App.ApiClientFor(key);
    }

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement;
    }

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var root = await ReadAsync(response, expected);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return root;
    }

    private async Task<Guid> NewPersonAsync() => (await Builders.CreatePersonAsync(App.ApiClientFor("practitioner"))).GetProperty("id").GetGuid();

    /// <summary>A MACE with a police chair and a police member, neither involved with the young people (who belong to social care).</summary>
    private async Task<(Guid Panel, HttpClient Chair, HttpClient Member)> MaceAsync(string chairKey, string memberKey)
    {
        var chair = await ApiForAsync(chairKey);
        var member = await ApiForAsync(memberKey);
        var panel = await Builders.CreatePanelAsync(App.ApiClientFor("administrator"), "mace", Email(chairKey), [Email(memberKey)], ["Police", "Children's Social Care"]);
        return (panel, chair, member);
    }

    private async Task<Guid> ReferAndAcceptAsync(Guid panel, HttpClient chair, Guid person)
    {
        var referral = await ReadAsync(await App.ApiClientFor("practitioner").PostAsync($"/api/v1/panels/{panel}/referrals",
            Json($"{{\"personId\":\"{person}\",\"reason\":\"Seen with older males at the station\",\"riskLevel\":\"High\"}}"), Ct), HttpStatusCode.Created);
        var id = referral.GetProperty("id").GetGuid();
        await ReadAsync(await chair.PostAsync($"/api/v1/panels/{panel}/referrals/{id}/accept", Json("{\"reason\":\"Meets the threshold\"}"), Ct), HttpStatusCode.OK);
        return id;
    }

    [Fact]
    public async Task An_administrator_sets_up_a_panel_and_it_takes_up_the_open_referrals_of_its_type()
    {
        var person = await NewPersonAsync();
        var referralId = Guid.NewGuid();
        await App.WithDbAsync(async db =>
        {
            db.PanelReferrals.Add(new PanelReferral { Id = referralId, PersonId = person, PanelType = "yot-risk-panel", Reason = "High YOT risk", CreatedAt = DateTime.UtcNow, CreatedByUserId = App.Users["practitioner"].Id });
            await db.SaveChangesAsync(Ct);
        });
        var response = await App.ApiClientFor("administrator").PostAsync("/api/v1/panels", Json(
            $"{{\"type\":\"yot-risk-panel\",\"name\":\"YOT risk panel {Guid.NewGuid():N}\",\"chairEmail\":\"{Email("practitioner")}\",\"memberEmails\":[\"{Email("second-practitioner")}\"],\"memberAgencies\":[\"Police\"]}}"), Ct);
        var created = await ReadAsync(response, HttpStatusCode.Created);
        var id = created.GetProperty("id").GetGuid();
        Assert.Equal("yot-risk-panel", created.GetProperty("type").GetString());
        Assert.Equal("monthly", created.GetProperty("schedule").GetString());
        Assert.Equal(Email("practitioner"), created.GetProperty("chair").GetProperty("email").GetString());
        Assert.Equal(["Police"], created.GetProperty("memberAgencies").EnumerateArray().Select(a => a.GetString()));
        Assert.Equal(id, await App.WithDbAsync(db => db.PanelReferrals.Where(r => r.Id == referralId).Select(r => r.PanelId).FirstAsync(Ct)));

        var list = await ReadAsync(await App.ApiClientFor("team-manager").GetAsync("/api/v1/panels", Ct), HttpStatusCode.OK);
        Assert.Contains(list.EnumerateArray(), p => p.GetProperty("id").GetGuid() == id);
    }

    [Fact]
    public async Task Setting_up_a_panel_refuses_bad_input_others_and_a_second_panel_of_the_same_name()
    {
        var admin = App.ApiClientFor("administrator");
        var bad = await ProblemAsync(await admin.PostAsync("/api/v1/panels", Json(
            "{\"type\":\"book-club\",\"chairEmail\":\"nobody@test.example\",\"memberEmails\":[\"ghost@test.example\"],\"memberAgencies\":[\"Ministry of Magic\"]}"), Ct), HttpStatusCode.BadRequest);
        var errors = bad.GetProperty("errors");
        foreach (var field in new[] { "type", "name", "chairEmail", "memberEmails[0]", "memberAgencies[0]" })
            Assert.True(errors.TryGetProperty(field, out _), $"no error for {field}: {errors}");
        await ProblemAsync(await admin.PostAsync("/api/v1/panels", Json("{\"memberEmails\":\"not a list\"}"), Ct), HttpStatusCode.BadRequest);
        await ProblemAsync(await admin.PostAsync("/api/v1/panels", Json("[1]"), Ct), HttpStatusCode.BadRequest);

        var body = $"{{\"type\":\"sirm\",\"name\":\"SIRM {Guid.NewGuid():N}\",\"chairEmail\":\"{Email("practitioner")}\"}}";
        Assert.Equal(HttpStatusCode.Forbidden, (await App.ApiClientFor("practitioner").PostAsync("/api/v1/panels", Json(body), Ct)).StatusCode);
        await ReadAsync(await admin.PostAsync("/api/v1/panels", Json(body), Ct), HttpStatusCode.Created);
        await ProblemAsync(await admin.PostAsync("/api/v1/panels", Json(body), Ct), HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task The_chair_arranges_a_meeting_with_its_agenda_and_members_see_the_young_people_only_while_their_item_is_open()
    {
        var (panel, chair, member) = await MaceAsync("mace-chair-1", "mace-member-1");
        var person = await NewPersonAsync();
        var referral = await ReferAndAcceptAsync(panel, chair, person);

        // Only the chair arranges meetings; someone not on the panel cannot tell it exists.
        Assert.Equal(HttpStatusCode.Forbidden, (await member.PostAsync($"/api/v1/panels/{panel}/meetings", Json("{\"date\":\"2026-12-01\"}"), Ct)).StatusCode);
        await ProblemAsync(await App.ApiClientFor("second-practitioner").PostAsync($"/api/v1/panels/{panel}/meetings", Json("{\"date\":\"2026-12-01\"}"), Ct), HttpStatusCode.NotFound);
        var invalid = await ProblemAsync(await chair.PostAsync($"/api/v1/panels/{panel}/meetings", Json("{\"date\":\"1 December\"}"), Ct), HttpStatusCode.BadRequest);
        Assert.True(invalid.GetProperty("errors").TryGetProperty("date", out _));

        var meeting = await ReadAsync(await chair.PostAsync($"/api/v1/panels/{panel}/meetings", Json("{\"date\":\"2026-12-01\"}"), Ct), HttpStatusCode.Created);
        var meetingId = meeting.GetProperty("id").GetGuid();
        Assert.Equal("draft", meeting.GetProperty("status").GetString());
        var item = Assert.Single(meeting.GetProperty("agenda").EnumerateArray());
        Assert.Equal("new-referral", item.GetProperty("kind").GetString());
        Assert.Equal(person, item.GetProperty("personId").GetGuid());
        Assert.Equal(referral, item.GetProperty("referralId").GetGuid());

        // Before the agenda is issued the member sees neither the draft nor the young person.
        Assert.Equal(HttpStatusCode.NotFound, (await member.GetAsync($"/api/v1/meetings/{meetingId}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await member.GetAsync($"/api/v1/people/{person}", Ct)).StatusCode);

        var issued = await ReadAsync(await chair.PostAsync($"/api/v1/meetings/{meetingId}/issue", null, Ct), HttpStatusCode.OK);
        Assert.Equal("agenda-issued", issued.GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.OK, (await member.GetAsync($"/api/v1/meetings/{meetingId}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await member.GetAsync($"/api/v1/people/{person}", Ct)).StatusCode);
        var basis = await App.WithDbAsync(db => db.AuditEntries.Where(e => e.PersonId == person && e.UserId == App.Users["mace-member-1"].Id && e.EntityType == "person")
            .Select(e => e.Details).ToListAsync(Ct));
        Assert.Contains(basis, d => d != null && d.Contains("panel-member"));
        await ProblemAsync(await chair.PostAsync($"/api/v1/meetings/{meetingId}/issue", null, Ct), HttpStatusCode.Forbidden);

        // Closing the item ends it.
        var itemId = item.GetProperty("id").GetGuid();
        var missing = await ProblemAsync(await chair.PostAsync($"/api/v1/meetings/{meetingId}/agenda/{itemId}", Json("{\"decision\":\"maybe\"}"), Ct), HttpStatusCode.BadRequest);
        Assert.True(missing.GetProperty("errors").TryGetProperty("decision", out _));
        var noMinutes = await ProblemAsync(await chair.PostAsync($"/api/v1/meetings/{meetingId}/agenda/{itemId}", Json("{\"decision\":\"close\"}"), Ct), HttpStatusCode.BadRequest);
        Assert.True(noMinutes.GetProperty("errors").TryGetProperty("minutes", out _));
        Assert.True(noMinutes.GetProperty("errors").TryGetProperty("riskLevel", out _));
        await ProblemAsync(await member.PostAsync($"/api/v1/meetings/{meetingId}/agenda/{itemId}",
            Json("{\"minutes\":\"Discussed\",\"riskLevel\":\"Medium\",\"decision\":\"close\"}"), Ct), HttpStatusCode.Forbidden);
        var closed = await ReadAsync(await chair.PostAsync($"/api/v1/meetings/{meetingId}/agenda/{itemId}",
            Json("{\"minutes\":\"Risk reduced; school engaged.\",\"riskLevel\":\"Medium\",\"decision\":\"close\"}"), Ct), HttpStatusCode.OK);
        Assert.Equal("close", closed.GetProperty("decision").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await member.GetAsync($"/api/v1/people/{person}", Ct)).StatusCode);
    }

    [Fact]
    public async Task A_person_of_concern_linked_to_a_held_young_person_is_on_the_agenda_and_members_see_them_while_it_is_open()
    {
        var chair = await ApiForAsync("poc-chair", police: false);
        var member = await ApiForAsync("poc-member", police: false);
        var outsider = await ApiForAsync("poc-outsider", police: false);
        var panel = await Builders.CreatePanelAsync(App.ApiClientFor("administrator"), "mace", Email("poc-chair"), [Email("poc-member")], ["Police", "Children's Social Care"]);
        var person = await NewPersonAsync();
        await ReferAndAcceptAsync(panel, chair, person);
        var police = await ApiForAsync("poc-police");
        var concern = (await ReadAsync(await police.PostAsync("/api/v1/persons-of-concern", Json("{\"name\":\"Dex Halloran\",\"category\":\"adult\"}"), Ct), HttpStatusCode.Created))
            .GetProperty("id").GetGuid();
        await App.WithDbAsync(async db =>
        {
            db.Associations.Add(new Sightline.Core.Network.Association
            {
                FromKind = Sightline.Core.Network.NodeKind.Person, FromId = person, ToKind = Sightline.Core.Network.NodeKind.PersonOfConcern, ToId = concern,
                Type = Sightline.Core.Network.AssociationType.SuspectedExploiter, Date = new DateOnly(2026, 11, 1), RecordedAt = DateTime.UtcNow, RecordedByUserId = App.Users["poc-police"].Id,
            });
            await db.SaveChangesAsync(Ct);
        });
        Assert.Equal(HttpStatusCode.NotFound, (await member.GetAsync($"/api/v1/persons-of-concern/{concern}", Ct)).StatusCode);

        var meeting = await ReadAsync(await chair.PostAsync($"/api/v1/panels/{panel}/meetings", Json("{\"date\":\"2026-12-02\"}"), Ct), HttpStatusCode.Created);
        var subject = Assert.Single(meeting.GetProperty("agenda").EnumerateArray(), i => i.GetProperty("kind").GetString() == "person-of-concern");
        Assert.Equal(concern, subject.GetProperty("subjectId").GetGuid());
        var meetingId = meeting.GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.NotFound, (await member.GetAsync($"/api/v1/persons-of-concern/{concern}", Ct)).StatusCode);

        await ReadAsync(await chair.PostAsync($"/api/v1/meetings/{meetingId}/issue", null, Ct), HttpStatusCode.OK);
        Assert.Equal(HttpStatusCode.OK, (await member.GetAsync($"/api/v1/persons-of-concern/{concern}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await chair.GetAsync($"/api/v1/persons-of-concern/{concern}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/api/v1/persons-of-concern/{concern}", Ct)).StatusCode);

        // The panel's network starts from its young people and the subjects it tracks, for members only.
        var memberPages = await App.SignedInAsync("poc-member");
        var network = await memberPages.GetDocumentAsync($"/panels/{panel}/network");
        var table = network.GetElementById("network-table")!.TextContent;
        Assert.Contains("Dex Halloran", table);
        Assert.Contains("Suspected exploiter", table, StringComparison.OrdinalIgnoreCase);
        Assert.NotNull(network.QuerySelector($"a[href='/people/{person}']"));
        Assert.Contains("has not met yet", network.GetElementById("since-meeting")!.TextContent);
        Assert.Equal(HttpStatusCode.NotFound, (await (await App.SignedInAsync("poc-outsider")).GetAsync($"/panels/{panel}/network", Ct)).StatusCode);

        // Closing the item ends the member's view.
        await ReadAsync(await chair.PostAsync($"/api/v1/meetings/{meetingId}/agenda/{subject.GetProperty("id").GetGuid()}",
            Json("{\"minutes\":\"Disruption under way\",\"decision\":\"close\"}"), Ct), HttpStatusCode.OK);
        Assert.Equal(HttpStatusCode.NotFound, (await member.GetAsync($"/api/v1/persons-of-concern/{concern}", Ct)).StatusCode);
    }

    [Fact]
    public async Task A_member_of_one_panel_sees_nothing_of_another_panels_agenda()
    {
        var (panelA, chairA, memberA) = await MaceAsync("mace-chair-2", "mace-member-2");
        var (panelB, chairB, memberB) = await MaceAsync("mace-chair-3", "mace-member-3");
        var personA = await NewPersonAsync();
        var personB = await NewPersonAsync();
        await ReferAndAcceptAsync(panelA, chairA, personA);
        await ReferAndAcceptAsync(panelB, chairB, personB);
        var meetingA = (await ReadAsync(await chairA.PostAsync($"/api/v1/panels/{panelA}/meetings", Json("{\"date\":\"2026-12-02\"}"), Ct), HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var meetingB = (await ReadAsync(await chairB.PostAsync($"/api/v1/panels/{panelB}/meetings", Json("{\"date\":\"2026-12-02\"}"), Ct), HttpStatusCode.Created)).GetProperty("id").GetGuid();
        await ReadAsync(await chairA.PostAsync($"/api/v1/meetings/{meetingA}/issue", null, Ct), HttpStatusCode.OK);
        await ReadAsync(await chairB.PostAsync($"/api/v1/meetings/{meetingB}/issue", null, Ct), HttpStatusCode.OK);

        Assert.Equal(HttpStatusCode.OK, (await memberA.GetAsync($"/api/v1/people/{personA}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await memberA.GetAsync($"/api/v1/people/{personB}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await memberA.GetAsync($"/api/v1/meetings/{meetingB}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await memberB.GetAsync($"/api/v1/people/{personA}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await chairB.GetAsync($"/api/v1/meetings/{meetingA}", Ct)).StatusCode);
        var searched = await ReadAsync(await memberA.GetAsync("/api/v1/people", Ct), HttpStatusCode.OK);
        var ids = searched.ValueKind == JsonValueKind.Array ? searched.EnumerateArray().Select(p => p.GetProperty("id").GetGuid()).ToList()
            : searched.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("id").GetGuid()).ToList();
        Assert.Contains(personA, ids);
        Assert.DoesNotContain(personB, ids);
    }

    [Fact]
    public async Task Actions_are_agreed_at_a_meeting_tracked_when_overdue_and_progressed()
    {
        var (panel, chair, member) = await MaceAsync("mace-chair-4", "mace-member-4");
        await ReferAndAcceptAsync(panel, chair, await NewPersonAsync());
        var meeting = (await ReadAsync(await chair.PostAsync($"/api/v1/panels/{panel}/meetings", Json("{\"date\":\"2026-01-14\"}"), Ct), HttpStatusCode.Created)).GetProperty("id").GetGuid();
        await ProblemAsync(await chair.PostAsync($"/api/v1/meetings/{meeting}/actions", Json("{\"title\":\"Too soon\",\"ownerAgency\":\"Police\",\"dueDate\":\"2026-02-01\"}"), Ct), HttpStatusCode.Forbidden);
        await ReadAsync(await chair.PostAsync($"/api/v1/meetings/{meeting}/issue", null, Ct), HttpStatusCode.OK);

        var errors = (await ProblemAsync(await member.PostAsync($"/api/v1/meetings/{meeting}/actions",
            Json("{\"ownerAgency\":\"Police\",\"ownerUserEmail\":\"mace-chair-4@test.example\",\"dueDate\":\"2026-01-01\"}"), Ct), HttpStatusCode.BadRequest)).GetProperty("errors");
        foreach (var field in new[] { "title", "owner", "dueDate" }) Assert.True(errors.TryGetProperty(field, out _), $"no error for {field}: {errors}");
        var unknown = (await ProblemAsync(await member.PostAsync($"/api/v1/meetings/{meeting}/actions",
            Json("{\"title\":\"Visit\",\"ownerAgency\":\"Nobody\",\"dueDate\":\"2026-02-01\"}"), Ct), HttpStatusCode.BadRequest)).GetProperty("errors");
        Assert.True(unknown.TryGetProperty("ownerAgency", out _));
        await ProblemAsync(await App.ApiClientFor("second-practitioner").PostAsync($"/api/v1/meetings/{meeting}/actions",
            Json("{\"title\":\"Visit\",\"ownerAgency\":\"Police\",\"dueDate\":\"2026-02-01\"}"), Ct), HttpStatusCode.NotFound);

        var overdue = await ReadAsync(await member.PostAsync($"/api/v1/meetings/{meeting}/actions",
            Json("{\"title\":\"Disruption visit to the takeaway\",\"ownerAgency\":\"Police\",\"dueDate\":\"2026-02-01\"}"), Ct), HttpStatusCode.Created);
        Assert.True(overdue.GetProperty("overdue").GetBoolean());
        Assert.Equal("Police", overdue.GetProperty("ownerAgency").GetString());
        var later = await ReadAsync(await chair.PostAsync($"/api/v1/meetings/{meeting}/actions",
            Json("{\"title\":\"Share the chronology\",\"ownerUserEmail\":\"mace-member-4@test.example\",\"dueDate\":\"2099-02-01\"}"), Ct), HttpStatusCode.Created);
        Assert.False(later.GetProperty("overdue").GetBoolean());

        var list = await ReadAsync(await chair.GetAsync("/api/v1/actions?status=overdue", Ct), HttpStatusCode.OK);
        var overdueIds = list.EnumerateArray().Select(a => a.GetProperty("id").GetGuid()).ToList();
        Assert.Contains(overdue.GetProperty("id").GetGuid(), overdueIds);
        Assert.DoesNotContain(later.GetProperty("id").GetGuid(), overdueIds);
        // A police practitioner off the panel sees the police's action, not the member's own one.
        var police = await ReadAsync(await App.ApiClientFor("police-practitioner").GetAsync("/api/v1/actions?status=all", Ct), HttpStatusCode.OK);
        Assert.Contains(police.EnumerateArray(), a => a.GetProperty("id").GetGuid() == overdue.GetProperty("id").GetGuid());
        Assert.DoesNotContain(police.EnumerateArray(), a => a.GetProperty("id").GetGuid() == later.GetProperty("id").GetGuid());
        Assert.DoesNotContain((await ReadAsync(await App.ApiClientFor("second-practitioner").GetAsync("/api/v1/actions?status=all", Ct), HttpStatusCode.OK)).EnumerateArray(),
            a => a.GetProperty("panelId").GetGuid() == panel);
        await ProblemAsync(await chair.GetAsync("/api/v1/actions?status=someday", Ct), HttpStatusCode.BadRequest);

        var done = await ReadAsync(await chair.PostAsync($"/api/v1/actions/{overdue.GetProperty("id").GetGuid()}/progress",
            Json($"{{\"status\":\"Done\",\"completionNote\":\"Visited with licensing\",\"rowVersion\":\"{overdue.GetProperty("rowVersion").GetGuid()}\"}}"), Ct), HttpStatusCode.OK);
        Assert.Equal("done", done.GetProperty("status").GetString());
        await ProblemAsync(await chair.PostAsync($"/api/v1/actions/{overdue.GetProperty("id").GetGuid()}/progress",
            Json($"{{\"status\":\"InProgress\",\"rowVersion\":\"{overdue.GetProperty("rowVersion").GetGuid()}\"}}"), Ct), HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Owners_are_reminded_before_the_due_date_and_when_overdue_once_each()
    {
        var (panel, chair, _) = await MaceAsync("mace-chair-5", "mace-member-5");
        var meeting = (await ReadAsync(await chair.PostAsync($"/api/v1/panels/{panel}/meetings", Json("{\"date\":\"2026-01-14\"}"), Ct), HttpStatusCode.Created)).GetProperty("id").GetGuid();
        await ReadAsync(await chair.PostAsync($"/api/v1/meetings/{meeting}/issue", null, Ct), HttpStatusCode.OK);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        async Task<Guid> ActionAsync(string owner, DateOnly due) => (await ReadAsync(await chair.PostAsync($"/api/v1/meetings/{meeting}/actions",
            Json($"{{\"title\":\"Reminder check\",{owner},\"dueDate\":\"{due:yyyy-MM-dd}\"}}"), Ct), HttpStatusCode.Created)).GetProperty("id").GetGuid();
        await ActionAsync("\"ownerUserEmail\":\"mace-member-5@test.example\"", today.AddDays(2));   // due soon
        await ActionAsync("\"ownerAgency\":\"Police\"", today.AddDays(-3));                         // overdue: the chair and the panel's police members
        await ActionAsync("\"ownerUserEmail\":\"mace-member-5@test.example\"", today.AddDays(30));  // not yet

        async Task<int> RunAsync()
        {
            using var scope = App.Services.CreateScope();
            return await scope.ServiceProvider.GetRequiredService<PanelActionReminders>().RunOnceAsync(Ct);
        }
        Assert.Equal(2, await RunAsync());
        Assert.Equal(0, await RunAsync());
        var kinds = await App.WithDbAsync(db => db.Notifications.Where(n => n.Kind.StartsWith("panel-action"))
            .Select(n => new { n.UserId, n.Kind }).ToListAsync(Ct));
        Assert.Contains(kinds, k => k.UserId == App.Users["mace-member-5"].Id && k.Kind == "panel-action-due-soon");
        Assert.Contains(kinds, k => k.UserId == App.Users["mace-chair-5"].Id && k.Kind == "panel-action-overdue");
        Assert.Contains(kinds, k => k.UserId == App.Users["mace-member-5"].Id && k.Kind == "panel-action-overdue");
        Assert.Equal(3, kinds.Count);
    }
}

public sealed class PanelsApiTests_Sqlite(SqliteApp fixture) : PanelsApiTests(fixture), IClassFixture<SqliteApp>;

public sealed class PanelsApiTests_Postgres(PostgresApp fixture) : PanelsApiTests(fixture), IClassFixture<PostgresApp>;
