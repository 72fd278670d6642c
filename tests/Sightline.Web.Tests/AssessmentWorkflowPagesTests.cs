using System.Net;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sightline.Core;
using Sightline.Core.Access;
using Sightline.Core.Actions;
using Sightline.Core.Assessments;
using Sightline.Core.Panels;
using Sightline.TestKit;
using Sightline.Web.Pages.Assessments;
using Sightline.Web.Tests.Support;

namespace Sightline.Web.Tests;

/// <summary>
/// The managing side of SEAM assessments in pages: a manager's decision (approve, raise, return),
/// action plans and their progress, a young person's trend, the work list, notifications and the
/// record page's summary. Assessments are made through the core, as the form pages would.
/// </summary>
public abstract class AssessmentWorkflowPagesTests(AppFixture fixture)
{
    private SightlineFactory App => fixture.App;
    private CancellationToken Ct => TestContext.Current.CancellationToken;

    private static KeyValuePair<string, string> F(string key, string value) => new(key, value);

    private CurrentUser As(string key)
    {
        var u = App.Users[key];
        return new CurrentUser(u.Id, u.Email!, u.DisplayName, u.AgencyId, u.Role);
    }

    private async Task<T> WithScopeAsync<T>(Func<IServiceProvider, Task<T>> action)
    {
        using var scope = App.Services.CreateScope();
        return await action(scope.ServiceProvider);
    }

    private async Task<(Guid Id, string Name)> PersonAsync()
    {
        var (first, last) = Builders.UniqueName();
        var person = await Builders.CreatePersonAsync(App.ApiClientFor("practitioner"), first, last);
        return (person.GetProperty("id").GetGuid(), $"{first} {last}");
    }

    /// <summary>2020 scores adding up to <paramref name="total"/>, filled domain by domain, each with evidence.</summary>
    private static SeamInput Scores(int total, DateOnly? assessedOn = null, RiskLevel? perception = RiskLevel.Low)
    {
        var remaining = total;
        var scores = new Dictionary<string, SeamScoreInput>();
        foreach (var domain in SeamForms.V2020.Domains)
        {
            var score = Math.Min(SeamForm.MaxDomainScore, remaining);
            remaining -= score;
            scores[domain.Key] = new SeamScoreInput(score, score > 0 ? $"Seen at a home visit ({domain.Key})" : null);
        }
        return new SeamInput("2020", scores, perception, AssessedOn: assessedOn);
    }

    /// <summary>A SEAM written (and submitted) by <paramref name="author"/>.</summary>
    private Task<SeamAssessment> SubmittedAsync(Guid personId, int total, string author = "practitioner", DateOnly? assessedOn = null) =>
        WithScopeAsync(async s =>
        {
            var seams = s.GetRequiredService<SeamRecords>();
            var created = await seams.CreateAsync(As(author), personId, Scores(total, assessedOn), Ct);
            Assert.True(created.Succeeded, string.Join("; ", created.Errors?.All.Select(e => e.Value) ?? []));
            var submitted = await seams.SubmitAsync(As(author), created.Value!.Id, Ct);
            Assert.True(submitted.Succeeded, submitted.Refusal);
            return submitted.Value!;
        });

    private Task<SeamAssessment> ApprovedAsync(Guid personId, int total, DateOnly? assessedOn = null) =>
        WithScopeAsync(async s =>
        {
            var submitted = await SubmittedAsync(personId, total, assessedOn: assessedOn);
            var approved = await s.GetRequiredService<SeamRecords>().ApproveAsync(As("team-manager"), submitted.Id, new ApprovalInput(), Ct);
            Assert.True(approved.Succeeded, approved.Refusal);
            return approved.Value!;
        });

    private Task<SeamAssessment> StoredAsync(Guid id) =>
        App.WithDbAsync(db => db.SeamAssessments.AsNoTracking().SingleAsync(s => s.Id == id, Ct));

    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow.ToLondon());

    private static IReadOnlyList<string> Values(IDocument page, string name) =>
        page.QuerySelectorAll($"input[name={name}]").Select(i => i.GetAttribute("value")!).ToList();

    // ---- The manager's decision ----

    [Fact]
    public async Task Approving_a_high_assessment_refers_to_mace_and_says_so()
    {
        var (personId, _) = await PersonAsync();
        var seam = await SubmittedAsync(personId, 32);
        var manager = await App.SignedInAsync("team-manager");

        var page = await manager.GetDocumentAsync($"/seam/{seam.Id}/decision");
        Assert.Contains("32 of 45", page.QuerySelector("#total")!.TextContent);
        Assert.Equal("High", page.QuerySelector("#calculated-level")!.TextContent.Trim());
        Assert.NotNull(page.QuerySelector($"a[href='/seam/{seam.Id}']"));
        Assert.Null(page.QuerySelector("#refusal"));

        var response = await manager.PostFormAsync($"/seam/{seam.Id}/decision", [F("decision", "approve"), F("judgementLevel", "keep")]);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/seam/{seam.Id}?decided=approved", response.Headers.Location!.OriginalString);

        var stored = await StoredAsync(seam.Id);
        Assert.Equal(SeamStatus.Approved, stored.Status);
        Assert.Null(stored.JudgementLevel);
        var referral = await App.WithDbAsync(db => db.PanelReferrals.SingleAsync(r => r.SeamAssessmentId == seam.Id, Ct));
        Assert.Equal(ReferralStatus.Open, referral.Status);
        Assert.Equal(RiskLevel.High, referral.RiskLevel);
        // The banner the assessment's page shows after the redirect.
        Assert.Equal("Assessment approved at High. Referred to the exploitation panel (MACE).", SeamTags.DecisionMessage(stored, "approved"));
        Assert.Null(SeamTags.DecisionMessage(stored, "returned"));
    }

    [Fact]
    public async Task A_manager_cannot_decide_on_an_assessment_they_wrote()
    {
        var (personId, _) = await PersonAsync();
        var seam = await SubmittedAsync(personId, 12, author: "team-manager");
        var manager = await App.SignedInAsync("team-manager");

        var page = await manager.GetDocumentAsync($"/seam/{seam.Id}/decision");
        Assert.Contains("You cannot approve or return an assessment you wrote", page.QuerySelector("#refusal")!.TextContent);
        Assert.Empty(page.QuerySelectorAll("main form"));

        // Posting anyway is refused by the core, in words, not with an error page.
        var token = SignedInClient.AntiforgeryToken(page)!;
        var response = await manager.PostAsync($"/seam/{seam.Id}/decision", new FormUrlEncodedContent(
            [F("decision", "approve"), F("judgementLevel", "keep"), F("__RequestVerificationToken", token)]), Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var refused = await response.ReadDocumentAsync();
        Assert.Contains("You cannot approve or return an assessment you wrote: ask another manager.", refused.QuerySelector("#refusal")!.TextContent);
        Assert.Equal(SeamStatus.Submitted, (await StoredAsync(seam.Id)).Status);

        // A practitioner who can see the record is told the same way.
        var practitioner = await App.SignedInAsync("practitioner");
        var theirs = await practitioner.GetDocumentAsync($"/seam/{seam.Id}/decision");
        Assert.Contains("Only a team manager can approve or return", theirs.QuerySelector("#refusal")!.TextContent);
    }

    [Fact]
    public async Task Only_higher_levels_are_offered_and_a_lower_one_is_refused()
    {
        var (personId, _) = await PersonAsync();
        var seam = await SubmittedAsync(personId, 31);
        var manager = await App.SignedInAsync("team-manager");

        var page = await manager.GetDocumentAsync($"/seam/{seam.Id}/decision");
        Assert.Equal(["keep", "VeryHigh"], Values(page, "judgementLevel"));
        Assert.Contains("No, keep High", page.QuerySelector("label[for=judgementLevel]")!.TextContent);
        Assert.NotNull(page.QuerySelector("#judgementLevel[checked]"));

        var lower = await manager.PostFormAsync($"/seam/{seam.Id}/decision", [F("decision", "approve"), F("judgementLevel", "Medium"), F("judgementReason", "Lower it")]);
        Assert.Equal(HttpStatusCode.OK, lower.StatusCode);
        var lowerPage = await lower.ReadDocumentAsync();
        Assert.Contains("Professional judgement can only raise the level above High", lowerPage.ErrorSummary());
        Assert.StartsWith("Error:", lowerPage.Title);

        var nonsense = await manager.PostFormAsync($"/seam/{seam.Id}/decision", [F("decision", "approve"), F("judgementLevel", "Extreme")]);
        Assert.Contains("Select a level from the list", (await nonsense.ReadDocumentAsync()).ErrorSummary());

        var noReason = await manager.PostFormAsync($"/seam/{seam.Id}/decision", [F("decision", "approve"), F("judgementLevel", "VeryHigh"), F("judgementReason", " ")]);
        var noReasonPage = await noReason.ReadDocumentAsync();
        Assert.Contains("Enter the reason for raising the level", noReasonPage.ErrorSummary());
        Assert.Contains("#judgementReason", noReasonPage.QuerySelectorAll(".govuk-error-summary a").Select(a => a.GetAttribute("href")));
        Assert.Equal(SeamStatus.Submitted, (await StoredAsync(seam.Id)).Status);

        var raised = await manager.PostFormAsync($"/seam/{seam.Id}/decision",
            [F("decision", "approve"), F("judgementLevel", "VeryHigh"), F("judgementReason", "Found on a county line last week")]);
        Assert.Equal(HttpStatusCode.Redirect, raised.StatusCode);
        var stored = await StoredAsync(seam.Id);
        Assert.Equal(RiskLevel.High, stored.CalculatedLevel);
        Assert.Equal(RiskLevel.VeryHigh, stored.JudgementLevel);
        Assert.Contains("every senior manager has been notified", SeamTags.DecisionMessage(stored, "approved"));
    }

    [Fact]
    public async Task A_very_high_assessment_offers_no_higher_level()
    {
        var (personId, _) = await PersonAsync();
        var seam = await SubmittedAsync(personId, 41);
        var manager = await App.SignedInAsync("senior-manager");
        var page = await manager.GetDocumentAsync($"/seam/{seam.Id}/decision");
        Assert.Empty(Values(page, "judgementLevel"));
        Assert.Contains("the highest level: it cannot be raised", page.Body!.TextContent);
    }

    [Fact]
    public async Task Returning_needs_comments_and_then_goes_back_to_the_practitioner()
    {
        var (personId, _) = await PersonAsync();
        var seam = await SubmittedAsync(personId, 22);
        var manager = await App.SignedInAsync("team-manager");

        var empty = await manager.PostFormAsync($"/seam/{seam.Id}/decision", [F("decision", "return"), F("comments", "  ")]);
        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        var emptyPage = await empty.ReadDocumentAsync();
        Assert.Equal(["Enter your comments for the practitioner"], emptyPage.ErrorSummary());
        Assert.Contains("#comments", emptyPage.QuerySelectorAll(".govuk-error-summary a").Select(a => a.GetAttribute("href")));
        Assert.Equal(SeamStatus.Submitted, (await StoredAsync(seam.Id)).Status);

        var returned = await manager.PostFormAsync($"/seam/{seam.Id}/decision", [F("decision", "return"), F("comments", "Add the evidence from school")]);
        Assert.Equal(HttpStatusCode.Redirect, returned.StatusCode);
        Assert.Equal($"/seam/{seam.Id}?decided=returned", returned.Headers.Location!.OriginalString);
        var stored = await StoredAsync(seam.Id);
        Assert.Equal(SeamStatus.Returned, stored.Status);
        Assert.Equal("Add the evidence from school", stored.ReturnComments);
        Assert.Equal("Assessment returned to the practitioner with your comments.", SeamTags.DecisionMessage(stored, "returned"));
    }

    [Fact]
    public async Task The_decision_page_of_an_assessment_out_of_reach_is_not_found()
    {
        var (personId, _) = await PersonAsync();
        var seam = await SubmittedAsync(personId, 22);
        var police = await App.SignedInAsync("police-practitioner");
        Assert.Equal(HttpStatusCode.NotFound, (await police.GetAsync($"/seam/{seam.Id}/decision", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await police.GetAsync($"/seam/{seam.Id}/actions/add", Ct)).StatusCode);
    }

    // ---- Action plans ----

    [Fact]
    public async Task Adding_an_action_shows_every_error_at_once_then_saves_it()
    {
        var (personId, _) = await PersonAsync();
        var seam = await ApprovedAsync(personId, 24);
        var client = await App.SignedInAsync("practitioner");
        var url = $"/seam/{seam.Id}/actions/add";

        var form = await client.GetDocumentAsync(url);
        var domainOptions = form.QuerySelectorAll("#domainKey option").Select(o => o.GetAttribute("value")).ToList();
        Assert.Equal(["", .. SeamForms.V2020.Domains.Select(d => d.Key), "other"], domainOptions);
        Assert.Contains(form.QuerySelectorAll("#owner optgroup"), g => g.GetAttribute("label") == "Children's Social Care");
        Assert.Contains(form.QuerySelectorAll("#owner option"), o => o.GetAttribute("value") == $"user:{App.Users["police-practitioner"].Id}");
        Assert.DoesNotContain(form.QuerySelectorAll("#owner option"), o => o.GetAttribute("value") == $"user:{App.Users["analyst"].Id}");

        var empty = await client.PostFormAsync(url, [F("domainKey", ""), F("areaOfNeed", ""), F("desiredOutcome", ""), F("action", ""), F("owner", "")]);
        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        var errors = (await empty.ReadDocumentAsync()).ErrorSummary();
        Assert.Equal([
            "Select the area of the assessment this action is about, or Other",
            "Enter the area of need or risk",
            "Enter the desired outcome",
            "Enter the action",
            "Select who will do it: a person or an agency",
            "Enter the date it is due by",
        ], errors);

        // A real date is not blamed when only the owner is missing; an impossible one is named as such.
        var next = Today.AddDays(14);
        var noOwner = await client.PostFormAsync(url, [F("domainKey", "absent-missing"), F("areaOfNeed", "Missing at night"), F("desiredOutcome", "Safe at home"),
            F("action", "Build a missing chronology"), F("owner", ""), F("dueOn.Day", next.Day.ToString()), F("dueOn.Month", next.Month.ToString()), F("dueOn.Year", next.Year.ToString())]);
        var noOwnerPage = await noOwner.ReadDocumentAsync();
        Assert.Equal(["Select who will do it: a person or an agency"], noOwnerPage.ErrorSummary());
        Assert.Equal("Missing at night", noOwnerPage.QuerySelector("#areaOfNeed")!.GetAttribute("value"));
        var badDate = await client.PostFormAsync(url, [F("domainKey", ""), F("areaOfNeed", "Missing at night"), F("desiredOutcome", "Safe at home"),
            F("action", "Build a missing chronology"), F("owner", $"agency:{App.SocialCare.Id}"), F("dueOn.Day", "31"), F("dueOn.Month", "2"), F("dueOn.Year", "2030")]);
        Assert.Equal(["Select the area of the assessment this action is about, or Other", "The date it is due by must be a real date, like 27 3 2010"],
            (await badDate.ReadDocumentAsync()).ErrorSummary());
        Assert.Equal(0, await App.WithDbAsync(db => db.ActionItems.CountAsync(a => a.SeamAssessmentId == seam.Id, Ct)));

        var saved = await client.PostFormAsync(url, [F("domainKey", "absent-missing"), F("areaOfNeed", "Missing at night"), F("desiredOutcome", "Safe at home"),
            F("action", "Build a missing chronology"), F("owner", $"user:{App.Users["practitioner"].Id}"),
            F("dueOn.Day", next.Day.ToString()), F("dueOn.Month", next.Month.ToString()), F("dueOn.Year", next.Year.ToString())]);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal($"/seam/{seam.Id}#action-plan", saved.Headers.Location!.OriginalString);
        var item = await App.WithDbAsync(db => db.ActionItems.SingleAsync(a => a.SeamAssessmentId == seam.Id, Ct));
        Assert.Equal("absent-missing", item.DomainKey);
        Assert.Equal(App.Users["practitioner"].Id, item.OwnerUserId);
        Assert.Null(item.OwnerAgencyId);
        Assert.Equal(next, item.DueOn);

        var other = await client.PostFormAsync(url, [F("domainKey", "other"), F("areaOfNeed", "Housing"), F("desiredOutcome", "A stable placement"),
            F("action", "Ask housing for a review"), F("owner", $"agency:{App.Police.Id}"),
            F("dueOn.Day", next.Day.ToString()), F("dueOn.Month", next.Month.ToString()), F("dueOn.Year", next.Year.ToString())]);
        Assert.Equal(HttpStatusCode.Redirect, other.StatusCode);
        var agencyItem = await App.WithDbAsync(db => db.ActionItems.SingleAsync(a => a.SeamAssessmentId == seam.Id && a.AreaOfNeed == "Housing", Ct));
        Assert.Null(agencyItem.DomainKey);
        Assert.Equal(App.Police.Id, agencyItem.OwnerAgencyId);
    }

    private Task<ActionItem> ActionAsync(Guid seamId, DateOnly due, string owner = "practitioner") =>
        WithScopeAsync(async s =>
        {
            var added = await s.GetRequiredService<ActionPlans>().AddToSeamAsync(As("practitioner"), seamId,
                new ActionInput("familial", "Relationship at home", "Fewer arguments", "Family support referral", App.Users[owner].Id, null, Today), Ct);
            Assert.True(added.Succeeded);
            if (due != Today)
                await App.WithDbAsync(db => db.ActionItems.Where(a => a.Id == added.Value!.Id).ExecuteUpdateAsync(u => u.SetProperty(a => a.DueOn, due), Ct));
            return added.Value!;
        });

    [Fact]
    public async Task Progressing_an_action_needs_a_note_to_close_it_and_refuses_a_stale_save()
    {
        var (personId, _) = await PersonAsync();
        var seam = await ApprovedAsync(personId, 15);
        var action = await ActionAsync(seam.Id, Today);
        var alice = await App.SignedInAsync("practitioner");
        var bob = await App.SignedInAsync("second-practitioner");
        var url = $"/actions/{action.Id}";

        var aliceForm = await alice.GetDocumentAsync(url);
        Assert.Contains("Family support referral", aliceForm.Body!.TextContent);
        Assert.Equal(["NotStarted", "InProgress", "Done", "Cancelled"], Values(aliceForm, "status"));
        var bobForm = await bob.GetDocumentAsync(url);

        async Task<HttpResponseMessage> Save(HttpClient client, IDocument form, string status, string note) =>
            await client.PostAsync(url, new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = SignedInClient.AntiforgeryToken(form)!,
                ["version"] = form.QuerySelector("input[name=version]")!.GetAttribute("value")!,
                ["status"] = status, ["completionNote"] = note,
            }), Ct);

        var noNote = await Save(alice, aliceForm, "Done", "");
        Assert.Equal(["Enter what was done"], (await noNote.ReadDocumentAsync()).ErrorSummary());

        var first = await Save(alice, aliceForm, "InProgress", "");
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal($"/seam/{seam.Id}#action-plan", first.Headers.Location!.OriginalString);

        var stale = await Save(bob, bobForm, "Cancelled", "No longer needed");
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        var conflict = await stale.ReadDocumentAsync();
        Assert.Contains("Someone else updated this action", conflict.QuerySelector("#conflict")!.TextContent);
        Assert.Contains("Status: In progress", conflict.QuerySelector("#conflict")!.TextContent);
        Assert.Equal("No longer needed", conflict.QuerySelector("#completionNote")!.TextContent);
        Assert.NotNull(conflict.QuerySelector("input[name=status][value=Cancelled][checked]"));
        Assert.Equal(ActionStatus.InProgress, (await App.WithDbAsync(db => db.ActionItems.SingleAsync(a => a.Id == action.Id, Ct))).Status);

        // The form now carries the new version: saving again deliberately wins.
        var again = await Save(bob, conflict, "Cancelled", "No longer needed");
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        var stored = await App.WithDbAsync(db => db.ActionItems.SingleAsync(a => a.Id == action.Id, Ct));
        Assert.Equal(ActionStatus.Cancelled, stored.Status);
        Assert.Equal("No longer needed", stored.CompletionNote);

        var police = await App.SignedInAsync("police-practitioner");
        Assert.Equal(HttpStatusCode.NotFound, (await police.GetAsync(url, Ct)).StatusCode);
    }

    // ---- The trend ----

    [Fact]
    public async Task The_trend_shows_totals_oldest_first_with_changes_scores_by_area_and_a_chart()
    {
        var (personId, name) = await PersonAsync();
        var first = await ApprovedAsync(personId, 25, Today.AddDays(-120));
        var second = await ApprovedAsync(personId, 33, Today.AddDays(-60));
        var third = await ApprovedAsync(personId, 28, Today.AddDays(-5));
        var draft = await SubmittedAsync(personId, 40);
        var client = await App.SignedInAsync("practitioner");

        var page = await client.GetDocumentAsync($"/people/{personId}/seam");
        Assert.Contains(name, page.QuerySelector(".govuk-caption-l")!.TextContent);
        Assert.NotNull(page.QuerySelector($"a[href='/people/{personId}/seam/new']"));
        Assert.Contains("Review the SEAM assessment", page.QuerySelector($"a[href='/people/{personId}/seam/new']")!.TextContent);
        Assert.NotNull(page.QuerySelector($"a[href='/people/{personId}/screens/new']"));

        // Every assessment, newest first, including the one waiting for approval.
        var all = page.QuerySelectorAll("#assessments tbody tr").ToList();
        Assert.Equal(4, all.Count);
        Assert.Contains("Waiting for approval", all[0].TextContent);
        Assert.Contains($"/seam/{draft.Id}", all[0].InnerHtml);

        // The completed ones, oldest first, with the change since the one before.
        var rows = page.QuerySelectorAll("#trend-totals tbody tr").Select(r => r.Children.Select(c => c.TextContent.Trim()).ToList()).ToList();
        Assert.Equal(3, rows.Count);
        Assert.Equal(["25 of 45", "First", "Medium"], rows[0].Skip(1));
        Assert.Equal(["33 of 45", "+8", "High"], rows[1].Skip(1));
        Assert.Equal(["28 of 45", "\u22125", "Medium"], rows[2].Skip(1));
        Assert.Equal(first.AssessedOn.Display(), rows[0][0]);

        // Scores by area: a row per domain, a column per assessment, and the change since the last.
        var areas = page.QuerySelector("table.sl-trend-areas[data-form='2020']")!;
        Assert.Equal(SeamForms.V2020.Domains.Count + 1, areas.QuerySelectorAll("tbody tr").Length);
        var headers = areas.QuerySelectorAll("thead th").Select(h => h.TextContent.Trim()).ToList();
        Assert.Equal(["Area", first.AssessedOn.Display(), second.AssessedOn.Display(), third.AssessedOn.Display(), "Change since the last"], headers);
        var absent = areas.QuerySelectorAll("tbody tr").Single(r => r.QuerySelector("th")!.TextContent == SeamForms.V2020.Domains[1].Title)
            .QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToList();
        Assert.Equal(["5", "5", "5", "No change"], absent);
        var total = areas.QuerySelectorAll("tbody tr").Last().QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToList();
        Assert.Equal(["25", "33", "28", "\u22125"], total);

        // The chart: an image with a title and a description, three points, the three thresholds labelled.
        var svg = page.QuerySelector("svg.sl-trend")!;
        Assert.Equal("img", svg.GetAttribute("role"));
        Assert.Equal("trend-title trend-desc", svg.GetAttribute("aria-labelledby"));
        Assert.Contains("from 25 (Medium)", page.QuerySelector("#trend-desc")!.TextContent);
        Assert.Contains("to 28 (Medium)", page.QuerySelector("#trend-desc")!.TextContent);
        Assert.Equal(3, svg.QuerySelectorAll("circle").Length);
        Assert.Equal(3, svg.GetElementsByTagName("line").Count(l => l.ClassList.Contains("sl-trend__threshold")));
        var labels = svg.GetElementsByTagName("text").Select(t => t.TextContent).ToList();
        Assert.Contains("Medium", labels);
        Assert.Contains("High", labels);
        Assert.Contains("Very high", labels);
        var points = svg.GetElementsByTagName("polyline").Single().GetAttribute("points")!.Split(' ')
            .Select(p => double.Parse(p.Split(',')[1], System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.True(points[1] < points[0] && points[2] > points[1], "33 is drawn higher than 25 and 28");
        Assert.DoesNotContain("style=", page.QuerySelector("main")!.InnerHtml);
    }

    [Fact]
    public async Task A_young_person_without_assessments_is_offered_a_start()
    {
        var (personId, _) = await PersonAsync();
        var client = await App.SignedInAsync("practitioner");
        var page = await client.GetDocumentAsync($"/people/{personId}/seam");
        Assert.NotNull(page.QuerySelector("#no-assessments"));
        Assert.Null(page.QuerySelector("svg"));
        Assert.Contains("Start a SEAM assessment", page.QuerySelector($"a[href='/people/{personId}/seam/new']")!.TextContent);

        var police = await App.SignedInAsync("police-practitioner");
        var refused = await police.GetAsync($"/people/{personId}/seam", Ct);
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.EndsWith("/break-glass", refused.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.NotFound, (await police.GetAsync($"/people/{Guid.NewGuid()}/seam", Ct)).StatusCode);
    }

    // ---- The work list ----

    [Fact]
    public async Task The_work_list_shows_a_manager_what_waits_for_approval_and_overdue_reviews()
    {
        var (waitingId, waitingName) = await PersonAsync();
        var waiting = await SubmittedAsync(waitingId, 21);
        var (reviewId, reviewName) = await PersonAsync();
        var old = await ApprovedAsync(reviewId, 14);
        await App.WithDbAsync(db => db.SeamAssessments.Where(s => s.Id == old.Id).ExecuteUpdateAsync(u => u.SetProperty(s => s.ReviewDueOn, Today.AddDays(-3)), Ct));
        var overdueAction = await ActionAsync(old.Id, Today.AddDays(-2));
        // Added later, but due earlier: the list goes by the due date.
        var (laterId, laterName) = await PersonAsync();
        var later = await ApprovedAsync(laterId, 9);
        await App.WithDbAsync(db => db.SeamAssessments.Where(s => s.Id == later.Id).ExecuteUpdateAsync(u => u.SetProperty(s => s.ReviewDueOn, Today.AddDays(-30)), Ct));

        var manager = await App.SignedInAsync("team-manager");
        var page = await manager.GetDocumentAsync("/assessments");
        Assert.Equal("Assessments and actions", page.QuerySelector("h1")!.TextContent);
        Assert.NotNull(page.QuerySelector(".govuk-service-navigation__item--active a[href='/assessments']"));
        var awaitingRow = page.QuerySelectorAll("table tr").Single(r => r.TextContent.Contains(waitingName));
        Assert.NotNull(awaitingRow.QuerySelector($"a[href='/seam/{waiting.Id}/decision']"));
        var reviewRow = page.QuerySelectorAll("table tr").Single(r => r.TextContent.Contains(reviewName) && r.QuerySelector($"a[href='/people/{reviewId}/seam/new']") is not null);
        Assert.Equal("Overdue", reviewRow.QuerySelector(".govuk-tag--red")!.TextContent);
        var reviewOrder = page.QuerySelector("#reviews + table")!.QuerySelectorAll("tbody tr").Select(r => r.TextContent).ToList();
        Assert.True(reviewOrder.FindIndex(r => r.Contains(laterName)) < reviewOrder.FindIndex(r => r.Contains(reviewName)), "Reviews are listed soonest due first");
        var overdueRow = page.QuerySelector("#agency-overdue-table")!.QuerySelectorAll("tr").Single(r => r.QuerySelector($"a[href='/actions/{overdueAction.Id}']") is not null);
        Assert.Contains("Overdue", overdueRow.TextContent);

        // The practitioner sees their own work, and their overdue action, but nothing to approve.
        var practitioner = await App.SignedInAsync("practitioner");
        var theirs = await practitioner.GetDocumentAsync("/assessments");
        Assert.Null(theirs.QuerySelector("#awaiting"));
        Assert.Contains(theirs.QuerySelector("#mine + table")!.QuerySelectorAll("a"), a => a.GetAttribute("href") == $"/seam/{waiting.Id}");
        var mine = theirs.QuerySelector("#my-actions-table")!.QuerySelectorAll("tr").Single(r => r.QuerySelector($"a[href='/actions/{overdueAction.Id}']") is not null);
        Assert.Equal("Overdue", mine.QuerySelector(".govuk-tag--red")!.TextContent);
    }

    // ---- Notifications ----

    [Fact]
    public async Task A_senior_manager_sees_the_very_high_notification_and_can_mark_all_read()
    {
        var (personId, _) = await PersonAsync();
        var reference = await App.WithDbAsync(db => db.People.Where(p => p.Id == personId).Select(p => p.Reference).SingleAsync(Ct));
        await ApprovedAsync(personId, 42);
        var senior = await App.SignedInAsync("senior-manager");

        var page = await senior.GetDocumentAsync("/notifications");
        var item = page.QuerySelectorAll("#notifications li").First(li => li.TextContent.Contains($"Very high risk: SEAM assessment approved for {reference}"));
        Assert.Equal("Unread", item.QuerySelector(".govuk-tag")!.TextContent);
        Assert.NotNull(item.QuerySelector("a[href^='/notifications/']"));
        var unread = await App.WithDbAsync(db => db.Notifications.CountAsync(n => n.UserId == App.Users["senior-manager"].Id && n.ReadAt == null, Ct));
        Assert.True(unread > 0);
        Assert.Equal($"Notifications ({unread} unread)", page.QuerySelector("#notifications-link")!.TextContent);

        var cleared = await senior.PostFormAsync("/notifications", []);
        Assert.Equal(HttpStatusCode.Redirect, cleared.StatusCode);
        var after = await senior.GetDocumentAsync(cleared.Headers.Location!.OriginalString);
        Assert.Equal("Notifications (0 unread)", after.QuerySelector("#notifications-link")!.TextContent);
        Assert.Empty(after.QuerySelectorAll("#notifications .govuk-tag"));
        Assert.Contains("marked as read", after.QuerySelector(".govuk-notification-banner")!.TextContent);
    }

    [Fact]
    public async Task Opening_a_notification_marks_only_it_read_and_follows_its_link()
    {
        var (personId, _) = await PersonAsync();
        await ApprovedAsync(personId, 42);
        var senior = await App.SignedInAsync("senior-manager");
        var seniorId = App.Users["senior-manager"].Id;
        var notification = await App.WithDbAsync(db => db.Notifications
            .Where(n => n.UserId == seniorId && n.ReadAt == null && n.Link != null).OrderByDescending(n => n.CreatedAt).FirstAsync(Ct));
        var unreadBefore = await App.WithDbAsync(db => db.Notifications.CountAsync(n => n.UserId == seniorId && n.ReadAt == null, Ct));

        var page = await senior.GetDocumentAsync("/notifications");
        Assert.NotNull(page.QuerySelector($"#notifications a[href='/notifications/{notification.Id}']"));
        var opened = await senior.GetAsync($"/notifications/{notification.Id}", Ct);
        Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);
        Assert.Equal(notification.Link, opened.Headers.Location!.OriginalString);
        Assert.NotNull(await App.WithDbAsync(db => db.Notifications.Where(n => n.Id == notification.Id).Select(n => n.ReadAt).SingleAsync(Ct)));
        Assert.Equal(unreadBefore - 1, await App.WithDbAsync(db => db.Notifications.CountAsync(n => n.UserId == seniorId && n.ReadAt == null, Ct)));

        // Someone else's notification is not found, and stays unread.
        var practitionerId = App.Users["practitioner"].Id;
        var theirs = await App.WithDbAsync(db => db.Notifications.Where(n => n.UserId == practitionerId).Select(n => (Guid?)n.Id).FirstOrDefaultAsync(Ct));
        var other = theirs ?? Guid.NewGuid();
        Assert.Equal(HttpStatusCode.NotFound, (await senior.GetAsync($"/notifications/{other}", Ct)).StatusCode);
    }

    [Theory]
    [InlineData("/seam/1", true)]
    [InlineData("//evil.example/x", false)]
    [InlineData("/\\evil.example", false)]
    [InlineData("https://evil.example/", false)]
    [InlineData(null, false)]
    public void Only_links_on_this_site_are_followed(string? link, bool followed) =>
        Assert.Equal(followed, Sightline.Web.Pages.Notifications.OpenModel.IsLocal(link));

    [Fact]
    public async Task Every_signed_in_role_has_a_notifications_page()
    {
        foreach (var key in new[] { "analyst", "administrator", "practitioner" })
        {
            var client = await App.SignedInAsync(key);
            var page = await client.GetDocumentAsync("/notifications");
            Assert.Equal("Notifications", page.QuerySelector("h1")!.TextContent);
            Assert.NotNull(page.QuerySelector("#notifications-link"));
        }
    }

    [Fact]
    public async Task These_pages_have_no_inline_script_or_style()
    {
        var (personId, _) = await PersonAsync();
        await ApprovedAsync(personId, 22, Today.AddDays(-30));
        var seam = await SubmittedAsync(personId, 31);
        var action = await ActionAsync(seam.Id, Today);
        var client = await App.SignedInAsync("team-manager");
        foreach (var path in new[] { "/assessments", "/notifications", $"/people/{personId}/seam", $"/seam/{seam.Id}/decision", $"/seam/{seam.Id}/actions/add", $"/actions/{action.Id}", $"/people/{personId}" })
        {
            var document = await client.GetDocumentAsync(path);
            Assert.All(document.QuerySelectorAll("script"), s => Assert.False(string.IsNullOrEmpty(s.GetAttribute("src")), $"inline script on {path}"));
            Assert.Empty(document.QuerySelectorAll("style"));
            Assert.Empty(document.QuerySelectorAll("[style]"));
        }
    }

    // ---- The record page ----

    [Fact]
    public async Task The_record_shows_the_current_seam_the_referral_the_last_screen_and_the_actions()
    {
        var (personId, _) = await PersonAsync();
        var client = await App.SignedInAsync("practitioner");
        var before = await client.GetDocumentAsync($"/people/{personId}");
        Assert.Equal("No SEAM assessment", before.QuerySelector("#risk-seam")!.TextContent.Trim());
        Assert.StartsWith("No open referral", before.QuerySelector("#risk-referral")!.TextContent.Trim());
        Assert.Equal($"/panels/refer/{personId}", before.QuerySelector("#risk-referral #refer-to-panel")!.GetAttribute("href"));
        Assert.Contains("Start a SEAM assessment", before.QuerySelector($"a[href='/people/{personId}/seam/new']")!.TextContent);

        await WithScopeAsync(async s =>
        {
            var areas = SafeguardAreas.All.ToDictionary(a => a.Key, a => new ScreenAreaInput(a.Key is "absent" or "gangs" or "gifts-money", "Seen by the school"));
            var screen = await s.GetRequiredService<ScreenRecords>().RecordAsync(As("practitioner"), personId, new ScreenInput(Today, areas, true, "Three areas of concern"), Ct);
            Assert.True(screen.Succeeded);
            return screen;
        });
        var seam = await ApprovedAsync(personId, 34);
        await ActionAsync(seam.Id, Today.AddDays(-1));
        await ActionAsync(seam.Id, Today.AddDays(7));

        var page = await client.GetDocumentAsync($"/people/{personId}");
        Assert.Equal("Risk and assessments", page.QuerySelector("#risk-heading")!.TextContent);
        var current = page.QuerySelector("#risk-seam")!;
        Assert.Equal("High", current.QuerySelector(".govuk-tag")!.TextContent);
        Assert.Contains("Total 34 of 45", current.TextContent);
        Assert.Contains("Young person’s view: Low", current.TextContent);
        Assert.Contains($"Review due {seam.ReviewDueOn!.Value.Display()}", current.TextContent);
        Assert.Contains("Referred", page.QuerySelector("#risk-referral")!.TextContent);
        Assert.Contains("3 of 9 areas of concern; strategy meeting and SEAM to follow", page.QuerySelector("#risk-screen")!.TextContent);
        Assert.Contains("2 open actions", page.QuerySelector("#risk-actions")!.TextContent);
        Assert.Equal("1 overdue", page.QuerySelector("#risk-actions .govuk-tag")!.TextContent);
        Assert.Contains("Review the SEAM assessment", page.QuerySelector($"a[href='/people/{personId}/seam/new']")!.TextContent);
        Assert.NotNull(page.QuerySelector($"a[href='/people/{personId}/seam']"));
        Assert.NotNull(page.QuerySelector($"a[href='/people/{personId}/screens/new']"));
    }
}

public sealed class AssessmentWorkflowPagesTests_Sqlite(SqliteApp fixture) : AssessmentWorkflowPagesTests(fixture), IClassFixture<SqliteApp>;

public sealed class AssessmentWorkflowPagesTests_Postgres(PostgresApp fixture) : AssessmentWorkflowPagesTests(fixture), IClassFixture<PostgresApp>;
