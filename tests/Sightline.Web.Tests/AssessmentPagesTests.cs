using System.Net;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sightline.Core.Access;
using Sightline.Core.Assessments;
using Sightline.Core.Audit;
using Sightline.TestKit;
using Sightline.Web.Tests.Support;

namespace Sightline.Web.Tests;

/// <summary>The practitioner's screening and assessment journeys in pages: SAFEGUARD screen, SEAM form, review, view, submit and PDF.</summary>
public abstract class AssessmentPagesTests(AppFixture fixture)
{
    private SightlineFactory App => fixture.App;
    private CancellationToken Ct => TestContext.Current.CancellationToken;

    private static KeyValuePair<string, string> F(string key, string value) => new(key, value);

    private async Task<(string Id, string Reference)> NewPersonAsync()
    {
        var person = await Builders.CreatePersonAsync(App.ApiClientFor("practitioner"));
        return (person.GetProperty("id").GetString()!, person.GetProperty("reference").GetString()!);
    }

    private static IEnumerable<KeyValuePair<string, string>> Today(string field)
    {
        var today = Sightline.Core.London.LondonToday(TimeProvider.System);
        return [F($"{field}.Day", today.Day.ToString()), F($"{field}.Month", today.Month.ToString()), F($"{field}.Year", today.Year.ToString())];
    }

    /// <summary>A whole screen: the areas with a concern are answered Yes with what was seen, the rest No.</summary>
    private static List<KeyValuePair<string, string>> Screen(string decision, params string[] concerns)
    {
        var fields = Today("screenedOn").ToList();
        foreach (var area in SafeguardAreas.All)
        {
            var concern = concerns.Contains(area.Key);
            fields.Add(F($"areas.{area.Key}.concern", concern ? "yes" : "no"));
            if (concern) fields.Add(F($"areas.{area.Key}.seen", $"Seen about {area.Title}"));
        }
        fields.Add(F("holdStrategyMeeting", decision));
        fields.Add(F("reason", "Discussed with my manager"));
        return fields;
    }

    /// <summary>A whole 2020 SEAM form with these scores (others 0), evidence for every score above 0.</summary>
    private static List<KeyValuePair<string, string>> Seam(Dictionary<string, int> scores, string? evidence = null)
    {
        var fields = Today("assessedOn").ToList();
        foreach (var domain in SeamForms.V2020.Domains)
        {
            var score = scores.GetValueOrDefault(domain.Key);
            fields.Add(F($"scores.{domain.Key}.score", score.ToString()));
            if (score > 0) fields.Add(F($"scores.{domain.Key}.evidence", evidence ?? $"Evidence about {domain.Title}"));
        }
        fields.Add(F("youngPersonPerception", "Low"));
        fields.Add(F("youngPersonView", "I can look after myself"));
        return fields;
    }

    private static readonly Dictionary<string, int> Medium24 = new()
    {
        ["sexual-health"] = 3, ["absent-missing"] = 4, ["familial"] = 2, ["emotional-physical"] = 3, ["gangs-risky-adults"] = 4,
        ["technology"] = 2, ["alcohol-drugs"] = 2, ["recognition-gifts"] = 2, ["authority-education"] = 2,
    };

    private async Task<string> SaveSeamAsync(HttpClient client, string personId, List<KeyValuePair<string, string>> fields)
    {
        var response = await client.PostFormAsync($"/people/{personId}/seam/new", fields);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, string.Join("; ", (await response.ReadDocumentAsync()).ErrorSummary()));
        var location = response.Headers.Location!.OriginalString;
        Assert.StartsWith("/seam/", location);
        return location["/seam/".Length..].Split('?')[0];
    }

    private async Task ApproveAsync(string seamId)
    {
        var manager = App.Users["team-manager"];
        using var scope = App.Services.CreateScope();
        var outcome = await scope.ServiceProvider.GetRequiredService<SeamRecords>()
            .ApproveAsync(new CurrentUser(manager.Id, manager.Email!, manager.DisplayName, manager.AgencyId, Role.TeamManager), Guid.Parse(seamId), new ApprovalInput(), Ct);
        Assert.True(outcome.Succeeded, outcome.Refusal);
    }

    private static List<string?> SummaryLinks(IDocument page) =>
        page.QuerySelectorAll(".govuk-error-summary a").Select(a => a.GetAttribute("href")).ToList();

    [Fact]
    public async Task A_screen_with_missing_answers_lists_each_in_the_order_of_the_page()
    {
        var (id, _) = await NewPersonAsync();
        var client = await App.SignedInAsync("practitioner");
        var response = await client.PostFormAsync($"/people/{id}/screens/new",
            [.. Today("screenedOn"), F("areas.gangs.concern", "yes"), F("areas.technology.concern", "no"), F("reason", "")]);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadDocumentAsync();
        var links = SummaryLinks(page);
        Assert.Equal("#areas.sexual-health.concern", links[0]);
        Assert.Contains("#areas.gangs.seen", links);
        Assert.DoesNotContain("#areas.gangs.concern", links);
        Assert.DoesNotContain("#areas.technology.concern", links);
        Assert.True(links.IndexOf("#areas.gangs.seen") < links.IndexOf("#areas.distrust-authority.concern"));
        Assert.Equal(["#holdStrategyMeeting", "#reason"], links.TakeLast(2));
        Assert.Equal(7 + 1 + 2, links.Count);
        // Every link has its field; what was answered stays answered.
        foreach (var link in links) Assert.NotNull(page.GetElementById(link![1..]));
        Assert.True(page.QuerySelector("input[name='areas.gangs.concern'][value=yes]")!.HasAttribute("checked"));
        Assert.Contains("Describe what was seen or heard about gangs", page.GetElementById("areas.gangs.seen-error")!.TextContent);
        Assert.StartsWith("Error:", page.Title);
    }

    [Fact]
    public async Task A_saved_screen_shows_the_count_of_concerns_and_offers_a_SEAM_when_the_decision_is_yes()
    {
        var (id, _) = await NewPersonAsync();
        var client = await App.SignedInAsync("practitioner");
        var saved = await client.PostFormAsync($"/people/{id}/screens/new", Screen("yes", "absent", "gangs", "gifts-money"));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var location = saved.Headers.Location!.OriginalString;
        Assert.StartsWith("/screens/", location);
        var screenId = location["/screens/".Length..];

        var page = await client.GetDocumentAsync(location);
        Assert.Equal("3 of 9 areas of concern", page.GetElementById("concern-count")!.TextContent.Trim());
        Assert.Contains("Seen about Gangs, older age groups and involvement in crime", page.GetElementById("areas")!.TextContent);
        Assert.Contains("Discussed with my manager", page.GetElementById("decision")!.TextContent);
        Assert.Equal($"/people/{id}/seam/new?screen={screenId}", page.GetElementById("start-seam")!.GetAttribute("href"));

        var form = await client.GetDocumentAsync($"/people/{id}/seam/new?screen={screenId}");
        Assert.Contains("follows the SAFEGUARD screen", form.Body!.TextContent);

        var no = await client.PostFormAsync($"/people/{id}/screens/new", Screen("no"));
        var noPage = await client.GetDocumentAsync(no.Headers.Location!.OriginalString);
        Assert.Equal("0 of 9 areas of concern", noPage.GetElementById("concern-count")!.TextContent.Trim());
        Assert.Null(noPage.GetElementById("start-seam"));
    }

    [Fact]
    public async Task The_SEAM_form_names_missing_evidence_and_scores_in_the_order_of_the_page()
    {
        var (id, _) = await NewPersonAsync();
        var client = await App.SignedInAsync("practitioner");
        var fields = Seam(Medium24)
            .Where(f => f.Key is not ("scores.sexual-health.evidence" or "scores.technology.evidence" or "scores.alcohol-drugs.score")).ToList();
        var response = await client.PostFormAsync($"/people/{id}/seam/new", fields);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadDocumentAsync();
        Assert.Equal(["#scores.sexual-health.evidence", "#scores.technology.evidence", "#scores.alcohol-drugs.score"], SummaryLinks(page));
        Assert.Contains("Enter the evidence for the score of 3 for sexual health", page.ErrorSummary()[0]);
        Assert.True(page.QuerySelector("input[name='scores.absent-missing.score'][value='4']")!.HasAttribute("checked"));
        Assert.Equal("Evidence about Absent / missing", page.GetElementById("scores.absent-missing.evidence")!.TextContent);
        // The 2020 descriptors are the hints of the scores.
        Assert.Contains("There are no concerns regarding missing or absence.", page.GetElementById("scores.absent-missing.score-item-hint")!.TextContent);
    }

    [Fact]
    public async Task A_saved_draft_shows_its_total_and_level()
    {
        var (id, _) = await NewPersonAsync();
        var client = await App.SignedInAsync("practitioner");
        var seamId = await SaveSeamAsync(client, id, Seam(Medium24));
        var page = await client.GetDocumentAsync($"/seam/{seamId}");
        Assert.Equal("24 of 45", page.GetElementById("total")!.TextContent.Trim());
        var tag = page.QuerySelector("#calculated-level .govuk-tag")!;
        Assert.Equal("Medium", tag.TextContent);
        Assert.Contains("govuk-tag--yellow", tag.ClassName);
        Assert.Contains("Not yet approved", page.GetElementById("level-in-force")!.TextContent);
        Assert.Equal("Low", page.QuerySelector("#perception .govuk-tag")!.TextContent);
        Assert.Contains("Draft", page.QuerySelector("h1 .govuk-tag")!.TextContent);
        Assert.Equal($"/seam/{seamId}/edit", page.QuerySelector("#commands a[href$='/edit']")!.GetAttribute("href"));
        Assert.NotNull(page.QuerySelector($"a[href='/seam/{seamId}/actions/add']"));
        Assert.NotNull(page.QuerySelector($"a[href='/seam/{seamId}/pdf']"));
        Assert.Null(page.GetElementById("language-guidance"));
    }

    [Fact]
    public async Task The_2017_form_has_its_ten_areas_without_descriptors()
    {
        var (id, _) = await NewPersonAsync();
        var client = await App.SignedInAsync("practitioner");
        var page = await client.GetDocumentAsync($"/people/{id}/seam/new?version=2017");
        Assert.Equal(10, page.QuerySelectorAll("input[name$='.score'][value='0']").Length);
        Assert.Empty(page.QuerySelectorAll(".govuk-radios__hint[id^='scores.']"));
        var unknown = await client.GetDocumentAsync($"/people/{id}/seam/new?version=1999");
        Assert.Contains("There is no SEAM form version ‘1999’", unknown.QuerySelector("h1")!.TextContent);
        Assert.Null(unknown.QuerySelector("form[method=post] input[name$='.score']"));
    }

    [Fact]
    public async Task A_review_starts_from_the_approved_scores_and_shows_what_changed()
    {
        var (id, _) = await NewPersonAsync();
        var client = await App.SignedInAsync("practitioner");
        var firstId = await SaveSeamAsync(client, id, Seam(Medium24));
        await client.PostFormAsync($"/seam/{firstId}", [], action: $"/seam/{firstId}?handler=submit");
        await ApproveAsync(firstId);

        var form = await client.GetDocumentAsync($"/people/{id}/seam/new");
        Assert.NotNull(form.GetElementById("review"));
        Assert.True(form.QuerySelector("input[name='scores.absent-missing.score'][value='4']")!.HasAttribute("checked"));
        Assert.Equal("Evidence about Absent / missing", form.GetElementById("scores.absent-missing.evidence")!.TextContent);
        Assert.Equal("Previous score: 4", form.GetElementById("scores.absent-missing.score-hint")!.TextContent.Trim());

        var changed = new Dictionary<string, int>(Medium24) { ["absent-missing"] = 5, ["familial"] = 4, ["technology"] = 1 };
        var reviewId = await SaveSeamAsync(client, id, Seam(changed));
        var page = await client.GetDocumentAsync($"/seam/{reviewId}");
        var rows = page.QuerySelectorAll("#what-changed tbody tr").Select(r => r.TextContent).ToList();
        Assert.Contains(rows, r => r.Contains("Absent / missing") && r.Contains("+1"));
        Assert.Contains(rows, r => r.Contains("Familial concerns") && r.Contains("+2"));
        Assert.Contains(rows, r => r.Contains("Use of technology") && r.Contains("\u22121"));
        Assert.Contains(rows, r => r.Contains("Sexual health") && r.Contains("No change"));
        Assert.Contains(rows, r => r.Contains("Total") && r.Contains("24") && r.Contains("26") && r.Contains("+2"));
        Assert.Contains("Previous score", page.GetElementById("domain-familial")!.TextContent);
    }

    [Fact]
    public async Task Language_guidance_offers_alternatives_and_never_blocks_the_save()
    {
        var (id, _) = await NewPersonAsync();
        var client = await App.SignedInAsync("practitioner");
        var seamId = await SaveSeamAsync(client, id, Seam(Medium24, evidence: "Staff say she is putting themselves at risk by going out at night"));
        var page = await client.GetDocumentAsync($"/seam/{seamId}");
        var guidance = page.GetElementById("language-guidance")!.TextContent;
        Assert.Contains("putting themselves at risk", guidance);
        Assert.Contains("The child may have been groomed.", guidance);
        Assert.Contains("the evidence for sexual health", guidance);
    }

    [Fact]
    public async Task The_author_submits_and_can_then_no_longer_change_it()
    {
        var (id, _) = await NewPersonAsync();
        var client = await App.SignedInAsync("practitioner");
        var seamId = await SaveSeamAsync(client, id, Seam(Medium24));

        var submitted = await client.PostFormAsync($"/seam/{seamId}", [], action: $"/seam/{seamId}?handler=submit");
        Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
        Assert.Equal($"/seam/{seamId}?submitted=true", submitted.Headers.Location!.OriginalString);
        Assert.Equal(SeamStatus.Submitted, await App.WithDbAsync(db => db.SeamAssessments.Where(s => s.Id == Guid.Parse(seamId)).Select(s => s.Status).SingleAsync(Ct)));

        var page = await client.GetDocumentAsync($"/seam/{seamId}?submitted=true");
        Assert.Contains("Waiting for approval", page.QuerySelector("h1 .govuk-tag")!.TextContent);
        Assert.Null(page.QuerySelector("#commands a[href$='/edit']"));
        Assert.Null(page.QuerySelector("#commands button"));
        var edit = await client.GetDocumentAsync($"/seam/{seamId}/edit");
        Assert.Contains("You cannot change this assessment", edit.QuerySelector("h1")!.TextContent);
        Assert.Null(edit.QuerySelector("input[name$='.score']"));

        // A manager who did not write it is offered the decision.
        var manager = await App.SignedInAsync("team-manager");
        var managerView = await manager.GetDocumentAsync($"/seam/{seamId}");
        Assert.NotNull(managerView.QuerySelector($"#commands a[href='/seam/{seamId}/decision']"));
    }

    [Fact]
    public async Task A_second_save_from_a_stale_form_shows_what_changed_and_keeps_the_typing()
    {
        var (id, _) = await NewPersonAsync();
        var client = await App.SignedInAsync("practitioner");
        var seamId = await SaveSeamAsync(client, id, Seam(Medium24));
        var first = await client.GetDocumentAsync($"/seam/{seamId}/edit");
        var second = await client.GetDocumentAsync($"/seam/{seamId}/edit");
        async Task<HttpResponseMessage> Save(IDocument form, int sexualHealth) =>
            await client.PostAsync($"/seam/{seamId}/edit", new FormUrlEncodedContent(
                Seam(new Dictionary<string, int>(Medium24) { ["sexual-health"] = sexualHealth })
                    .Append(F("version", form.QuerySelector("input[name=version]")!.GetAttribute("value")!))
                    .Append(F("__RequestVerificationToken", SignedInClient.AntiforgeryToken(form)!))), Ct);

        Assert.Equal(HttpStatusCode.Redirect, (await Save(first, 5)).StatusCode);
        var stale = await Save(second, 1);
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        var page = await stale.ReadDocumentAsync();
        Assert.Contains("changed while you were editing", page.GetElementById("conflict")!.TextContent);
        Assert.Contains("Total: 26 of 45", page.GetElementById("conflict")!.TextContent);
        Assert.True(page.QuerySelector("input[name='scores.sexual-health.score'][value='1']")!.HasAttribute("checked"));
        Assert.Equal(26, await App.WithDbAsync(db => db.SeamAssessments.Where(s => s.Id == Guid.Parse(seamId)).Select(s => s.Total).SingleAsync(Ct)));

        // Someone other than the author is refused in words.
        var colleague = await App.SignedInAsync("second-practitioner");
        var refused = await colleague.GetDocumentAsync($"/seam/{seamId}/edit");
        Assert.Contains("Only the practitioner who started this assessment can change it.", refused.GetElementById("refusal")!.TextContent);
    }

    [Fact]
    public async Task An_uninvolved_agency_cannot_reach_the_screen_the_assessment_or_its_PDF()
    {
        var (id, _) = await NewPersonAsync();
        var client = await App.SignedInAsync("practitioner");
        var screenId = (await client.PostFormAsync($"/people/{id}/screens/new", Screen("yes", "absent"))).Headers.Location!.OriginalString["/screens/".Length..];
        var seamId = await SaveSeamAsync(client, id, Seam(Medium24));

        var police = await App.SignedInAsync("police-practitioner");
        foreach (var url in new[] { $"/seam/{seamId}", $"/seam/{seamId}/pdf", $"/seam/{seamId}/edit", $"/screens/{screenId}" })
            Assert.Equal(HttpStatusCode.NotFound, (await police.GetAsync(url, Ct)).StatusCode);
        foreach (var url in new[] { $"/people/{id}/screens/new", $"/people/{id}/seam/new" })
        {
            var response = await police.GetAsync(url, Ct);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal($"/people/{id}/break-glass", response.Headers.Location!.OriginalString);
        }
        Assert.Equal(HttpStatusCode.NotFound, (await police.GetAsync($"/seam/{Guid.NewGuid()}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/people/{Guid.NewGuid()}/seam/new", Ct)).StatusCode);
    }

    [Fact]
    public async Task The_PDF_is_a_download_named_by_reference_and_its_export_is_audited()
    {
        var (id, reference) = await NewPersonAsync();
        var client = await App.SignedInAsync("practitioner");
        var seamId = await SaveSeamAsync(client, id, Seam(Medium24, evidence: "Seen with older males – “county lines” ’quoted’ ✓ ąčę"));
        var response = await client.GetAsync($"/seam/{seamId}/pdf", Ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, string.Join("\n", App.Logs.Lines.Where(l => l.Contains("Exception")).Take(3)));
        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
        var disposition = response.Content.Headers.ContentDisposition!;
        Assert.Equal("attachment", disposition.DispositionType);
        Assert.StartsWith($"SEAM-{reference}-", disposition.FileName ?? disposition.FileNameStar);
        var bytes = await response.Content.ReadAsByteArrayAsync(Ct);
        Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString(bytes, 0, 4));
        Assert.True(bytes.Length > 10_000, $"Only {bytes.Length} bytes");
        // The fonts are embedded (DejaVu, from the build's fonts folder), not taken from the system.
        Assert.Contains("+DejaVu#20Sans", System.Text.Encoding.Latin1.GetString(bytes));
        var exported = await App.WithDbAsync(db => db.AuditEntries
            .Where(e => e.Action == AuditAction.Export && e.EntityType == "seam-assessment" && e.EntityId == seamId).ToListAsync(Ct));
        var entry = Assert.Single(exported);
        Assert.Equal(Guid.Parse(id), entry.PersonId);
        Assert.Equal(App.Users["practitioner"].Id, entry.UserId);
    }
}

public sealed class AssessmentPagesTests_Sqlite(SqliteApp fixture) : AssessmentPagesTests(fixture), IClassFixture<SqliteApp>;

public sealed class AssessmentPagesTests_Postgres(PostgresApp fixture) : AssessmentPagesTests(fixture), IClassFixture<PostgresApp>;
