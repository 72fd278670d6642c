using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Sightline.Core.Dashboard;
using Sightline.Core.Performance;
using Sightline.TestKit;

using Sightline.Web.Tests.Support;

namespace Sightline.Web.Tests;

/// <summary>
/// Which source each indicator comes from, comparing with a chosen group, and the rank chart, on hand-made data:
/// MPS robbery for Barnet, Brent, Camden and Harrow (Sep 2015 – Aug 2018, base Harrow 5, Barnet 10, Brent 20,
/// Camden 30, population 100,000); police.uk robbery for Barnet and Enfield (which has no MPS figures) and police.uk
/// burglary (of which MPS has none) for the four boroughs, constant per borough: Harrow 1, Brent 3, Barnet 7, Camden 9.
/// </summary>
public abstract class DashboardSourcesTests(AppFixture fixture)
{
    private SightlineFactory App => fixture.App;
    private CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly YearMonth First = new(2015, 9);
    private static readonly Dictionary<string, int> Base = new() { ["Barnet"] = 10, ["Brent"] = 20, ["Camden"] = 30, ["Harrow"] = 5 };
    private static readonly Dictionary<string, int> PoliceUkBurglary = new() { ["Barnet"] = 7, ["Brent"] = 3, ["Camden"] = 9, ["Harrow"] = 1 };
    private static readonly SemaphoreSlim Seeding = new(1, 1);
    private const string PairKey = "barnet-and-camden";

    private static int CountOf(string area, YearMonth month) => Base[area] + First.MonthsUntil(month) % 3;

    private async Task SeedAsync()
    {
        await RobberyData.SeedAsync(App, First, CountOf, populationYear: 2017, Ct);
        await Seeding.WaitAsync(Ct);
        try
        {
            await App.WithDbAsync(async db =>
            {
                if (await db.CrimeCounts.AnyAsync(c => c.Source == PerformanceImports.PoliceUkSource, Ct)) return;
                var names = RobberyData.Boroughs.Append("Enfield").ToList();
                var areas = await db.Areas.Where(a => names.Contains(a.Name)).ToDictionaryAsync(a => a.Name, Ct);
                db.PopulationEstimates.Add(new PopulationEstimate { AreaId = areas["Enfield"].Id, Year = 2017, Count = 100_000 });
                void Add(string area, string type, int count, YearMonth month) => db.CrimeCounts.Add(new CrimeCount
                {
                    Source = PerformanceImports.PoliceUkSource, AreaId = areas[area].Id, Month = month.ToYyyyMm(), Category = type, Subcategory = "", Count = count,
                });
                for (var i = 0; i < 36; i++)
                {
                    var month = First.AddMonths(i);
                    foreach (var (area, count) in PoliceUkBurglary) Add(area, "Burglary", count, month);
                    Add("Barnet", "Robbery", 1, month);
                    Add("Enfield", "Robbery", 2, month);
                }
                db.AreaGroups.Add(new AreaGroup
                {
                    Key = PairKey, Name = "Barnet and Camden",
                    Members = [new AreaGroupMember { AreaId = areas["Barnet"].Id }, new AreaGroupMember { AreaId = areas["Camden"].Id }],
                });
                await db.SaveChangesAsync(Ct);
            });
        }
        finally
        {
            Seeding.Release();
        }
    }

    private async Task<(HttpStatusCode Status, JsonElement Body)> GetAsync(string url)
    {
        await SeedAsync();
        return await App.GetJsonAsync("analyst", url, Ct);
    }

    private static JsonElement Indicator(JsonElement body, string key) =>
        body.GetProperty("indicators").EnumerateArray().Single(i => i.GetProperty("key").GetString() == key);

    [Fact]
    public async Task The_configured_source_wins_and_the_next_is_used_where_it_has_no_data()
    {
        var (status, body) = await GetAsync("/api/v1/dashboard?area=Barnet&month=2017-08");
        Assert.True(status == HttpStatusCode.OK, body.ToString());
        // Robbery: both sources have Barnet; MPS comes first (its volumes, not police.uk's 12 a year).
        var robbery = Indicator(body, "robbery");
        Assert.Equal(PerformanceImports.MpsBoroughSource, robbery.GetProperty("source").GetString());
        Assert.Equal("Metropolitan Police borough files", robbery.GetProperty("sourceName").GetString());
        Assert.Equal(Enumerable.Range(0, 12).Sum(i => CountOf("Barnet", new YearMonth(2017, 8).AddMonths(-i))), robbery.GetProperty("rolling12").GetProperty("volume").GetInt64());
        // Burglary: MPS has none here, so police.uk's: 7 a month, 0.84 per 1,000; 3rd lowest of the 4 boroughs with data.
        var burglary = Indicator(body, "burglary");
        Assert.Equal(PerformanceImports.PoliceUkSource, burglary.GetProperty("source").GetString());
        Assert.Equal(84, burglary.GetProperty("rolling12").GetProperty("volume").GetInt64());
        Assert.Equal(0.84, burglary.GetProperty("ratePer1000").GetDouble());
        Assert.Equal(3, burglary.GetProperty("londonRank").GetProperty("rank").GetInt32());
        Assert.Equal(4, burglary.GetProperty("londonRank").GetProperty("of").GetInt32());
        // A police.uk-only indicator with no data stays police.uk's and says "no data".
        var shoplifting = Indicator(body, "shoplifting");
        Assert.Equal(PerformanceImports.PoliceUkSource, shoplifting.GetProperty("source").GetString());
        Assert.Equal(JsonValueKind.Null, shoplifting.GetProperty("rolling12").GetProperty("volume").ValueKind);

        // Enfield has only police.uk robbery: the next source is used.
        (status, body) = await GetAsync("/api/v1/dashboard?area=Enfield&month=2017-08");
        Assert.True(status == HttpStatusCode.OK, body.ToString());
        robbery = Indicator(body, "robbery");
        Assert.Equal(PerformanceImports.PoliceUkSource, robbery.GetProperty("source").GetString());
        Assert.Equal(24, robbery.GetProperty("rolling12").GetProperty("volume").GetInt64());
        // ... and its default month comes from police.uk's complete months (Sep 2015 – Aug 2018).
        (_, body) = await GetAsync("/api/v1/dashboard?area=Enfield");
        Assert.Equal("2018-08", body.GetProperty("month").GetString());
    }

    [Fact]
    public async Task The_similar_group_rank_is_over_the_chosen_group()
    {
        // Default: Barnet's own most similar group (Barnet, Brent and Harrow have data): 2nd of 3.
        var (_, body) = await GetAsync("/api/v1/dashboard?area=Barnet&month=2017-08");
        Assert.Equal("barnet-msg", body.GetProperty("similarGroupKey").GetString());
        Assert.Equal(2, Indicator(body, "robbery").GetProperty("similarGroupRank").GetProperty("rank").GetInt32());
        Assert.Equal(3, Indicator(body, "robbery").GetProperty("similarGroupRank").GetProperty("of").GetInt32());

        // Barnet and Camden: 1st of 2.
        (var status, body) = await GetAsync($"/api/v1/dashboard?area=Barnet&month=2017-08&group={PairKey}");
        Assert.True(status == HttpStatusCode.OK, body.ToString());
        Assert.Equal("Barnet and Camden", body.GetProperty("similarGroup").GetString());
        var rank = Indicator(body, "robbery").GetProperty("similarGroupRank");
        Assert.Equal((1, 2), (rank.GetProperty("rank").GetInt32(), rank.GetProperty("of").GetInt32()));
        // The London rank does not change: Harrow is lower.
        Assert.Equal(2, Indicator(body, "robbery").GetProperty("londonRank").GetProperty("rank").GetInt32());

        (status, body) = await GetAsync("/api/v1/dashboard?area=Barnet&group=atlantis");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.True(body.GetProperty("errors").TryGetProperty("group", out _), body.ToString());
    }

    [Fact]
    public async Task The_api_gives_the_rank_history_of_the_last_12_months()
    {
        var (_, body) = await GetAsync($"/api/v1/dashboard?area=Barnet&month=2017-08&group={PairKey}");
        var history = Indicator(body, "robbery").GetProperty("rankHistory").EnumerateArray().ToList();
        Assert.Equal(Enumerable.Range(0, 12).Select(i => new YearMonth(2016, 9).AddMonths(i).ToString()), history.Select(p => p.GetProperty("month").GetString()));
        Assert.All(history, p => Assert.Equal(2, p.GetProperty("londonRank").GetProperty("rank").GetInt32()));
        Assert.All(history, p => Assert.Equal(1, p.GetProperty("similarGroupRank").GetProperty("rank").GetInt32()));
        // Sep 2016's rolling 12 months start in Oct 2015: every month has data. The months before the data have none.
        (_, body) = await GetAsync("/api/v1/dashboard?area=Barnet&month=2016-12");
        var early = Indicator(body, "robbery").GetProperty("rankHistory").EnumerateArray().ToList();
        Assert.Equal(JsonValueKind.Null, early[0].GetProperty("londonRank").ValueKind); // Jan 2016: its 12 months start in Feb 2015
        Assert.Equal(2, early[^1].GetProperty("londonRank").GetProperty("rank").GetInt32());
    }

    [Fact]
    public async Task The_page_and_the_download_say_which_source_and_draw_the_rank_chart()
    {
        await SeedAsync();
        var client = await App.SignedInAsync("analyst");
        var page = await client.GetDocumentAsync($"/insights/dashboard?area=Barnet&month=2017-08&chart=robbery&group={PairKey}");
        Assert.Empty(page.ErrorSummary());
        Assert.Contains("Source: Metropolitan Police borough files", page.GetElementById("row-robbery")!.TextContent);
        Assert.Contains("Source: police.uk street-level crime", page.GetElementById("row-burglary")!.TextContent);
        Assert.Contains("Barnet and Camden", page.GetElementById("similar-group")!.TextContent);
        Assert.Equal(PairKey, page.QuerySelector("#group option[selected]")!.GetAttribute("value"));

        var chart = page.GetElementById("rank-chart")!;
        Assert.Equal("img", chart.GetAttribute("role"));
        Assert.Contains("Robbery", chart.QuerySelector("title")!.TextContent);
        Assert.Contains("London rank (solid line) in Aug 2017: 2/4", chart.QuerySelector("desc")!.TextContent);
        Assert.Null(chart.GetAttribute("style"));
        var rows = page.QuerySelectorAll("#rank-table tbody tr").Select(r => r.QuerySelectorAll("th, td").Select(c => c.TextContent.Trim()).ToList()).ToList();
        Assert.Equal(12, rows.Count);
        Assert.Equal(["Aug 2017", "2/4", "1/2"], rows[^1]);

        var csv = await client.GetAsync(page.GetElementById("export-csv")!.GetAttribute("href")!, Ct);
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        var lines = Encoding.UTF8.GetString(await csv.Content.ReadAsByteArrayAsync(Ct)).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.EndsWith(",Source", lines[0]);
        Assert.EndsWith(",police.uk street-level crime", lines.Single(l => l.Contains(",Burglary,")));
        Assert.EndsWith(",Metropolitan Police borough files", lines.Single(l => l.Contains(",Robbery,")));

        var unknown = await client.GetDocumentAsync("/insights/dashboard?area=Barnet&group=atlantis");
        Assert.Equal(["Choose a group to compare with from the list"], unknown.ErrorSummary());
    }
}

public sealed class DashboardSourcesTests_Sqlite(SqliteApp fixture) : DashboardSourcesTests(fixture), IClassFixture<SqliteApp>;

public sealed class DashboardSourcesTests_Postgres(PostgresApp fixture) : DashboardSourcesTests(fixture), IClassFixture<PostgresApp>;
