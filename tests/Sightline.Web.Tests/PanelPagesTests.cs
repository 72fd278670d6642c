using System.Net;
using System.Text;
using System.Text.Json;
using Sightline.Core.Access;
using Sightline.TestKit;
using Sightline.Web.Tests.Support;

namespace Sightline.Web.Tests;

/// <summary>
/// The panel pages as a chair uses them: a referral accepted, a meeting arranged with its agenda,
/// the agenda reordered and issued, attendance, an item's decision, an action, the minutes PDF and
/// the tracker's exports; GOV.UK errors for bad input; members of another panel see nothing.
/// </summary>
public abstract class PanelPagesTests(AppFixture fixture)
{
    private SightlineFactory App => fixture.App;
    private CancellationToken Ct => TestContext.Current.CancellationToken;
    private static KeyValuePair<string, string> F(string name, string value) => new(name, value);
    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private async Task EnsureUserAsync(string key)
    {
        if (!App.Tokens.ContainsKey(key)) await App.AddUserAsync(key, Role.Practitioner, App.Police);
    }

    private async Task<(Guid Panel, Guid Person, Guid Referral)> PanelWithReferralAsync(string chairKey, string memberKey)
    {
        await EnsureUserAsync(chairKey);
        await EnsureUserAsync(memberKey);
        var panel = await Builders.CreatePanelAsync(App.ApiClientFor("administrator"), "mace", $"{chairKey}@test.example", [$"{memberKey}@test.example"], ["Police", "Children's Social Care"]);
        var person = (await Builders.CreatePersonAsync(App.ApiClientFor("practitioner"))).GetProperty("id").GetGuid();
        var referral = await App.ApiClientFor("practitioner").PostAsync($"/api/v1/panels/{panel}/referrals", Json($"{{\"personId\":\"{person}\",\"reason\":\"Found with older males\"}}"), Ct);
        Assert.Equal(HttpStatusCode.Created, referral.StatusCode);
        var referralId = JsonDocument.Parse(await referral.Content.ReadAsStringAsync(Ct)).RootElement.GetProperty("id").GetGuid();
        return (panel, person, referralId);
    }

    [Fact]
    public async Task A_chair_accepts_a_referral_runs_a_meeting_and_exports_the_minutes_and_actions()
    {
        var (panel, person, referral) = await PanelWithReferralAsync("page-chair-1", "page-member-1");
        var chair = await App.SignedInAsync("page-chair-1");

        var list = await chair.GetDocumentAsync("/panels");
        Assert.Contains(list.QuerySelectorAll("#panels a"), a => a.GetAttribute("href") == $"/panels/{panel}");

        // Declining needs a reason; the error is shown the GOV.UK way.
        var noReason = await chair.PostFormAsync($"/panels/{panel}", [F("referralId", referral.ToString())], $"/panels/{panel}?handler=Accept");
        Assert.Equal(HttpStatusCode.OK, noReason.StatusCode);
        Assert.Contains("Enter why the panel accepts the referral", (await noReason.ReadDocumentAsync()).ErrorSummary());
        var accepted = await chair.PostFormAsync($"/panels/{panel}", [F("referralId", referral.ToString()), F($"reason-{referral}", "Meets the threshold")], $"/panels/{panel}?handler=Accept");
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);

        var badDate = await chair.PostFormAsync($"/panels/{panel}", [F("date.Day", "31"), F("date.Month", "2"), F("date.Year", "2026")], $"/panels/{panel}?handler=Meeting");
        Assert.Single((await badDate.ReadDocumentAsync()).ErrorSummary());
        var arranged = await chair.PostFormAsync($"/panels/{panel}", [F("date.Day", "14"), F("date.Month", "1"), F("date.Year", "2026")], $"/panels/{panel}?handler=Meeting");
        Assert.Equal(HttpStatusCode.Redirect, arranged.StatusCode);
        var meetingUrl = arranged.Headers.Location!.OriginalString;

        var meeting = await chair.GetDocumentAsync(meetingUrl);
        Assert.Contains("New referral", meeting.QuerySelector("#agenda-items")!.TextContent);
        var unknown = await chair.PostFormAsync(meetingUrl, [F("reference", "SL-NOBODY")], meetingUrl + "?handler=Add");
        Assert.Contains("Enter the reference of a young person whose record you can see", (await unknown.ReadDocumentAsync()).ErrorSummary());
        Assert.Equal(HttpStatusCode.Redirect, (await chair.PostFormAsync(meetingUrl, [], meetingUrl + "?handler=Issue")).StatusCode);

        meeting = await chair.GetDocumentAsync(meetingUrl);
        var itemLink = meeting.QuerySelector("#agenda-items a[href*='/items/']")!.GetAttribute("href")!;
        var agencies = meeting.QuerySelectorAll("input[type=radio][name^='attendance-']").Select(i => i.GetAttribute("name")!).Distinct().ToList();
        Assert.Equal(2, agencies.Count);
        Assert.Equal(HttpStatusCode.Redirect, (await chair.PostFormAsync(meetingUrl, [F(agencies[0], "Present"), F(agencies[1], "Apologies")], meetingUrl + "?handler=Attendance")).StatusCode);

        var empty = await chair.PostFormAsync(itemLink, []);
        Assert.Equal(3, (await empty.ReadDocumentAsync()).ErrorSummary().Count);
        Assert.Equal(HttpStatusCode.Redirect, (await chair.PostFormAsync(itemLink, [F("minutes", "School attendance improving."), F("riskLevel", "High"), F("decision", "RemainOpen")])).StatusCode);

        var newAction = meetingUrl + "/actions/new";
        var form = await chair.GetDocumentAsync(newAction);
        var police = form.QuerySelectorAll("#owner option").First(o => o.TextContent == "Police").GetAttribute("value")!;
        Assert.Equal(HttpStatusCode.Redirect, (await chair.PostFormAsync(newAction,
            [F("title", "Disruption visit to the takeaway"), F("owner", police), F("dueDate.Day", "1"), F("dueDate.Month", "2"), F("dueDate.Year", "2026")])).StatusCode);

        meeting = await chair.GetDocumentAsync(meetingUrl);
        Assert.Contains("Disruption visit to the takeaway", meeting.QuerySelector("#action-list")!.TextContent);
        Assert.Contains("School attendance improving.", meeting.QuerySelector("main")!.TextContent);
        var pdf = await chair.GetAsync(meetingUrl + "/minutes.pdf", Ct);
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("%PDF", Encoding.ASCII.GetString(await pdf.Content.ReadAsByteArrayAsync(Ct))[..4]);

        var tracker = await chair.GetDocumentAsync("/panels/actions?status=Overdue");
        Assert.Contains("Disruption visit to the takeaway", tracker.QuerySelector("main")!.TextContent);
        Assert.NotNull(tracker.QuerySelector("#completion"));
        var csv = await chair.GetAsync("/panels/actions?handler=Export&format=csv&status=Overdue", Ct);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Disruption visit to the takeaway", await csv.Content.ReadAsStringAsync(Ct));
        var xlsx = await chair.GetAsync("/panels/actions?handler=Export&format=xlsx&status=All", Ct);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType?.MediaType);

        // The member reads the issued meeting and the young person's record.
        var member = await App.SignedInAsync("page-member-1");
        Assert.Equal(HttpStatusCode.OK, (await member.GetAsync(meetingUrl, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await member.GetAsync($"/people/{person}", Ct)).StatusCode);
    }

    [Fact]
    public async Task A_practitioner_involved_with_a_young_person_refers_them_from_the_record()
    {
        await EnsureUserAsync("page-chair-3");
        var panel = await Builders.CreatePanelAsync(App.ApiClientFor("administrator"), "strategy-meeting", "page-chair-3@test.example", []);
        var person = (await Builders.CreatePersonAsync(App.ApiClientFor("practitioner"))).GetProperty("id").GetGuid();
        var practitioner = await App.SignedInAsync("practitioner");
        var record = await practitioner.GetDocumentAsync($"/people/{person}");
        Assert.Equal($"/panels/refer/{person}", record.QuerySelector("#refer-to-panel")?.GetAttribute("href"));

        var empty = await practitioner.PostFormAsync($"/panels/refer/{person}", [F("panelId", panel.ToString())]);
        Assert.Equal(["Enter why you are referring the young person to the panel"], (await empty.ReadDocumentAsync()).ErrorSummary());
        var referred = await practitioner.PostFormAsync($"/panels/refer/{person}", [F("panelId", panel.ToString()), F("reason", "Strategy meeting needed after the screen"), F("riskLevel", "High")]);
        Assert.Equal(HttpStatusCode.Redirect, referred.StatusCode);

        var chair = await App.SignedInAsync("page-chair-3");
        Assert.Contains("Strategy meeting needed after the screen", (await chair.GetDocumentAsync($"/panels/{panel}")).QuerySelector("main")!.TextContent);
        var police = await App.SignedInAsync("police-practitioner");
        Assert.Equal(HttpStatusCode.NotFound, (await police.GetAsync($"/panels/refer/{person}", Ct)).StatusCode);
    }

    [Fact]
    public async Task An_administrator_sets_up_a_panel_on_the_admin_pages()
    {
        var admin = await App.SignedInAsync("administrator");
        var bad = await admin.PostFormAsync("/admin/panels", [F("type", "mace"), F("chairEmail", "nobody@test.example"), F("memberEmails", "ghost@test.example")]);
        Assert.Equal(3, (await bad.ReadDocumentAsync()).ErrorSummary().Count);
        var name = $"Admin MACE {Guid.NewGuid():N}";
        var created = await admin.PostFormAsync("/admin/panels",
            [F("type", "mace"), F("name", name), F("chairEmail", "practitioner@test.example"), F("memberEmails", "second-practitioner@test.example\n"), F("memberAgencies", "Police")]);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.Contains(name, (await admin.GetDocumentAsync("/admin/panels")).QuerySelector("#panels")!.TextContent);
        var again = await admin.PostFormAsync("/admin/panels", [F("type", "mace"), F("name", name), F("chairEmail", "practitioner@test.example")]);
        Assert.Equal(["A panel with this name already exists"], (await again.ReadDocumentAsync()).ErrorSummary());
    }

    [Fact]
    public async Task Someone_off_the_panel_sees_neither_its_referrals_nor_its_meetings()
    {
        var (panel, _, referral) = await PanelWithReferralAsync("page-chair-2", "page-member-2");
        var chairApi = App.ApiClientFor("page-chair-2");
        var meeting = await chairApi.PostAsync($"/api/v1/panels/{panel}/meetings", Json("{\"date\":\"2026-03-01\"}"), Ct);
        var meetingId = JsonDocument.Parse(await meeting.Content.ReadAsStringAsync(Ct)).RootElement.GetProperty("id").GetString();
        await chairApi.PostAsync($"/api/v1/meetings/{meetingId}/issue", null, Ct);

        await EnsureUserAsync("page-outsider");
        var outsider = await App.SignedInAsync("page-outsider");
        var page = await outsider.GetDocumentAsync($"/panels/{panel}");
        Assert.NotNull(page.QuerySelector("#not-a-member"));
        Assert.Null(page.QuerySelector($"#referral-{referral}"));
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/panels/meetings/{meetingId}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/panels/meetings/{meetingId}/minutes.pdf", Ct)).StatusCode);
        var analyst = await App.SignedInAsync("analyst");
        var refused = await analyst.GetAsync($"/panels/{panel}", Ct);
        Assert.True(refused.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Forbidden);
    }
}

public sealed class PanelPagesTests_Sqlite(SqliteApp fixture) : PanelPagesTests(fixture), IClassFixture<SqliteApp>;

public sealed class PanelPagesTests_Postgres(PostgresApp fixture) : PanelPagesTests(fixture), IClassFixture<PostgresApp>;
