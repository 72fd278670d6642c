using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Sightline.Core.Audit;
using Sightline.Core.Missing;
using Sightline.Core.People;
using Sightline.Core.VulnerableAdolescents;
using Sightline.TestKit;
using Sightline.Web.Tests.Support;

namespace Sightline.Web.Tests;

/// <summary>The young person's whole chronology: filtered by kind and dates, newest first, printable, and as a PDF.</summary>
public abstract class ChronologyPagesTests(AppFixture fixture)
{
    private SightlineFactory App => fixture.App;
    private CancellationToken Ct => TestContext.Current.CancellationToken;

    private static DateTime Utc(int month, int day, int hour, int minute = 0) => new(2026, month, day, hour, minute, 0, DateTimeKind.Utc);

    /// <summary>
    /// A young person with one of most kinds of entry on known dates (London is on GMT in these months):
    /// flag 5 Jan, index 1 Feb, missing 10 Mar, returned and offered an interview 11 Mar, interview done
    /// 12 Mar, case note 20 Apr; and the record and social care's involvement today.
    /// </summary>
    private async Task<(Guid Id, string Reference, string Name)> PersonWithHistoryAsync()
    {
        var (first, last) = Builders.UniqueName();
        var person = await Builders.CreatePersonAsync(App.ApiClientFor("practitioner"), first, last);
        var id = person.GetProperty("id").GetGuid();
        var flag = await App.ApiClientFor("practitioner").PostAsync($"/api/v1/people/{id}/flags",
            new StringContent("{\"type\":\"gangs\",\"startDate\":\"2026-01-05\"}", System.Text.Encoding.UTF8, "application/json"), Ct);
        Assert.Equal(HttpStatusCode.Created, flag.StatusCode);
        var practitioner = App.Users["practitioner"].Id;
        await App.WithDbAsync(async db =>
        {
            var episode = new MissingEpisode
            {
                PersonId = id, Category = MissingCategory.Missing, From = MissingFrom.Home, LastSeenAt = Utc(3, 10, 19), ReportedToPoliceAt = Utc(3, 10, 21),
                PoliceReference = "CAD 1234/10MAR", PoliceRiskGrading = PoliceRiskGrading.Medium, ReturnedAt = Utc(3, 11, 9), WhereFound = "Colindale station",
                ResponsibleUserId = practitioner, RecordedByUserId = practitioner, RecordedAt = Utc(3, 10, 22), UpdatedAt = Utc(3, 11, 10),
                RhiDueSoonReminderAt = Utc(3, 13, 9), RhiOverdueReminderAt = null,
            };
            episode.Interview = new ReturnHomeInterview
            {
                EpisodeId = episode.Id, PersonId = id, OfferedAt = Utc(3, 11, 12), OfferedBy = "Safe Spaces", Accepted = true, CompletedAt = Utc(3, 12, 15),
                CompletedByAgencyId = App.SocialCare.Id, Worker = "Jo Marsh", RecordedByUserId = practitioner, RecordedAt = Utc(3, 12, 16), UpdatedAt = Utc(3, 12, 16),
            };
            db.MissingEpisodes.Add(episode);
            db.IndexEntries.Add(new IndexEntry
            {
                PersonId = id, StartDate = new DateOnly(2026, 2, 1), Reason = "Repeat missing with older males", AddedByUserId = practitioner, AddedAt = Utc(2, 1, 11),
            });
            db.CaseNotes.Add(new CaseNote { PersonId = id, AuthorUserId = practitioner, AgencyId = App.SocialCare.Id, Text = "Spoke with the school about attendance.", RecordedAt = Utc(4, 20, 10) });
            await db.SaveChangesAsync(Ct);
        });
        return (id, person.GetProperty("reference").GetString()!, $"{first} {last}");
    }

    private static List<(string Kind, string Text)> Entries(AngleSharp.Dom.IDocument page) =>
        page.QuerySelectorAll("#entries li").Select(li => (li.GetAttribute("data-kind")!, li.TextContent)).ToList();

    [Fact]
    public async Task The_whole_chronology_is_shown_newest_first_with_friendly_names_and_the_view_is_audited()
    {
        var (id, reference, name) = await PersonWithHistoryAsync();
        var client = await App.SignedInAsync("practitioner");
        var viewsBefore = await App.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.PersonId == id && e.Action == AuditAction.View, Ct));

        var page = await client.GetDocumentAsync($"/people/{id}/chronology");
        Assert.Equal("Chronology", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.Contains($"{name} ({reference})", page.QuerySelector(".govuk-caption-l")!.TextContent);
        Assert.Contains($"{name}, born 27 March 2010", page.GetElementById("about")!.TextContent);
        Assert.Contains("Every kind of entry. All dates.", page.GetElementById("filter-applied")!.TextContent);
        var entries = Entries(page);
        Assert.Equal(["Record", "Agency", "Note", "Interview", "Interview", "Missing", "Missing", "Index", "Flag"], entries.Select(e => e.Kind));
        Assert.Equal("9 entries, newest first", page.GetElementById("entries-heading")!.TextContent.Trim());
        Assert.Contains("Return home interview completed within 72 hours by Jo Marsh", entries[3].Text);
        Assert.Contains("12 March 2026, 3:00pm · Return home interview · Test practitioner", entries[3].Text);
        Assert.Contains("10 March 2026, 7:00pm · Missing episode", entries[6].Text);
        Assert.Contains("CAD 1234/10MAR", entries[6].Text);
        Assert.Contains("1 February 2026 · Vulnerable Adolescents Index", entries[7].Text);
        Assert.Contains("5 January 2026 · Flag · Test practitioner", entries[8].Text);
        Assert.Contains("Case note", entries[2].Text);

        // The filter: every kind by its friendly name, unticked; two date inputs; print and PDF links.
        var labels = page.QuerySelectorAll("#filter .govuk-checkboxes__label").Select(l => l.TextContent).ToList();
        Assert.Equal(["Missing episodes", "Return home interviews", "SEAM assessments", "SAFEGUARD screens", "Referrals", "Actions", "Flags", "Agencies", "Case notes", "Index", "Record"], labels);
        Assert.Empty(page.QuerySelectorAll("#filter input[type=checkbox][checked]"));
        Assert.NotNull(page.QuerySelector("#filter input[name='from.Day']"));
        Assert.NotNull(page.QuerySelector("#filter input[name='to.Year']"));
        Assert.Equal("get", page.QuerySelector("form#filter")!.GetAttribute("method"));
        Assert.NotNull(page.QuerySelector("form#filter")!.Closest(".sl-no-print"));
        Assert.False(page.GetElementById("filter-details")!.HasAttribute("open"), "no filter: the entries come first");
        Assert.NotNull(page.QuerySelector($"#downloads a[href='/people/{id}/chronology?print=true']"));
        Assert.NotNull(page.QuerySelector($"#downloads a[href='/people/{id}/chronology/pdf']"));

        var viewsAfter = await App.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.PersonId == id && e.Action == AuditAction.View, Ct));
        Assert.Equal(viewsBefore + 1, viewsAfter);

        // The record links here from its chronology.
        var record = await client.GetDocumentAsync($"/people/{id}");
        Assert.Equal($"/people/{id}/chronology", record.GetElementById("full-chronology")!.GetAttribute("href"));
        Assert.Equal("Full chronology (filter, print, PDF)", record.GetElementById("full-chronology")!.TextContent);
    }

    [Fact]
    public async Task Filtering_by_kind_shows_only_those_kinds_and_keeps_the_boxes_ticked()
    {
        var (id, _, _) = await PersonWithHistoryAsync();
        var client = await App.SignedInAsync("practitioner");
        var page = await client.GetDocumentAsync($"/people/{id}/chronology?kind=Missing&kind=interview");
        Assert.Equal(["Interview", "Interview", "Missing", "Missing"], Entries(page).Select(e => e.Kind));
        Assert.Equal(["Missing", "Interview"], page.QuerySelectorAll("#filter input[type=checkbox][checked]").Select(i => i.GetAttribute("value")!));
        Assert.Contains("Missing episodes and Return home interviews. All dates.", page.GetElementById("filter-applied")!.TextContent);
        Assert.True(page.GetElementById("filter-details")!.HasAttribute("open"), "a filter in use is shown open");
        Assert.NotNull(page.QuerySelector($"#downloads a[href='/people/{id}/chronology/pdf?kind=Missing&kind=Interview']"));
        Assert.NotNull(page.QuerySelector($"#downloads a[href='/people/{id}/chronology?kind=Missing&kind=Interview&print=true']"));

        var none = await client.GetDocumentAsync($"/people/{id}/chronology?kind=Referral");
        Assert.Empty(Entries(page: none));
        Assert.Equal("Nothing in the chronology matches this filter.", none.GetElementById("no-entries")!.TextContent);
    }

    [Fact]
    public async Task Filtering_by_dates_includes_both_days_from_the_form_or_the_link()
    {
        var (id, _, _) = await PersonWithHistoryAsync();
        var client = await App.SignedInAsync("practitioner");
        var fromForm = await client.GetDocumentAsync($"/people/{id}/chronology?from.Day=1&from.Month=2&from.Year=2026&to.Day=11&to.Month=3&to.Year=2026");
        Assert.Equal(["Interview", "Missing", "Missing", "Index"], Entries(fromForm).Select(e => e.Kind));
        Assert.Contains("From 1 February 2026 to 11 March 2026", fromForm.GetElementById("filter-applied")!.TextContent);
        Assert.Equal("11", fromForm.QuerySelector("input[name='to.Day']")!.GetAttribute("value"));
        Assert.NotNull(fromForm.QuerySelector($"#downloads a[href='/people/{id}/chronology/pdf?from=2026-02-01&to=2026-03-11']"));

        var fromLink = await client.GetDocumentAsync($"/people/{id}/chronology?from=2026-02-01&to=2026-03-11");
        Assert.Equal(Entries(fromForm), Entries(fromLink));
        Assert.Equal("1", fromLink.QuerySelector("input[name='from.Day']")!.GetAttribute("value"));

        var onlyFrom = await client.GetDocumentAsync($"/people/{id}/chronology?kind=Missing&kind=Interview&kind=Note&from=2026-03-12");
        Assert.Equal(["Note", "Interview"], Entries(onlyFrom).Select(e => e.Kind));
        var onlyTo = await client.GetDocumentAsync($"/people/{id}/chronology?to.Day=31&to.Month=1&to.Year=2026");
        Assert.Equal(["Flag"], Entries(onlyTo).Select(e => e.Kind));
        Assert.Contains("Up to 31 January 2026", onlyTo.GetElementById("filter-applied")!.TextContent);
    }

    [Theory]
    [InlineData("from.Day=31&from.Month=2&from.Year=2026", "#from", "The from date must be a real date")]
    [InlineData("from.Day=1&from.Month=2", "#from", "The from date must be a real date")]
    [InlineData("to=2026-13-01", "#to", "The to date must be a real date")]
    [InlineData("from=yesterday", "#from", "The from date must be a real date")]
    [InlineData("from=2026-03-02&to=2026-03-01", "#to", "The to date must be the same as or after the from date")]
    [InlineData("kind=Missing&kind=Secrets", "#kind", "Select what to show from the list")]
    [InlineData("kind=3", "#kind", "Select what to show from the list")]
    public async Task A_bad_filter_is_explained_in_an_error_summary_and_shows_nothing(string query, string link, string message)
    {
        var (id, _, _) = await PersonWithHistoryAsync();
        var client = await App.SignedInAsync("practitioner");
        var response = await client.GetAsync($"/people/{id}/chronology?{query}", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadDocumentAsync();
        Assert.StartsWith("Error:", page.Title);
        var summary = page.QuerySelector(".govuk-error-summary")!;
        Assert.Contains(message, summary.TextContent);
        Assert.Equal(link, summary.QuerySelector("a")!.GetAttribute("href"));
        Assert.NotNull(page.QuerySelector(link));
        Assert.Empty(Entries(page));
        Assert.Null(page.GetElementById("downloads"));
        Assert.NotNull(page.GetElementById("fix-filter"));
        Assert.True(page.GetElementById("filter-details")!.HasAttribute("open"), "the fields in error are visible");

        // The PDF of a bad filter sends you to the page, which explains.
        var pdf = await client.GetAsync($"/people/{id}/chronology/pdf?{query}", Ct);
        Assert.Equal(HttpStatusCode.Redirect, pdf.StatusCode);
        Assert.Equal($"/people/{id}/chronology?{query}", pdf.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Errors_are_listed_in_the_order_of_the_page()
    {
        var (id, _, _) = await PersonWithHistoryAsync();
        var client = await App.SignedInAsync("practitioner");
        var page = await client.GetDocumentAsync($"/people/{id}/chronology?to.Day=40&to.Month=1&to.Year=2026&from.Day=x&kind=nope");
        Assert.Equal(["#kind", "#from", "#to"], page.QuerySelectorAll(".govuk-error-summary a").Select(a => a.GetAttribute("href")));
    }

    [Fact]
    public async Task The_print_version_has_no_filter_form_and_keeps_the_filter()
    {
        var (id, _, name) = await PersonWithHistoryAsync();
        var client = await App.SignedInAsync("practitioner");
        var page = await client.GetDocumentAsync($"/people/{id}/chronology?kind=Missing&print=true");
        Assert.Null(page.QuerySelector("form#filter"));
        Assert.Null(page.GetElementById("downloads"));
        Assert.Contains("version for printing", page.QuerySelector(".govuk-inset-text")!.TextContent);
        Assert.Equal($"/people/{id}/chronology?kind=Missing", page.QuerySelector(".govuk-inset-text a")!.GetAttribute("href"));
        Assert.Equal(["Missing", "Missing"], Entries(page).Select(e => e.Kind));
        Assert.Contains(name, page.GetElementById("about")!.TextContent);
        Assert.Contains("Missing episodes. All dates.", page.GetElementById("filter-applied")!.TextContent);
    }

    [Fact]
    public async Task The_PDF_is_a_download_named_by_reference_with_the_filter_and_its_export_is_audited()
    {
        var (id, reference, name) = await PersonWithHistoryAsync();
        var client = await App.SignedInAsync("practitioner");
        var response = await client.GetAsync($"/people/{id}/chronology/pdf?kind=Missing&kind=Interview&from=2026-03-11", Ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, string.Join("\n", App.Logs.Lines.Where(l => l.Contains("Exception")).Take(3)));
        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
        var disposition = response.Content.Headers.ContentDisposition!;
        Assert.Equal("attachment", disposition.DispositionType);
        var fileName = disposition.FileName ?? disposition.FileNameStar ?? "";
        Assert.StartsWith($"Chronology-{reference}-", fileName);
        Assert.DoesNotContain(name.Split(' ')[1], fileName);
        var bytes = await response.Content.ReadAsByteArrayAsync(Ct);
        Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString(bytes, 0, 4));
        Assert.Contains("+DejaVu#20Sans", System.Text.Encoding.Latin1.GetString(bytes));
        using (var document = PdfSharp.Pdf.IO.PdfReader.Open(new MemoryStream(bytes), PdfSharp.Pdf.IO.PdfDocumentOpenMode.Import))
        {
            Assert.Equal($"Chronology {reference}", document.Info.Title);
            Assert.True(document.PageCount >= 1);
        }

        var exported = await App.WithDbAsync(db => db.AuditEntries
            .Where(e => e.Action == AuditAction.Export && e.EntityType == "chronology" && e.PersonId == id).ToListAsync(Ct));
        var entry = Assert.Single(exported);
        Assert.Equal(id.ToString(), entry.EntityId);
        Assert.Equal(App.Users["practitioner"].Id, entry.UserId);
        var details = JsonDocument.Parse(entry.Details!).RootElement;
        Assert.Equal(3, details.GetProperty("entries").GetInt32()); // returned 11 Mar, offered 11 Mar, completed 12 Mar
        Assert.Equal(["Missing", "Interview"], details.GetProperty("filter").GetProperty("kinds").EnumerateArray().Select(k => k.GetString()));
        Assert.Equal("2026-03-11", details.GetProperty("filter").GetProperty("from").GetString());
        Assert.DoesNotContain(name.Split(' ')[1], entry.Details);
    }

    [Fact]
    public async Task Outside_need_to_know_the_page_and_the_PDF_offer_break_glass_and_an_unknown_record_is_not_found()
    {
        var (id, _, name) = await PersonWithHistoryAsync();
        var police = await App.SignedInAsync("police-practitioner");
        foreach (var url in new[] { $"/people/{id}/chronology", $"/people/{id}/chronology/pdf", $"/people/{id}/chronology?kind=Missing&from=2026-01-01" })
        {
            var response = await police.GetAsync(url, Ct);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal($"/people/{id}/break-glass", response.Headers.Location!.OriginalString);
            Assert.DoesNotContain(name.Split(' ')[1], await response.Content.ReadAsStringAsync(Ct));
        }
        Assert.Equal(0, await App.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.PersonId == id && e.Action == AuditAction.Export, Ct)));

        var client = await App.SignedInAsync("practitioner");
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/people/{Guid.NewGuid()}/chronology", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/people/{Guid.NewGuid()}/chronology/pdf", Ct)).StatusCode);

        // Analysts never reach a young person's chronology.
        var analyst = await App.SignedInAsync("analyst");
        var refused = await analyst.GetAsync($"/people/{id}/chronology", Ct);
        Assert.NotEqual(HttpStatusCode.OK, refused.StatusCode);
        Assert.DoesNotContain(name.Split(' ')[1], await refused.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task After_break_glass_the_chronology_shows_with_the_warning()
    {
        var (id, _, _) = await PersonWithHistoryAsync();
        var police = await App.SignedInAsync("police-practitioner");
        var form = await police.GetDocumentAsync($"/people/{id}/break-glass");
        var reasonField = form.QuerySelector("textarea")!.GetAttribute("name")!;
        var granted = await police.PostFormAsync($"/people/{id}/break-glass", [new(reasonField, "Found at a station late at night; checking for risks")]);
        Assert.Equal(HttpStatusCode.Redirect, granted.StatusCode);
        var page = await police.GetDocumentAsync($"/people/{id}/chronology?kind=Missing");
        Assert.Contains("break-glass", page.QuerySelector(".govuk-warning-text")!.TextContent);
        Assert.Equal(2, Entries(page).Count);
    }
}

public sealed class ChronologyPagesTests_Sqlite(SqliteApp fixture) : ChronologyPagesTests(fixture), IClassFixture<SqliteApp>;

public sealed class ChronologyPagesTests_Postgres(PostgresApp fixture) : ChronologyPagesTests(fixture), IClassFixture<PostgresApp>;
