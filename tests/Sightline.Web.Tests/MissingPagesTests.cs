using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using AngleSharp.Dom;
using Sightline.Core;
using Sightline.TestKit;
using Sightline.Web.Tests.Support;

namespace Sightline.Web.Tests;

/// <summary>
/// Missing episodes in pages: recording one, the return and the return home interview on the
/// 72-hour clock, a stale form, the repeat-missing prompt, the work list by need-to-know, and the
/// board figures without names.
/// </summary>
public abstract class MissingPagesTests(AppFixture fixture)
{
    private SightlineFactory App => fixture.App;
    private CancellationToken Ct => TestContext.Current.CancellationToken;

    private static KeyValuePair<string, string> F(string key, string value) => new(key, value);

    private async Task<(string Id, string Reference, string First, string Last)> NewPersonAsync(string dob = "2010-03-27")
    {
        var (first, last) = Builders.UniqueName();
        var person = await Builders.CreatePersonAsync(App.ApiClientFor("practitioner"), first, last, dob);
        return (person.GetProperty("id").GetString()!, person.GetProperty("reference").GetString()!, first, last);
    }

    /// <summary>A date input and its time box for a UTC instant, as a person in London would type them.</summary>
    private static IEnumerable<KeyValuePair<string, string>> When(string field, DateTime utc)
    {
        var local = utc.ToLondon();
        return [F($"{field}.Day", local.Day.ToString(CultureInfo.InvariantCulture)), F($"{field}.Month", local.Month.ToString(CultureInfo.InvariantCulture)),
            F($"{field}.Year", local.Year.ToString(CultureInfo.InvariantCulture)), F($"{field}Time", local.ToString("HH:mm", CultureInfo.InvariantCulture))];
    }

    private static DateTime Ago(double hours) => DateTime.UtcNow.AddHours(-hours);

    /// <summary>Saves the new-episode form and returns the episode's id (from the redirect to the missing history).</summary>
    private static async Task<string> RecordAsync(HttpClient client, string personId, IEnumerable<KeyValuePair<string, string>> fields)
    {
        var response = await client.PostFormAsync($"/people/{personId}/missing/new", fields);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, string.Join("; ", (await response.ReadDocumentAsync()).ErrorSummary()));
        var location = response.Headers.Location!.OriginalString;
        Assert.StartsWith($"/people/{personId}/missing?recorded=", location);
        return location.Split("recorded=")[1];
    }

    private static IEnumerable<KeyValuePair<string, string>> Episode(DateTime lastSeen, DateTime? returned = null, string from = "Home", string? whereFound = null) =>
        [F("category", "Missing"), F("from", from), .. When("lastSeen", lastSeen), F("policeRiskGrading", "Medium"),
         .. returned is { } back ? When("returned", back) : [], .. whereFound is null ? [] : new[] { F("whereFound", whereFound) }];

    private static List<string?> SummaryLinks(IDocument page) =>
        page.QuerySelectorAll(".govuk-error-summary a").Select(a => a.GetAttribute("href")).ToList();

    private async Task<HttpResponseMessage> SaveEpisodeAsync(HttpClient client, string personId, string episodeId, string rowVersion, IEnumerable<KeyValuePair<string, string>> fields)
    {
        var url = $"/people/{personId}/missing/{episodeId}";
        return await client.PostFormAsync(url, fields.Append(F("rowVersion", rowVersion)));
    }

    private static async Task<string> RowVersionAsync(HttpClient client, string url) =>
        (await client.GetDocumentAsync(url)).QuerySelector("input[name=rowVersion]")!.GetAttribute("value")!;

    [Fact]
    public async Task The_new_episode_form_lists_its_errors_in_the_order_of_the_page()
    {
        var (id, _, _, _) = await NewPersonAsync();
        var client = await App.SignedInAsync("practitioner");

        var nothing = await client.PostFormAsync($"/people/{id}/missing/new", [F("from", "Home")]);
        Assert.Equal(HttpStatusCode.OK, nothing.StatusCode);
        var page = await nothing.ReadDocumentAsync();
        Assert.Equal(["#category", "#lastSeen"], SummaryLinks(page));
        Assert.Contains("Enter when the young person was last seen", page.GetElementById("lastSeen-error")!.TextContent);
        Assert.True(page.QuerySelector("input[name=from][value=Home]")!.HasAttribute("checked"));
        Assert.StartsWith("Error:", page.Title);

        // A return before they were last seen, a time that is not a time, and still no category.
        var backwards = await client.PostFormAsync($"/people/{id}/missing/new",
            [F("from", "Care"), F("placement", "Oak House"), .. When("lastSeen", Ago(10)), .. When("returned", Ago(20))]);
        page = await backwards.ReadDocumentAsync();
        Assert.Equal(["#category", "#returned"], SummaryLinks(page));
        Assert.Contains("The return must be after they were last seen", page.GetElementById("returned-error")!.TextContent);
        Assert.Equal("Oak House", page.GetElementById("placement")!.GetAttribute("value"));

        var badTime = await client.PostFormAsync($"/people/{id}/missing/new",
            [F("category", "Absent"), F("from", "Home"), F("lastSeen.Day", "1"), F("lastSeen.Month", "2"), F("lastSeen.Year", "2026"), F("lastSeenTime", "25:00"),
             F("returned.Day", "2"), F("returned.Month", "2"), F("returned.Year", "2026")]);
        page = await badTime.ReadDocumentAsync();
        Assert.Equal(["#lastSeenTime", "#returnedTime"], SummaryLinks(page));
        foreach (var link in SummaryLinks(page)) Assert.NotNull(page.GetElementById(link![1..]));
    }

    [Fact]
    public async Task A_saved_open_episode_shows_as_open_on_the_history_and_the_record()
    {
        var (id, _, _, _) = await NewPersonAsync();
        var client = await App.SignedInAsync("practitioner");
        var form = await client.GetDocumentAsync($"/people/{id}/missing/new");
        Assert.Equal(App.Users["practitioner"].Id.ToString(), form.QuerySelector("#responsibleUserId option[selected]")!.GetAttribute("value"));

        var episodeId = await RecordAsync(client, id, Episode(Ago(3)));
        var history = await client.GetDocumentAsync($"/people/{id}/missing?recorded={episodeId}");
        Assert.Contains("Missing episode recorded", history.QuerySelector(".govuk-notification-banner")!.TextContent);
        var row = history.GetElementById($"episode-{episodeId}")!;
        Assert.Contains("Open", row.QuerySelector(".govuk-tag--red")!.TextContent);
        Assert.Contains("Not yet returned", row.TextContent);
        Assert.Contains("so far", row.TextContent);
        Assert.Null(history.GetElementById("repeat-missing"));

        var record = await client.GetDocumentAsync($"/people/{id}");
        Assert.Contains("Open", record.GetElementById("missing-open")!.TextContent);
        Assert.Equal("1", record.GetElementById("missing-recent")!.TextContent.Trim());
        Assert.NotNull(record.QuerySelector($"#missing a[href='/people/{id}/missing/new']"));
        Assert.NotNull(record.QuerySelector($"#missing a[href='/people/{id}/missing']"));
    }

    [Fact]
    public async Task Recording_the_return_and_then_an_interview_within_72_hours_shows_it_completed_in_time()
    {
        var (id, _, _, _) = await NewPersonAsync();
        var client = await App.SignedInAsync("practitioner");
        var episodeId = await RecordAsync(client, id, Episode(Ago(30)));
        var url = $"/people/{id}/missing/{episodeId}";

        var open = await client.GetDocumentAsync(url);
        Assert.Equal("Record the return", open.GetElementById("change")!.TextContent.Trim());
        var interviewBefore = await client.GetDocumentAsync($"{url}/interview");
        Assert.NotNull(interviewBefore.GetElementById("returned"));
        Assert.Null(interviewBefore.QuerySelector("main form"));

        var saved = await SaveEpisodeAsync(client, id, episodeId, await RowVersionAsync(client, url),
            Episode(Ago(30), returned: Ago(2), whereFound: "Riverside Park").Append(F("withWhom", "Two older boys")));
        Assert.True(saved.StatusCode == HttpStatusCode.Redirect, string.Join("; ", (await saved.ReadDocumentAsync()).ErrorSummary()));

        var due = await client.GetDocumentAsync($"{url}/interview");
        Assert.Contains("Due", due.GetElementById("rhi-state")!.TextContent);
        Assert.Contains("72 hours after the return", due.GetElementById("clock")!.TextContent);

        var interview = await client.PostFormAsync($"{url}/interview",
            [.. When("offered", Ago(1.5)), F("offeredBy", "Independent RHI worker, Safe Steps"), F("accepted", "yes"),
             .. When("completed", Ago(0.5)), F("agencyId", App.SocialCare.Id.ToString()), F("worker", "Jo Banks"),
             F("youngPersonSaid", "Stayed with friends"), F("risksDisclosed", "Was given cannabis"), F("followUp", "Refer to the substance misuse service")]);
        Assert.True(interview.StatusCode == HttpStatusCode.Redirect, string.Join("; ", (await interview.ReadDocumentAsync()).ErrorSummary()));

        var history = await client.GetDocumentAsync(interview.Headers.Location!.OriginalString);
        Assert.Contains("Return home interview saved", history.QuerySelector(".govuk-notification-banner")!.TextContent);
        var row = history.GetElementById($"episode-{episodeId}")!;
        Assert.Equal("Completed within 72 hours", row.QuerySelector(".govuk-tag--green")!.TextContent);
        Assert.DoesNotContain("Open", row.TextContent);
        Assert.Contains("Riverside Park", history.GetElementById("frequent-places")!.TextContent);
        Assert.Contains("Two older boys", history.GetElementById("frequent-associates")!.TextContent);
        var record = await client.GetDocumentAsync($"/people/{id}");
        Assert.Contains("Completed within 72 hours", record.GetElementById("missing-rhi")!.TextContent);
        Assert.Contains("None", record.GetElementById("missing-open")!.TextContent);

        // The interview form keeps what was said.
        var again = await client.GetDocumentAsync($"{url}/interview");
        Assert.Equal("Stayed with friends", again.GetElementById("youngPersonSaid")!.TextContent);
        Assert.True(again.QuerySelector("input[name=accepted][value=yes]")!.HasAttribute("checked"));
    }

    [Fact]
    public async Task A_stale_return_form_is_refused_with_what_is_saved_now()
    {
        var (id, _, _, _) = await NewPersonAsync();
        var alice = await App.SignedInAsync("practitioner");
        var bob = await App.SignedInAsync("second-practitioner");
        var episodeId = await RecordAsync(alice, id, Episode(Ago(12)));
        var url = $"/people/{id}/missing/{episodeId}";
        var aliceVersion = await RowVersionAsync(alice, url);
        var bobVersion = await RowVersionAsync(bob, url);

        var first = await SaveEpisodeAsync(alice, id, episodeId, aliceVersion, Episode(Ago(12), returned: Ago(1), whereFound: "AliceFoundThemAtTheStation"));
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        var second = await SaveEpisodeAsync(bob, id, episodeId, bobVersion, Episode(Ago(12), returned: Ago(2), whereFound: "BobFoundThemAtHome"));
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var page = await second.ReadDocumentAsync();
        Assert.Contains("changed this episode while you were editing it", page.GetElementById("conflict")!.TextContent);
        Assert.Contains("AliceFoundThemAtTheStation", page.GetElementById("conflict")!.TextContent);
        Assert.Equal("BobFoundThemAtHome", page.GetElementById("whereFound")!.GetAttribute("value"));
        Assert.NotEqual(bobVersion, page.QuerySelector("input[name=rowVersion]")!.GetAttribute("value"));

        // Saving again, having seen the differences, wins.
        var third = await SaveEpisodeAsync(bob, id, episodeId, page.QuerySelector("input[name=rowVersion]")!.GetAttribute("value")!,
            Episode(Ago(12), returned: Ago(2), whereFound: "BobFoundThemAtHome"));
        Assert.Equal(HttpStatusCode.Redirect, third.StatusCode);
        Assert.Contains("BobFoundThemAtHome", (await alice.GetDocumentAsync(url)).GetElementById("episode-details")!.TextContent);
    }

    [Fact]
    public async Task A_stale_interview_form_is_refused_and_keeps_what_was_typed()
    {
        var (id, _, _, _) = await NewPersonAsync();
        var alice = await App.SignedInAsync("practitioner");
        var bob = await App.SignedInAsync("second-practitioner");
        var episodeId = await RecordAsync(alice, id, Episode(Ago(30), returned: Ago(20)));
        var url = $"/people/{id}/missing/{episodeId}/interview";
        var aliceVersion = await RowVersionAsync(alice, url);
        var bobVersion = await RowVersionAsync(bob, url);
        IEnumerable<KeyValuePair<string, string>> Offer(string by, string version) =>
            [.. When("offered", Ago(10)), F("offeredBy", by), F("accepted", "not-answered"), F("rowVersion", version)];

        Assert.Equal(HttpStatusCode.Redirect, (await alice.PostFormAsync(url, Offer("AliceOffered", aliceVersion))).StatusCode);
        var stale = await bob.PostFormAsync(url, Offer("BobOffered", bobVersion));
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        var page = await stale.ReadDocumentAsync();
        Assert.Contains(page.ErrorSummary(), e => e.Contains("saved this interview since you opened it"));
        Assert.Equal("BobOffered", page.GetElementById("offeredBy")!.GetAttribute("value"));
        var current = page.QuerySelector("input[name=rowVersion]")!.GetAttribute("value")!;
        Assert.NotEqual(bobVersion, current);
        Assert.Equal("AliceOffered", await App.WithDbAsync(db => db.ReturnHomeInterviews.Where(r => r.EpisodeId == Guid.Parse(episodeId)).Select(r => r.OfferedBy).SingleAsync(Ct)));

        // Saving again against what is stored now wins.
        Assert.Equal(HttpStatusCode.Redirect, (await bob.PostFormAsync(url, Offer("BobOffered", current))).StatusCode);
        Assert.Equal("BobOffered", await App.WithDbAsync(db => db.ReturnHomeInterviews.Where(r => r.EpisodeId == Guid.Parse(episodeId)).Select(r => r.OfferedBy).SingleAsync(Ct)));
    }

    [Fact]
    public async Task An_interview_declined_after_a_late_offer_stays_on_the_work_list_and_an_in_time_refusal_leaves_it()
    {
        var (lateId, lateReference, _, _) = await NewPersonAsync();
        var (inTimeId, inTimeReference, _, _) = await NewPersonAsync();
        var practitioner = await App.SignedInAsync("practitioner");
        var late = await RecordAsync(practitioner, lateId, Episode(Ago(24 * 6), returned: Ago(24 * 5)));
        var inTime = await RecordAsync(practitioner, inTimeId, Episode(Ago(24 * 6), returned: Ago(24 * 5)));
        IEnumerable<KeyValuePair<string, string>> Declined(double offeredHoursAgo) =>
            [.. When("offered", Ago(offeredHoursAgo)), F("offeredBy", "Independent RHI worker"), F("accepted", "no")];
        Assert.Equal(HttpStatusCode.Redirect, (await practitioner.PostFormAsync($"/people/{lateId}/missing/{late}/interview", Declined(24))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await practitioner.PostFormAsync($"/people/{inTimeId}/missing/{inTime}/interview", Declined(24 * 4))).StatusCode);

        var rows = (await practitioner.GetDocumentAsync("/missing")).QuerySelectorAll("#outstanding tbody tr").ToList();
        var lateRow = rows.Single(r => r.TextContent.Contains(lateReference));
        Assert.Equal("Overdue", lateRow.QuerySelector(".govuk-tag--red")!.TextContent);
        Assert.DoesNotContain(rows, r => r.TextContent.Contains(inTimeReference));
    }

    [Fact]
    public async Task Three_episodes_in_90_days_show_the_repeat_missing_warning()
    {
        var (id, _, _, _) = await NewPersonAsync();
        var client = await App.SignedInAsync("practitioner");
        await RecordAsync(client, id, Episode(Ago(24 * 60), returned: Ago(24 * 60 - 5)));
        await RecordAsync(client, id, Episode(Ago(24 * 30), returned: Ago(24 * 30 - 5)));
        var two = await client.GetDocumentAsync($"/people/{id}/missing");
        Assert.Null(two.GetElementById("repeat-missing"));
        Assert.Null((await client.GetDocumentAsync($"/people/{id}")).GetElementById("missing-repeat"));

        await RecordAsync(client, id, Episode(Ago(5)));
        var three = await client.GetDocumentAsync($"/people/{id}/missing");
        Assert.Contains("3 or more episodes in 90 days", three.GetElementById("repeat-missing")!.TextContent);
        Assert.Contains("consider a strategy meeting or a review of the SEAM assessment", three.GetElementById("repeat-missing")!.TextContent, StringComparison.OrdinalIgnoreCase);
        Assert.NotNull(three.QuerySelector($"a[href='/people/{id}/seam/new']"));
        Assert.NotNull(three.QuerySelector($"a[href='/people/{id}/screens/new']"));
        Assert.Equal(3, three.QuerySelectorAll("#episodes tbody tr").Length);
        var record = await client.GetDocumentAsync($"/people/{id}");
        Assert.NotNull(record.GetElementById("missing-repeat"));
        Assert.Equal("3", record.GetElementById("missing-recent")!.TextContent.Trim());
    }

    [Fact]
    public async Task The_work_list_shows_an_overdue_interview_to_the_involved_agency_only()
    {
        var (id, reference, first, last) = await NewPersonAsync();
        var practitioner = await App.SignedInAsync("practitioner");
        var episodeId = await RecordAsync(practitioner, id, Episode(Ago(24 * 5), returned: Ago(24 * 4)));

        var list = await practitioner.GetDocumentAsync("/missing");
        var row = list.QuerySelectorAll("#outstanding tbody tr").Single(r => r.TextContent.Contains(reference));
        Assert.Equal("Overdue", row.QuerySelector(".govuk-tag--red")!.TextContent);
        Assert.Contains($"{first} {last}", row.TextContent);
        Assert.Contains("Test practitioner", row.TextContent);
        Assert.Equal($"/people/{id}/missing/{episodeId}/interview", row.QuerySelector("a[href$='/interview']")!.GetAttribute("href"));
        Assert.NotNull(list.QuerySelector("nav a[href='/missing']"));

        var police = await App.SignedInAsync("police-practitioner");
        var policeList = await police.GetAsync("/missing", Ct);
        Assert.Equal(HttpStatusCode.OK, policeList.StatusCode);
        var body = await policeList.Content.ReadAsStringAsync(Ct);
        Assert.DoesNotContain(reference, body);
        Assert.DoesNotContain(first, body);
        foreach (var url in new[] { $"/people/{id}/missing", $"/people/{id}/missing/{episodeId}", $"/people/{id}/missing/{episodeId}/interview" })
        {
            var response = await police.GetAsync(url, Ct);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal($"/people/{id}/break-glass", response.Headers.Location!.OriginalString);
        }
        // An episode of another young person is not found under this one.
        var (other, _, _, _) = await NewPersonAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await practitioner.GetAsync($"/people/{other}/missing/{episodeId}", Ct)).StatusCode);
    }

    [Fact]
    public async Task The_board_figures_for_a_period_show_counts_and_no_names()
    {
        // Episodes in March 2015, a period no other test touches. Aged 12 then.
        var (frequent, _, first, last) = await NewPersonAsync("2002-06-01");
        var (once, _, otherFirst, otherLast) = await NewPersonAsync("2002-06-01");
        var client = await App.SignedInAsync("practitioner");
        DateTime March(int day, int hour) => London.StartOf(new DateOnly(2015, 3, day)).AddHours(hour);
        var returned = await RecordAsync(client, frequent, Episode(March(2, 20), returned: March(3, 1), whereFound: "Bus station"));
        await RecordAsync(client, frequent, Episode(March(10, 20), returned: March(11, 1)));
        await RecordAsync(client, frequent, Episode(March(20, 20)));
        await RecordAsync(client, once, Episode(March(25, 12), returned: March(27, 12), from: "Care"));
        var interview = await client.PostFormAsync($"/people/{frequent}/missing/{returned}/interview",
            [.. When("offered", March(3, 10)), F("offeredBy", "Independent worker"), F("accepted", "yes"), .. When("completed", March(4, 10)),
             F("agencyId", App.SocialCare.Id.ToString()), F("worker", "Jo Banks")]);
        Assert.Equal(HttpStatusCode.Redirect, interview.StatusCode);

        var analyst = await App.SignedInAsync("analyst");
        var response = await analyst.GetAsync("/insights/missing?from=2015-03-01&to=2015-03-31", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync(Ct);
        foreach (var name in new[] { first, last, otherFirst, otherLast }) Assert.DoesNotContain(name, html);
        var page = SignedInClient.ParseHtml(html);
        Assert.Equal("2 young people went missing, 4 episodes; 100% of episodes relate to the 5 most frequent individuals.",
            page.GetElementById("headline")!.TextContent.Trim());
        Assert.Equal("5 hours", page.GetElementById("median")!.TextContent.Trim());
        Assert.Equal("2 days", page.GetElementById("longest")!.TextContent.Trim());
        Assert.StartsWith("1 (25%", page.GetElementById("rhi-within")!.TextContent.Trim());
        Assert.Contains("March 2015", page.GetElementById("by-month")!.TextContent);
        Assert.Contains("11 to 13", page.GetElementById("by-age")!.TextContent);
        Assert.Contains("Care", page.GetElementById("by-from")!.TextContent);
        Assert.Equal(["March 2015"], page.QuerySelectorAll("#by-month tbody th").Select(t => t.TextContent).ToList());

        var top = SignedInClient.ParseHtml(await analyst.GetStringAsync("/insights/missing?from.Day=1&from.Month=3&from.Year=2015&to.Day=31&to.Month=3&to.Year=2015&top=1", Ct));
        Assert.Contains("75% of episodes (3 of 4) relate to the 1 most frequent individuals", top.GetElementById("top-n")!.TextContent);

        var wrong = SignedInClient.ParseHtml(await analyst.GetStringAsync("/insights/missing?from=2015-03-31&to=2015-03-01&top=0", Ct));
        Assert.Equal(["#to", "#top"], SummaryLinks(wrong));
        Assert.Null(wrong.GetElementById("headline"));

        var insights = await analyst.GetDocumentAsync("/insights");
        Assert.NotNull(insights.QuerySelector("a[href='/insights/missing']"));
    }
}

public sealed class MissingPagesTests_Sqlite(SqliteApp fixture) : MissingPagesTests(fixture), IClassFixture<SqliteApp>;

public sealed class MissingPagesTests_Postgres(PostgresApp fixture) : MissingPagesTests(fixture), IClassFixture<PostgresApp>;
