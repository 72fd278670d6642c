using System.Net;
using System.Text;
using AngleSharp.Dom;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.EntityFrameworkCore;
using Sightline.Core.Dashboard;
using Sightline.Core.Performance;
using Sightline.TestKit;
using Sightline.Web.Pages.Insights;

using Sightline.Web.Tests.Support;

namespace Sightline.Web.Tests;

/// <summary>
/// The dashboard and strategic assessment pages and their downloads on a small hand-made dataset: four boroughs
/// with 36 months of robbery (Sep 2015 – Aug 2018) rising by one a month from a base per borough (Harrow 5, Barnet 10,
/// Brent 20, Camden 30), and a 2015 population of 100,000 each (so a 2017 dashboard uses the nearest year, 2015).
/// </summary>
public abstract class DashboardPagesTests(AppFixture fixture)
{
    private SightlineFactory App => fixture.App;
    private CancellationToken Ct => TestContext.Current.CancellationToken;

    internal static readonly YearMonth First = new(2015, 9);
    private static readonly Dictionary<string, int> Base = new() { ["Barnet"] = 10, ["Brent"] = 20, ["Camden"] = 30, ["Harrow"] = 5 };

    internal static int CountOf(string area, YearMonth month) => Base[area] + First.MonthsUntil(month);

    private Task SeedAsync() => RobberyData.SeedAsync(App, First, CountOf, populationYear: 2015, Ct);

    private async Task<HttpClient> ClientAsync(string who = "analyst")
    {
        await SeedAsync();
        return await App.SignedInAsync(who);
    }

    // An indicator's name cell also holds its "Source rows" link, which is left out.
    private static List<string> Cells(IElement row) =>
        row.QuerySelectorAll("th, td").Select(c => (c.QuerySelector(".sl-source-link") is { } link ? c.TextContent.Replace(link.TextContent, "") : c.TextContent).Trim()).ToList();

    [Fact]
    public async Task The_dashboard_shows_volumes_changes_rates_ranks_rag_and_the_rules()
    {
        var client = await ClientAsync();
        var page = await client.GetDocumentAsync("/insights/dashboard?area=barnet&month=2017-08");
        Assert.Empty(page.ErrorSummary());
        Assert.Contains("Barnet, Aug 2017", page.QuerySelector("h1")!.TextContent);
        Assert.Equal("Barnet: indicators for Aug 2017", page.QuerySelector("#dashboard caption")!.TextContent.Trim());
        Assert.NotNull(page.QuerySelector("#dashboard th[scope=col]"));

        // Robbery: recent quarter 96 against 60 (+60.0%), rolling 12 330 against 186 (+77.4%), 3.30 per 1,000,
        // 2nd of the 4 London boroughs with data and of the 3 in the similar group with data; rising crime: Red.
        var robbery = Cells(page.GetElementById("row-robbery")!);
        Assert.StartsWith("Robbery", robbery[0]);
        Assert.Contains("Source: Metropolitan Police borough files", robbery[0]);
        Assert.Contains("96", robbery[1]);
        Assert.Contains("+60.0%", robbery[1]);
        Assert.Contains("330", robbery[2]);
        Assert.Contains("+77.4%", robbery[2]);
        Assert.Contains("3.30", robbery[3]);
        Assert.Contains("per 1,000 population", robbery[3]);
        Assert.Equal("2/4", robbery[4]);
        Assert.Equal("2/3", robbery[5]);
        Assert.Contains("Aug 2017: 33", robbery[6]);
        Assert.Contains("Jul 2017: 32", robbery[6]);
        Assert.Contains("Jun 2017: 31", robbery[6]);
        var rag = page.QuerySelector("#row-robbery .govuk-tag")!;
        Assert.Equal("Red", rag.TextContent.Trim());
        Assert.Contains("govuk-tag--red", rag.ClassName);
        Assert.Contains("2nd lowest of all 4 boroughs", robbery[7]);

        // Residential burglary is per 1,000 households; with no rows it has no data and no rating.
        var burglary = Cells(page.GetElementById("row-residential-burglary")!);
        Assert.Contains("per 1,000 households", burglary[3]);
        Assert.Contains("No data", burglary[1]);
        Assert.Contains("No rating", burglary[7]);

        Assert.Equal(Rag.Rule, page.GetElementById("rule-rag")!.TextContent.Trim());
        Assert.Equal(MonthlyExceptions.Method, page.GetElementById("rule-exceptions")!.TextContent.Trim());
        Assert.Equal(Change.Rule, page.GetElementById("rule-change")!.TextContent.Trim());
        Assert.Equal(PeerRanks.Rule, page.GetElementById("rule-rank")!.TextContent.Trim());
        Assert.Equal("Rates use the 2015 population: the nearest year to 2017 with an estimate.", page.GetElementById("population-note")!.TextContent.Trim());
        Assert.Equal("Contains public sector information licensed under the Open Government Licence v3.0.", page.GetElementById("attribution")!.TextContent.Trim());

        Assert.Equal("/insights/dashboard?area=Barnet&month=2017-07&chart=mopac7", page.GetElementById("previous-month")!.GetAttribute("href"));
        Assert.Equal("/insights/dashboard?area=Barnet&month=2017-09&chart=mopac7", page.GetElementById("next-month")!.GetAttribute("href"));
        Assert.StartsWith("/insights/strategic-assessment?area=Barnet&years=", page.GetElementById("strategic-link")!.GetAttribute("href"));
        Assert.Equal("Barnet", page.QuerySelector("#area option[selected]")!.GetAttribute("value"));
    }

    [Fact]
    public async Task The_trend_chart_is_an_accessible_svg_with_a_table_view()
    {
        var client = await ClientAsync("team-manager");
        var page = await client.GetDocumentAsync("/insights/dashboard?area=Barnet&month=2017-08&chart=robbery");
        var svg = page.QuerySelector("svg.sl-trend")!;
        Assert.Equal("img", svg.GetAttribute("role"));
        Assert.Contains("Robbery in Barnet", svg.QuerySelector("title")!.TextContent);
        Assert.NotEmpty(svg.QuerySelector("desc")!.TextContent);
        Assert.Equal(2, svg.QuerySelectorAll("polyline").Length);
        var rows = page.QuerySelectorAll("#trend-table tbody tr").Select(Cells).ToList();
        Assert.Equal(12, rows.Count);
        Assert.Equal(["Sep 2016", "22", "10"], rows[0]);
        Assert.Equal(["Aug 2017", "33", "21"], rows[^1]);
        Assert.Equal("Show the chart as a table", page.QuerySelector("details summary")!.TextContent.Trim());
    }

    [Fact]
    public async Task Without_a_month_the_latest_complete_month_is_shown()
    {
        var client = await ClientAsync("senior-manager");
        var page = await client.GetDocumentAsync("/insights/dashboard");
        Assert.Contains("Barnet, Aug 2018", page.QuerySelector("h1")!.TextContent);
        Assert.Equal("2018-08", page.QuerySelector("input[name=month]")!.GetAttribute("value"));
    }

    [Fact]
    public async Task A_bad_month_shows_an_error_summary_and_an_area_without_data_says_so()
    {
        var client = await ClientAsync();
        var response = await client.GetAsync("/insights/dashboard?area=Barnet&month=2017-13", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadDocumentAsync();
        Assert.Equal(["Enter the month as a year and month, for example 2017-08"], page.ErrorSummary());
        Assert.Null(page.GetElementById("dashboard"));

        var unknown = await client.GetDocumentAsync("/insights/dashboard?area=Atlantis");
        Assert.Contains(unknown.ErrorSummary(), e => e.Contains("Atlantis"));

        var empty = await client.GetDocumentAsync("/insights/dashboard?area=Enfield");
        var noData = empty.GetElementById("no-data")!;
        Assert.Contains("There is no crime data for Enfield yet", noData.TextContent);
        Assert.Contains("./sightline import mps-borough", noData.TextContent);
        Assert.Null(empty.GetElementById("dashboard"));

        // The downloads send a bad query back to the page.
        var csv = await client.GetAsync("/insights/dashboard/export.csv?area=Barnet&month=2017-13", Ct);
        Assert.Equal(HttpStatusCode.Redirect, csv.StatusCode);
        Assert.Equal("/insights/dashboard?area=Barnet&month=2017-13", csv.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Practitioners_are_refused()
    {
        var client = await ClientAsync("practitioner");
        foreach (var url in new[] { "/insights/dashboard", "/insights/strategic-assessment", "/insights/dashboard/export.csv", "/insights/strategic-assessment/export.xlsx" })
        {
            var response = await client.GetAsync(url, Ct);
            var location = response.Headers.Location?.OriginalString ?? "";
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden || (response.StatusCode == HttpStatusCode.Redirect && location.Contains("/access-denied")),
                $"{url}: {response.StatusCode} {location}");
        }
    }

    [Fact]
    public async Task The_strategic_assessment_shows_volumes_by_financial_year_and_the_computed_percentages()
    {
        var client = await ClientAsync();
        var page = await client.GetDocumentAsync("/insights/strategic-assessment?area=Barnet&years=2011,2016,2017");
        Assert.Empty(page.ErrorSummary());
        var headers = page.QuerySelectorAll("#strategic thead th").Select(h => h.TextContent.Trim()).ToList();
        Assert.Equal(["Indicator", "2011/12", "2016/17", "2017/18", "% change 2016/17 to 2017/18", "% change 2012/13 to 2017/18"], headers);
        // 2016/17: 12 × 10 + (7 + … + 18) = 270; 2017/18: 120 + (19 + … + 30) = 414; +53.3%. 2011/12 and 2012/13 have no data.
        Assert.Equal(["Robbery", "No data", "270", "414", "+53.3%", "No data"], Cells(page.GetElementById("row-robbery")!));
        Assert.Equal(StrategicAssessment.Rule, page.GetElementById("rule-strategic")!.TextContent.Trim());
        Assert.NotNull(page.GetElementById("attribution"));

        var bad = await client.GetDocumentAsync("/insights/strategic-assessment?area=Barnet&years=2016,soon");
        Assert.Contains(bad.ErrorSummary(), e => e.Contains("'soon' is not one"));
        Assert.Null(bad.GetElementById("strategic"));
    }

    [Fact]
    public async Task The_tables_download_as_csv()
    {
        var client = await ClientAsync();
        var page = await client.GetDocumentAsync("/insights/dashboard?area=Barnet&month=2017-08");
        var response = await client.GetAsync(page.GetElementById("export-csv")!.GetAttribute("href")!, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("dashboard-barnet-2017-08.csv", response.Content.Headers.ContentDisposition!.FileName?.Trim('"'));
        var lines = Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync(Ct)).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(string.Join(',', PerformanceTables.DashboardHeaders), lines[0]);
        Assert.Equal(Indicators.All.Count + 1, lines.Length);
        Assert.StartsWith("Barnet,2017-08,Robbery,96,60,60,330,186,77.4,3.3,per 1,000 population,2015,2,4,2,3,2017-08,33,", lines.Single(l => l.Contains(",Robbery,")).Replace("\"", ""));

        var strategic = await client.GetDocumentAsync("/insights/strategic-assessment?area=Barnet&years=2016,2017");
        response = await client.GetAsync(strategic.GetElementById("export-csv")!.GetAttribute("href")!, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        lines = Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync(Ct)).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("Area,Indicator,2016/17,2017/18,% change 2016/17 to 2017/18,% change 2012/13 to 2017/18,Source", lines[0]);
        Assert.Contains("Barnet,Robbery,270,414,53.3,,Metropolitan Police borough files", lines);
    }

    [Fact]
    public async Task The_tables_download_as_excel()
    {
        var client = await ClientAsync("senior-manager");
        foreach (var (url, sheetName, firstHeader) in new[]
        {
            ("/insights/dashboard/export.xlsx?area=Barnet&month=2017-08", "Dashboard", "Area"),
            ("/insights/strategic-assessment/export.xlsx?area=Barnet&years=2016,2017", "Strategic assessment", "Area"),
        })
        {
            var response = await client.GetAsync(url, Ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType!.MediaType);
            using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync(Ct));
            using var document = SpreadsheetDocument.Open(stream, false);
            var workbook = document.WorkbookPart!;
            var sheet = workbook.Workbook.Descendants<Sheet>().Single();
            Assert.Equal(sheetName, sheet.Name?.Value);
            var rows = ((WorksheetPart)workbook.GetPartById(sheet.Id!)).Worksheet.Descendants<Row>().ToList();
            string Text(Cell c) => c.DataType?.Value == CellValues.InlineString ? c.InlineString!.InnerText : c.CellValue?.Text ?? "";
            Assert.Equal(firstHeader, Text(rows[0].Elements<Cell>().First()));
            Assert.Equal(Indicators.All.Count + 1, rows.Count);
            var robbery = rows.Single(r => r.Elements<Cell>().Skip(url.Contains("dashboard") ? 2 : 1).Select(Text).First() == "Robbery").Elements<Cell>().ToList();
            var volume = robbery[url.Contains("dashboard") ? 6 : 3];
            Assert.Equal(CellValues.Number, volume.DataType?.Value);
            Assert.Equal(url.Contains("dashboard") ? "330" : "414", Text(volume));
        }
    }
}

public sealed class DashboardPagesTests_Sqlite(SqliteApp fixture) : DashboardPagesTests(fixture), IClassFixture<SqliteApp>;

public sealed class DashboardPagesTests_Postgres(PostgresApp fixture) : DashboardPagesTests(fixture), IClassFixture<PostgresApp>;
