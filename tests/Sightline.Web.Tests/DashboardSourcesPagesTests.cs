using System.Net;
using System.Text;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sightline.Core.Dashboard;
using Sightline.Core.Performance;
using Sightline.TestKit;
using Sightline.Web.Pages.Insights;
using Sightline.Web.Tests.Support;

namespace Sightline.Web.Tests;

/// <summary>
/// The sources page behind a dashboard row, and the partner measures on the dashboard, on the hand-made robbery
/// dataset of <see cref="DashboardPagesTests"/> (stored directly, so its rows were "imported before runs were traced").
/// </summary>
public abstract class DashboardSourcesPagesTests(AppFixture fixture)
{
    private SightlineFactory App => fixture.App;
    private CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<HttpClient> ClientAsync(string who = "analyst")
    {
        await RobberyData.SeedAsync(App, DashboardPagesTests.First, DashboardPagesTests.CountOf, populationYear: 2015, Ct);
        return await App.SignedInAsync(who);
    }

    private static string Text(IElement? element) => element!.TextContent.Trim();

    [Fact]
    public async Task The_sources_page_totals_are_the_dashboard_figures()
    {
        var client = await ClientAsync("team-manager");
        var dashboard = await client.GetDocumentAsync("/insights/dashboard?area=Barnet&month=2017-08");
        var link = dashboard.QuerySelector("#row-robbery .sl-source-link")!;
        Assert.Equal("/insights/dashboard/sources?area=Barnet&indicator=robbery&month=2017-08&source=mps-borough", link.GetAttribute("href"));
        Assert.Equal("Source rows for Robbery", Text(link));

        var page = await client.GetDocumentAsync(link.GetAttribute("href")!);
        Assert.Empty(page.ErrorSummary());
        Assert.Contains("Robbery, Barnet, Aug 2017", Text(page.QuerySelector("h1")));

        PerformanceDashboard built;
        using (var scope = App.Services.CreateScope())
            built = (await scope.ServiceProvider.GetRequiredService<DashboardQueries>().BuildAsync("Barnet", new YearMonth(2017, 8), Ct))!;
        var robbery = built.Indicators.Single(i => i.Indicator.Key == "robbery");
        long?[] expected = [robbery.RecentQuarter.Volume, robbery.RecentQuarter.PreviousVolume, robbery.Rolling12.Volume, robbery.Rolling12.PreviousVolume];
        Assert.Equal([96L, 60L, 330L, 186L], expected);
        Assert.Equal(expected.Select(PerformanceTables.Number), Enumerable.Range(0, 4).Select(i => Text(page.GetElementById($"total-{i}"))));

        // Rows: month, source, category, subcategory, count, file, SHA-256, time.
        var rows = page.QuerySelectorAll("#period-0 tbody tr").Select(r => r.QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToList()).ToList();
        Assert.Equal(4, rows.Count); // three months and the total
        Assert.Equal(["Jun 2017", "mps-borough", "Robbery", "Robbery of personal property", "31", "Imported before runs were traced", "", ""], rows[0]);
    }

    [Fact]
    public async Task The_sources_page_follows_the_source_the_dashboard_row_used()
    {
        var client = await ClientAsync();
        await App.WithDbAsync(async db =>
        {
            var barnet = await db.Areas.SingleAsync(a => a.Name == "Barnet", Ct);
            if (!await db.CrimeCounts.AnyAsync(c => c.Source == PerformanceImports.PoliceUkSource && c.AreaId == barnet.Id && c.Month == 201708, Ct))
            {
                db.CrimeCounts.Add(new CrimeCount { Source = PerformanceImports.PoliceUkSource, AreaId = barnet.Id, Month = 201708, Category = "Robbery", Subcategory = "", Count = 7 });
                await db.SaveChangesAsync(Ct);
            }
        });

        var page = await client.GetDocumentAsync("/insights/dashboard/sources?area=Barnet&indicator=robbery&month=2017-08&source=police-uk");
        Assert.Empty(page.ErrorSummary());
        Assert.Equal($"Source: {Indicators.SourceName(PerformanceImports.PoliceUkSource)}", Text(page.GetElementById("source")));
        var rows = page.QuerySelectorAll("#period-0 tbody tr").Select(r => r.QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToList()).ToList();
        Assert.Contains(rows, r => r.Count > 4 && r[0] == "Aug 2017" && r[1] == "police-uk" && r[4] == "7");
        Assert.DoesNotContain(rows, r => r.Count > 1 && r[1] == "mps-borough");
        Assert.Contains("police-uk", page.GetElementById("export-csv")!.GetAttribute("href"));

        var unknown = await client.GetDocumentAsync("/insights/dashboard/sources?area=Barnet&indicator=robbery&month=2017-08&source=rumour");
        Assert.Contains(unknown.ErrorSummary(), e => e.Contains("not a source"));
    }

    [Fact]
    public async Task The_sources_download_as_csv_and_a_bad_query_shows_an_error()
    {
        var client = await ClientAsync();
        var csv = await client.GetAsync("/insights/dashboard/sources.csv?area=Barnet&indicator=robbery&month=2017-08", Ct);
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        var lines = Encoding.UTF8.GetString(await csv.Content.ReadAsByteArrayAsync(Ct)).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("Period,Month,Source,Category,Subcategory,Count,File,SHA-256 (first 12),Imported at", lines[0]);
        Assert.Equal(1 + (3 + 1) * 2 + (12 + 1) * 2, lines.Length);
        Assert.Contains("Recent quarter,Jun 2017 – Aug 2017,,Total,,96,,,", lines);
        Assert.Contains("The 12 months before,Sep 2015 – Aug 2016,,Total,,186,,,", lines);

        var bad = await client.GetDocumentAsync("/insights/dashboard/sources?area=Barnet&indicator=broken-windows&month=2017-13");
        Assert.Equal(["Choose an indicator from the list", "Enter the month as a year and month, for example 2017-08"], bad.ErrorSummary());
        Assert.Null(bad.GetElementById("totals"));
        var badCsv = await client.GetAsync("/insights/dashboard/sources.csv?area=Atlantis&indicator=robbery&month=2017-08", Ct);
        Assert.Equal(HttpStatusCode.Redirect, badCsv.StatusCode);
        var unknown = await client.GetDocumentAsync("/insights/dashboard/sources?area=Atlantis&indicator=robbery&month=2017-08");
        Assert.Contains(unknown.ErrorSummary(), e => e.Contains("Atlantis"));
    }

    [Fact]
    public async Task Partner_measures_show_on_the_dashboard_with_the_year_before_and_download()
    {
        var client = await ClientAsync("senior-manager");
        var path = Path.Combine(Path.GetTempPath(), $"partner-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(path,
            "area,indicator,period,value\n" +
            "Harrow,repeat-asb-calls,2017-Q2,120\nHarrow,repeat-asb-calls,2016-Q2,150\n" +
            "Harrow,survey-confidence,2017-Q2,70\nHarrow,survey-confidence,2016-Q2,75.5\n" +
            "Harrow,reoffending-rate,2017-Q4,20\n", Ct);
        try
        {
            using var scope = App.Services.CreateScope();
            var outcome = await scope.ServiceProvider.GetRequiredService<PerformanceImports>().ImportIndicatorsAsync(path, cancellationToken: Ct);
            Assert.Equal(5, outcome.Imported + outcome.Unchanged);
        }
        finally
        {
            File.Delete(path);
        }

        var page = await client.GetDocumentAsync("/insights/dashboard?area=Harrow&month=2017-08");
        string[] cells(string id) => page.GetElementById(id)!.QuerySelectorAll("th, td").Select(c => c.TextContent.Trim()).ToArray();
        var asb = cells("partner-repeat-asb-calls");
        Assert.Equal(["2017-Q2", "120", "150", "-30", "Better"], asb[1..6]);
        Assert.Equal(Path.GetFileName(path), asb[6]);
        Assert.Equal(["2017-Q2", "70.0%", "75.5%", "-5.5 points", "Worse"], cells("partner-survey-confidence")[1..6]);
        Assert.Null(page.GetElementById("partner-reoffending-rate")); // 2017-Q4 had not ended by Aug 2017

        var csv = await client.GetStringAsync(page.GetElementById("partner-measures-csv")!.GetAttribute("href"), Ct);
        Assert.Contains("Repeat anti-social behaviour calls,repeat-asb-calls,2017-Q2,120,150,-30,Better,lower is better,", csv);

        var none = await client.GetDocumentAsync("/insights/dashboard?area=Barnet&month=2017-08");
        Assert.NotNull(none.GetElementById("no-partner-measures"));
    }
}

public sealed class DashboardSourcesPagesTests_Sqlite(SqliteApp fixture) : DashboardSourcesPagesTests(fixture), IClassFixture<SqliteApp>;

public sealed class DashboardSourcesPagesTests_Postgres(PostgresApp fixture) : DashboardSourcesPagesTests(fixture), IClassFixture<PostgresApp>;
