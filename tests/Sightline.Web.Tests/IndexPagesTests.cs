using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using AngleSharp.Dom;
using CsvHelper;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sightline.Core;
using Sightline.Core.Audit;
using Sightline.Core.People;
using Sightline.Core.VulnerableAdolescents;
using Sightline.TestKit;
using Sightline.Web.Pages.VulnerableAdolescents;
using Sightline.Web.Tests.Support;

namespace Sightline.Web.Tests;

/// <summary>
/// The Vulnerable Adolescents Index in pages: the list with its names only where the user may see
/// them, filters, sorts and exports; the board summary for analysts; and entries on a young person.
/// </summary>
public abstract class IndexPagesTests(AppFixture fixture)
{
    private SightlineFactory App => fixture.App;
    private CancellationToken Ct => TestContext.Current.CancellationToken;
    private static DateOnly Today => London.LondonToday(TimeProvider.System);

    private static KeyValuePair<string, string> F(string key, string value) => new(key, value);

    private static IEnumerable<KeyValuePair<string, string>> Date(string field, DateOnly date) =>
        [F($"{field}.Day", date.Day.ToString()), F($"{field}.Month", date.Month.ToString()), F($"{field}.Year", date.Year.ToString())];

    private sealed record Person(string Id, string Reference, string First, string Last)
    {
        public string Name => $"{First} {Last}";
    }

    private async Task<Person> NewPersonAsync(string creator = "practitioner", string? dob = null, string? first = null)
    {
        var (f, l) = Builders.UniqueName();
        var person = await Builders.CreatePersonAsync(App.ApiClientFor(creator), first ?? f, l, dob ?? "2010-03-27");
        return new Person(person.GetProperty("id").GetString()!, person.GetProperty("reference").GetString()!, first ?? f, l);
    }

    private async Task FlagAsync(Person person, string type, string creator = "practitioner", string? level = null)
    {
        var body = JsonSerializer.Serialize(new { type, startDate = Today.AddDays(-10).ToString("yyyy-MM-dd"), level });
        var response = await App.ApiClientFor(creator).PostAsync($"/api/v1/people/{person.Id}/flags",
            new StringContent(body, Encoding.UTF8, "application/json"), Ct);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync(Ct));
    }

    private static IElement? Row(IDocument page, Person person) => page.QuerySelector($"#index-table tr[data-reference='{person.Reference}']");

    private static List<string> References(IDocument page) =>
        page.QuerySelectorAll("#index-table tbody tr").Select(r => r.GetAttribute("data-reference")!).ToList();

    [Fact]
    public async Task A_young_person_with_a_gangs_flag_is_on_the_index_and_a_ten_year_old_is_not()
    {
        var teen = await NewPersonAsync();
        await FlagAsync(teen, "gangs");
        var child = await NewPersonAsync(dob: Today.AddYears(-10).AddMonths(-6).ToString("yyyy-MM-dd"));
        await FlagAsync(child, "gangs");

        var page = await (await App.SignedInAsync("practitioner")).GetDocumentAsync("/vulnerable-adolescents");
        var row = Row(page, teen);
        Assert.NotNull(row);
        var link = row.QuerySelector("a.govuk-link")!;
        Assert.Equal(teen.Name, link.TextContent.Trim());
        Assert.Equal($"/people/{teen.Id}", link.GetAttribute("href"));
        Assert.Contains("Gangs flag", row.QuerySelectorAll("td")[3].TextContent);
        Assert.Equal(Age.On(new DateOnly(2010, 3, 27), Today).ToString(), row.QuerySelectorAll("td")[1].TextContent.Trim());
        Assert.Equal("Yes", row.QuerySelectorAll("td")[5].TextContent.Trim());
        Assert.Null(Row(page, child));
        Assert.DoesNotContain(child.Last, page.Body!.TextContent);
        Assert.Matches(@"^Showing \d+ young (people|person) on the index on ", page.GetElementById("count")!.TextContent.Trim());
        // The navigation offers the index to record roles, after "Young people".
        var nav = page.QuerySelectorAll(".govuk-service-navigation__link").Select(a => a.TextContent.Trim()).ToList();
        Assert.Equal(nav.IndexOf("Young people") + 1, nav.IndexOf("Index"));
    }

    [Fact]
    public async Task An_uninvolved_practitioner_sees_the_row_by_reference_without_the_name_or_the_practitioners_words()
    {
        var person = await NewPersonAsync();
        await FlagAsync(person, "cse");
        var secret = "Seen with an older man " + Guid.NewGuid().ToString("N")[..8];
        var added = await (await App.SignedInAsync("practitioner")).PostFormAsync($"/people/{person.Id}/index/add",
            [F("reason", secret), .. Date("startDate", Today)]);
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);

        var police = await App.SignedInAsync("police-practitioner");
        var response = await police.GetAsync("/vulnerable-adolescents", Ct);
        var html = await response.Content.ReadAsStringAsync(Ct);
        var page = SignedInClient.ParseHtml(html);
        var row = Row(page, person);
        Assert.NotNull(row);
        Assert.Contains("Not involved", row.TextContent);
        Assert.Null(row.QuerySelector("a"));
        Assert.DoesNotContain(person.First, html);
        Assert.DoesNotContain(person.Last, html);
        Assert.DoesNotContain(secret, html);
        Assert.Contains("Added by a practitioner", row.TextContent);
        Assert.Contains("CSE flag", row.TextContent);

        // The practitioner who may see the record reads the name and the words.
        var own = Row(await (await App.SignedInAsync("practitioner")).GetDocumentAsync("/vulnerable-adolescents"), person)!;
        Assert.Contains(person.Name, own.TextContent);
        Assert.Contains(secret, own.TextContent);
    }

    [Fact]
    public async Task The_flag_filter_and_the_sorts_work()
    {
        var gangs = await NewPersonAsync(dob: Today.AddYears(-17).AddDays(-3).ToString("yyyy-MM-dd"));
        await FlagAsync(gangs, "gangs");
        var cse = await NewPersonAsync(dob: Today.AddYears(-12).AddDays(-3).ToString("yyyy-MM-dd"));
        await FlagAsync(cse, "cse");
        await FlagAsync(cse, "neet");
        var client = await App.SignedInAsync("team-manager");

        var neet = await client.GetDocumentAsync("/vulnerable-adolescents?flag=neet");
        Assert.NotNull(Row(neet, cse));
        Assert.Null(Row(neet, gangs));
        Assert.True(neet.QuerySelector("#flag option[value=neet]")!.HasAttribute("selected"));
        Assert.All(neet.QuerySelectorAll("#index-table tbody tr"), r => Assert.Equal("Yes", r.QuerySelectorAll("td")[8].TextContent.Trim()));
        var shown = References(neet).Count;
        Assert.Matches($@"^Showing {shown} of \d+ young (people|person) on the index on .* \(NEET\)\.$", neet.GetElementById("count")!.TextContent.Trim());

        int[] Ages(IDocument page) => page.QuerySelectorAll("#index-table tbody tr").Select(r => int.Parse(r.QuerySelectorAll("td")[1].TextContent.Trim())).ToArray();
        var ascending = await client.GetDocumentAsync("/vulnerable-adolescents?sort=age&dir=asc");
        var ages = Ages(ascending);
        Assert.True(ages.Length >= 2);
        Assert.Equal(ages.Order(), ages);
        var header = ascending.QuerySelectorAll("#index-table th[aria-sort]").Single(th => th.TextContent.Contains("Age"));
        Assert.Equal("ascending", header.GetAttribute("aria-sort"));
        Assert.Contains("sort=age&dir=desc", header.QuerySelector("a")!.GetAttribute("href"));
        Assert.All(ascending.QuerySelectorAll("#index-table th[aria-sort]").Where(th => th != header), th => Assert.Equal("none", th.GetAttribute("aria-sort")));
        Assert.True(References(ascending).IndexOf(cse.Reference) < References(ascending).IndexOf(gangs.Reference));

        var descending = await client.GetDocumentAsync(header.QuerySelector("a")!.GetAttribute("href")!);
        Assert.Equal(Ages(descending).OrderDescending(), Ages(descending));
        Assert.True(References(descending).IndexOf(gangs.Reference) < References(descending).IndexOf(cse.Reference));

        // Flags sort those with the flag first on the first click.
        var byGangs = await client.GetDocumentAsync(ascending.QuerySelectorAll("#index-table th a").Single(a => a.TextContent == "Gangs").GetAttribute("href")!);
        var gangCells = byGangs.QuerySelectorAll("#index-table tbody tr").Select(r => r.QuerySelectorAll("td")[5].TextContent.Trim()).ToList();
        Assert.Equal(gangCells.OrderByDescending(c => c == "Yes"), gangCells);

        // By name (the default), named rows in alphabetical order.
        var byName = await client.GetDocumentAsync("/vulnerable-adolescents");
        var names = byName.QuerySelectorAll("#index-table tbody tr td:first-child a").Select(a => a.TextContent.Trim()).ToList();
        Assert.Equal(names.Order(StringComparer.OrdinalIgnoreCase), names);

        // A wrong date is said, not a 500.
        var wrong = await client.GetDocumentAsync("/vulnerable-adolescents?date.Day=31&date.Month=2&date.Year=2026");
        Assert.Equal(["The date must be a real date, like 27 3 2026"], wrong.ErrorSummary());
        Assert.Null(wrong.GetElementById("index-table"));
        var future = await client.GetDocumentAsync($"/vulnerable-adolescents?date={Today.AddDays(1):yyyy-MM-dd}");
        Assert.Equal(["The date must be today or in the past"], future.ErrorSummary());
    }

    [Fact]
    public async Task The_CSV_export_has_the_header_and_the_rows_names_only_where_the_user_may_see_them_and_is_audited()
    {
        var theirs = await NewPersonAsync();
        await FlagAsync(theirs, "cce");
        var own = await NewPersonAsync(creator: "police-practitioner");
        await FlagAsync(own, "cce", creator: "police-practitioner");
        var police = await App.SignedInAsync("police-practitioner");

        var page = await police.GetDocumentAsync("/vulnerable-adolescents?flag=cce");
        var link = page.GetElementById("export-csv")!.GetAttribute("href")!;
        Assert.StartsWith("/vulnerable-adolescents/export.csv?", link);
        Assert.Contains("flag=cce", link);
        var response = await police.GetAsync(link, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        var disposition = response.Content.Headers.ContentDisposition!;
        Assert.Equal("attachment", disposition.DispositionType);
        Assert.Equal($"vulnerable-adolescents-index-{Today:yyyy-MM-dd}.csv", disposition.FileName?.Trim('"'));

        var text = await response.Content.ReadAsStringAsync(Ct);
        using var csv = new CsvReader(new StringReader(text), CultureInfo.InvariantCulture);
        var records = new List<string[]>();
        while (csv.Read()) records.Add(Enumerable.Range(0, csv.Parser.Count).Select(i => csv.GetField(i)!).ToArray());
        Assert.Equal(IndexList.ExportHeaders, records[0]);
        var rows = records.Skip(1).ToList();
        Assert.Equal(References(page), rows.Select(r => r[0]).ToList());
        var theirRow = rows.Single(r => r[0] == theirs.Reference);
        Assert.Equal("", theirRow[1]);
        Assert.Contains("CCE / county lines flag", theirRow[4]);
        Assert.Equal("Yes", theirRow[9]);
        Assert.Equal(own.Name, rows.Single(r => r[0] == own.Reference)[1]);
        Assert.DoesNotContain(theirs.Last, text);
        Assert.All(rows, r => Assert.Equal(IndexList.ExportHeaders.Length, r.Length));

        var policeId = App.Users["police-practitioner"].Id;
        var audit = await App.WithDbAsync(db => db.AuditEntries
            .Where(e => e.Action == AuditAction.Export && e.EntityType == "index" && e.UserId == policeId).OrderByDescending(e => e.Sequence).FirstOrDefaultAsync(Ct));
        Assert.NotNull(audit);
        using var details = JsonDocument.Parse(audit.Details!);
        Assert.Equal("csv", details.RootElement.GetProperty("format").GetString());
        Assert.Equal("cce", details.RootElement.GetProperty("flag").GetString());
        Assert.Equal(rows.Count, details.RootElement.GetProperty("rows").GetInt32());
        Assert.DoesNotContain(theirs.Last, audit.Details);
    }

    [Fact]
    public async Task A_cell_starting_with_an_equals_sign_is_neutralised_in_the_CSV()
    {
        var formula = "=HYPERLINK(\"https://example.test\";\"x\")";
        var person = await NewPersonAsync(first: formula);
        await FlagAsync(person, "gangs");
        var text = await (await App.SignedInAsync("practitioner")).GetStringAsync("/vulnerable-adolescents/export.csv?flag=gangs", Ct);
        using var csv = new CsvReader(new StringReader(text), CultureInfo.InvariantCulture);
        string? name = null;
        while (csv.Read())
            if (csv.GetField(0) == person.Reference) name = csv.GetField(1);
        Assert.Equal("'" + person.Name, name);
        Assert.DoesNotContain("," + formula, text);
        Assert.DoesNotContain("\"" + formula[..10], text);
    }

    [Fact]
    public async Task The_Excel_export_opens_with_the_header_frozen_and_a_row_per_young_person()
    {
        var person = await NewPersonAsync();
        await FlagAsync(person, "gangs");
        await FlagAsync(person, "yot", level: "High");
        var client = await App.SignedInAsync("senior-manager");
        var page = await client.GetDocumentAsync("/vulnerable-adolescents?flag=yot&sort=age&dir=desc");
        var link = page.GetElementById("export-xlsx")!.GetAttribute("href")!;
        var response = await client.GetAsync(link, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal($"vulnerable-adolescents-index-{Today:yyyy-MM-dd}.xlsx", response.Content.Headers.ContentDisposition!.FileName?.Trim('"'));

        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync(Ct));
        using var document = SpreadsheetDocument.Open(stream, false);
        var workbook = document.WorkbookPart!;
        var sheet = workbook.Workbook.Descendants<Sheet>().Single();
        Assert.Equal("Index", sheet.Name?.Value);
        var worksheet = ((WorksheetPart)workbook.GetPartById(sheet.Id!)).Worksheet;
        var pane = worksheet.Descendants<Pane>().Single();
        Assert.Equal(PaneStateValues.Frozen, pane.State?.Value);
        Assert.Equal("A2", pane.TopLeftCell?.Value);
        var rows = worksheet.Descendants<Row>().ToList();
        string Text(Cell c) => c.DataType?.Value == CellValues.InlineString ? c.InlineString!.InnerText : c.CellValue?.Text ?? "";
        Assert.Equal(IndexList.ExportHeaders, rows[0].Elements<Cell>().Select(Text).ToArray());
        Assert.Equal(References(page).Count + 1, rows.Count);
        Assert.Equal(References(page), rows.Skip(1).Select(r => Text(r.Elements<Cell>().First())).ToList());
        var mine = rows.Single(r => Text(r.Elements<Cell>().First()) == person.Reference).Elements<Cell>().ToList();
        Assert.Equal(person.Name, Text(mine[1]));
        Assert.Equal(Age.On(new DateOnly(2010, 3, 27), Today).ToString(), Text(mine[2]));
        Assert.Equal(CellValues.Number, mine[2].DataType?.Value);
        Assert.Equal("High", Text(mine[6]));
        Assert.True(await App.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == AuditAction.Export && e.EntityType == "index" && e.Details!.Contains("\"xlsx\""), Ct)));
    }

    [Fact]
    public async Task The_board_summary_shows_the_sentences_and_the_rounding_rule_and_no_names_to_an_analyst()
    {
        var person = await NewPersonAsync();
        await FlagAsync(person, "gangs");
        await FlagAsync(person, "yot", level: "High");
        var response = await (await App.SignedInAsync("analyst")).GetAsync("/insights/vulnerable-adolescents", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync(Ct);
        Assert.DoesNotContain(person.First, html);
        Assert.DoesNotContain(person.Last, html);
        Assert.DoesNotContain(person.Reference, html);
        var page = SignedInClient.ParseHtml(html);

        IndexSummaryReport report;
        using (var scope = App.Services.CreateScope())
            report = await scope.ServiceProvider.GetRequiredService<IndexRecords>().SummaryAsync(Today, Ct);
        Assert.True(report.Aged11To17 >= 1);
        var sentences = report.Sentences().ToList();
        Assert.Equal($"Of the {report.Aged11To17} young people (11–17):", page.GetElementById("summary-lead")!.TextContent.Trim());
        Assert.Equal(sentences.Skip(1), page.QuerySelectorAll("#summary li").Select(li => li.TextContent.Trim()));
        Assert.Matches(@"^\d+ \(\d+(\.\d)?%\) are also open to YOT \(\d+ assessed as High Risk\)$", page.QuerySelector("#summary li")!.TextContent.Trim());
        Assert.Equal(BoardPercent.Rule, page.GetElementById("rounding")!.TextContent.Trim());
        Assert.Equal(report.Aged11To17.ToString(), page.GetElementById("aged-11-to-17")!.TextContent.Trim());
        Assert.Equal(report.Aged18LeavingCare.ToString(), page.GetElementById("aged-18")!.TextContent.Trim());
        var gangs = page.QuerySelector("#flags tr[data-flag=gangs]")!.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToList();
        var line = report.Flags.Single(l => l.Flag == "gangs");
        Assert.Equal([line.Count.ToString(), line.Percent.ToString(), line.AlsoOpenToYot.ToString()], gangs);

        // Insights links to it; a wrong date is said.
        var insights = await (await App.SignedInAsync("analyst")).GetDocumentAsync("/insights");
        Assert.NotNull(insights.QuerySelector("a[href='/insights/vulnerable-adolescents']"));
        var wrong = await (await App.SignedInAsync("team-manager")).GetDocumentAsync("/insights/vulnerable-adolescents?date=2026-02-30");
        Assert.Equal(["The date must be a real date, like 27 3 2026"], wrong.ErrorSummary());
    }

    [Fact]
    public async Task Adding_an_entry_without_a_reason_shows_the_error_summary()
    {
        var person = await NewPersonAsync();
        var client = await App.SignedInAsync("practitioner");
        var form = await client.GetDocumentAsync($"/people/{person.Id}/index/add");
        Assert.Equal(Today.Day.ToString(), form.QuerySelector("input[name='startDate.Day']")!.GetAttribute("value"));

        var response = await client.PostFormAsync($"/people/{person.Id}/index/add", [F("reason", " "), .. Date("startDate", Today)]);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadDocumentAsync();
        Assert.Equal(["Enter why the young person is at risk of or vulnerable to exploitation"], page.ErrorSummary());
        Assert.Equal("#reason", page.QuerySelector(".govuk-error-summary a")!.GetAttribute("href"));
        Assert.NotNull(page.GetElementById("reason-error"));
        Assert.StartsWith("Error:", page.Title);

        var both = await (await client.PostFormAsync($"/people/{person.Id}/index/add", [F("reason", ""), F("startDate.Day", "40"), F("startDate.Month", "1"), F("startDate.Year", "2026")])).ReadDocumentAsync();
        Assert.Equal(["Enter why the young person is at risk of or vulnerable to exploitation", "The start date must be a real date, like 27 3 2010"], both.ErrorSummary());

        // Added, they are on the index by a practitioner's decision; a second entry is refused.
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync($"/people/{person.Id}/index/add", [F("reason", "Going missing with older peers"), .. Date("startDate", Today)])).StatusCode);
        var index = await client.GetDocumentAsync("/vulnerable-adolescents");
        Assert.Contains("Added by a practitioner: Going missing with older peers", Row(index, person)!.TextContent);
        var again = await (await client.PostFormAsync($"/people/{person.Id}/index/add", [F("reason", "Again"), .. Date("startDate", Today)])).ReadDocumentAsync();
        Assert.Equal(["The young person is already on the index by a practitioner’s decision"], again.ErrorSummary());

        // Someone who may not see the record cannot add them.
        var police = await App.SignedInAsync("police-practitioner");
        Assert.Equal(HttpStatusCode.NotFound, (await police.GetAsync($"/people/{person.Id}/index/add", Ct)).StatusCode);
    }

    [Fact]
    public async Task Ending_an_entry_takes_them_off_the_index_from_the_day_after()
    {
        var person = await NewPersonAsync();
        var client = await App.SignedInAsync("practitioner");
        var added = await client.PostFormAsync($"/people/{person.Id}/index/add", [F("reason", "Concerns at school"), .. Date("startDate", Today.AddDays(-7))]);
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.Equal($"/people/{person.Id}#index", added.Headers.Location!.OriginalString);
        var entryId = await App.WithDbAsync(db => db.IndexEntries.Where(e => e.PersonId == Guid.Parse(person.Id)).Select(e => e.Id).SingleAsync(Ct));
        var url = $"/people/{person.Id}/index/{entryId}/end";

        var missing = await (await client.PostFormAsync(url, [.. Date("endDate", Today.AddDays(-1)), F("reason", "")])).ReadDocumentAsync();
        Assert.Equal(["Enter why they left the index"], missing.ErrorSummary());
        var ended = await client.PostFormAsync(url, [.. Date("endDate", Today.AddDays(-1)), F("reason", "Settled at a new school")]);
        Assert.Equal(HttpStatusCode.Redirect, ended.StatusCode);

        var entry = await App.WithDbAsync(db => db.IndexEntries.SingleAsync(e => e.Id == entryId, Ct));
        Assert.Equal(Today.AddDays(-1), entry.EndDate);
        Assert.Equal("Settled at a new school", entry.EndReason);
        Assert.Null(Row(await client.GetDocumentAsync("/vulnerable-adolescents"), person));
        var before = Row(await client.GetDocumentAsync($"/vulnerable-adolescents?date={Today.AddDays(-3):yyyy-MM-dd}"), person);
        Assert.NotNull(before);
        Assert.Contains("Concerns at school", before.TextContent);
        Assert.Contains("This entry has already ended", (await client.GetDocumentAsync(url)).Body!.TextContent);

        // Not found through another young person's record, or for an uninvolved agency.
        var other = await NewPersonAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/people/{other.Id}/index/{entryId}/end", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await App.SignedInAsync("police-practitioner")).GetAsync(url, Ct)).StatusCode);
    }
}

public sealed class IndexPagesTests_Sqlite(SqliteApp fixture) : IndexPagesTests(fixture), IClassFixture<SqliteApp>;

public sealed class IndexPagesTests_Postgres(PostgresApp fixture) : IndexPagesTests(fixture), IClassFixture<PostgresApp>;
