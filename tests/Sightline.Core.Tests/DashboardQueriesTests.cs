using Sightline.Core.Audit;
using Sightline.Core.Dashboard;
using Sightline.Core.Data;
using Sightline.Core.Performance;
using Sightline.TestKit;

namespace Sightline.Core.Tests;

/// <summary>A database with the real historical MPS file, the ONS population and the GLA households imported once per class.</summary>
public abstract class RealPerformanceData(DatabaseProvider provider) : IAsyncLifetime
{
    public TestDatabase Database { get; private set; } = null!;

    public SightlineDb NewContext() => Database.NewContext(new AuditTrail(FixedAuditActor.System, TimeProvider.System));

    public async ValueTask InitializeAsync()
    {
        Database = await TestDatabase.CreateAsync(provider);
        await using (var db = NewContext()) await new DatabaseMigrator(db).MigrateAsync();
        if (!SharedData.IsAvailable) return; // each test skips, saying why
        await using (var db = NewContext())
        {
            var mps = await new PerformanceImports(db, TimeProvider.System).ImportMpsBoroughAsync(SharedData.MpsHistorical);
            Assert.True(mps.Succeeded, mps.Refused);
        }
        foreach (var file in new[] { SharedData.OnsPopulation, SharedData.GlaProfiles })
        {
            await using var db = NewContext();
            var outcome = await new PerformanceImports(db, TimeProvider.System).ImportPopulationAsync(file);
            Assert.True(outcome.Succeeded, outcome.Refused);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Database.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}

public sealed class RealPerformanceDataSqlite() : RealPerformanceData(DatabaseProvider.Sqlite);

public sealed class RealPerformanceDataPostgres() : RealPerformanceData(DatabaseProvider.Postgres);

/// <summary>The dashboard and the strategic assessment for Barnet on the real files, checked against sums read straight from the CSV.</summary>
public abstract class DashboardQueriesTests(RealPerformanceData data)
{
    private CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Barnet's monthly counts for a major category, read from the file without the importer.</summary>
    private static Dictionary<int, long> FromFile(string major, string borough = "Barnet")
    {
        using var reader = new StreamReader(SharedData.MpsHistorical);
        var header = reader.ReadLine()!.TrimStart('\uFEFF').Split(',');
        var sums = new Dictionary<int, long>();
        while (reader.ReadLine() is { } line)
        {
            var cells = line.Split(',');
            if (cells.Length < 3 || cells[0] != major || cells[2] != borough) continue;
            for (var i = 3; i < cells.Length && i < header.Length; i++)
                if (long.TryParse(cells[i], out var n)) sums[int.Parse(header[i])] = sums.GetValueOrDefault(int.Parse(header[i])) + n;
        }
        return sums;
    }

    private static long FinancialYear(Dictionary<int, long> byMonth, int start) =>
        Enumerable.Range(0, 12).Select(i => new YearMonth(start, 4).AddMonths(i).ToYyyyMm()).Sum(m => byMonth[m]);

    [Fact]
    public async Task The_strategic_robbery_row_for_Barnet_has_the_file_volumes_and_changes_from_them()
    {
        SharedData.Require();
        await using var db = data.NewContext();
        var table = await new DashboardQueries(db).StrategicAsync("barnet", [2016, 2011, 2015], Ct);
        Assert.NotNull(table);
        Assert.Equal("Barnet", table.Area.Name);
        Assert.Equal(["2011/12", "2015/16", "2016/17"], table.Years.Select(y => y.Label));
        var robbery = table.Rows.Single(r => r.Indicator.Key == "robbery").Row;
        var file = FromFile("ROBBERY");
        Assert.Equal(467, FinancialYear(file, 2016)); // SOURCES.md
        Assert.Equal([FinancialYear(file, 2011), FinancialYear(file, 2015), 467L], robbery.Volumes.Select(v => v.Volume!.Value));
        Assert.Equal(Change.Percent(467, FinancialYear(file, 2015)), robbery.ChangeVsOneYear);
        Assert.Equal(Change.Percent(467, FinancialYear(file, 2011)), robbery.ChangeVsFiveYears);
        Assert.NotNull(robbery.ChangeVsOneYear);
        // Every shipped MPS indicator has data for those years in the historical file (police.uk's have none here).
        Assert.All(table.Rows.Where(r => r.Indicator.Source == PerformanceImports.MpsBoroughSource), r => Assert.All(r.Row.Volumes, v => Assert.NotNull(v.Volume)));
        Assert.Null(await new DashboardQueries(db).StrategicAsync("Atlantis", [2016], Ct));
    }

    [Fact]
    public async Task The_dashboard_for_Barnet_in_August_2017_ranks_it_among_the_boroughs_with_the_file_volumes()
    {
        SharedData.Require();
        await using var db = data.NewContext();
        var dashboard = await new DashboardQueries(db).BuildAsync("Barnet", new YearMonth(2017, 8), Ct);
        Assert.NotNull(dashboard);
        Assert.Equal(new YearMonth(2017, 8), dashboard.Month);
        // 2017 has no figure: GLA 2015 and ONS 2019 are equally near, and the earlier is used.
        Assert.Equal(2015, dashboard.PopulationYear);
        Assert.Equal(Indicators.All.Select(i => i.Key), dashboard.Indicators.Select(i => i.Indicator.Key));

        var file = FromFile("ROBBERY");
        var robbery = dashboard.Indicators.Single(i => i.Indicator.Key == "robbery");
        Assert.Equal(file[201706] + file[201707] + file[201708], robbery.RecentQuarter.Volume);
        Assert.Equal(file[201606] + file[201607] + file[201608], robbery.RecentQuarter.PreviousVolume);
        var rolling = Enumerable.Range(0, 12).Sum(i => file[new YearMonth(2017, 8).AddMonths(-i).ToYyyyMm()]);
        Assert.Equal(rolling, robbery.Rolling12.Volume);
        var barnetId = db.Areas.Single(a => a.Name == "Barnet").Id;
        var population2015 = db.PopulationEstimates.Single(p => p.AreaId == barnetId && p.Year == 2015 && p.Age == null).Count;
        Assert.Equal(2015, robbery.Rate.DenominatorYear);
        Assert.Equal(rolling * 1000.0 / population2015, robbery.Rate.Value!.Value, 9);
        Assert.Equal(32, robbery.LondonRank!.Value.Of);
        Assert.InRange(robbery.LondonRank.Value.Position, 1, 32);
        Assert.Equal(10, robbery.SimilarGroupRank!.Value.Of); // the ten London boroughs of the 15; the other five have no data
        Assert.Equal([new YearMonth(2017, 8), new YearMonth(2017, 7), new YearMonth(2017, 6)], robbery.LastMonths.Select(m => m.Month));
        Assert.Equal(file[201708], robbery.LastMonths[0].Count);
        Assert.All(robbery.LastMonths, m => Assert.NotNull(m.Expected)); // five earlier years are in the file
        Assert.NotNull(robbery.Rag.Rating);
        Assert.Contains(robbery.Rag.Factors, f => f.Text.EndsWith("of all 32 boroughs"));

        var residential = dashboard.Indicators.Single(i => i.Indicator.Key == "residential-burglary");
        Assert.Equal(RateBase.PerThousandHouseholds, residential.Rate.Base);
        Assert.Equal(2015, residential.Rate.DenominatorYear); // GLA profiles 2015
        Assert.NotNull(residential.RecentQuarter.Volume);

        // MOPAC7 is the sum of its seven parts.
        var parts = dashboard.Indicators.Where(i => Indicators.Mopac7Parts.Contains(i.Indicator.Key)).Sum(i => i.Rolling12.Volume!.Value);
        Assert.Equal(parts, dashboard.Indicators.Single(i => i.Indicator.Key == "mopac7").Rolling12.Volume);
    }

    [Fact]
    public async Task Without_a_month_the_dashboard_uses_the_latest_complete_month_and_other_areas_have_no_similar_group()
    {
        SharedData.Require();
        await using var db = data.NewContext();
        var queries = new DashboardQueries(db);
        var barnet = await queries.BuildAsync("Barnet", null, Ct);
        Assert.Equal(new YearMonth(2023, 11), barnet!.Month); // the historical file ends in November 2023
        Assert.Equal("barnet-msg", DashboardQueries.SimilarGroupKey("Barnet"));

        var camden = await queries.BuildAsync("Camden", new YearMonth(2017, 8), Ct);
        Assert.All(camden!.Indicators, i => Assert.Null(i.SimilarGroupRank));
        Assert.Equal(32, camden.Indicators.Single(i => i.Indicator.Key == "robbery").LondonRank!.Value.Of);

        Assert.Null(await queries.BuildAsync("Atlantis", null, Ct));
    }
}

public sealed class DashboardQueriesTests_Sqlite(RealPerformanceDataSqlite data) : DashboardQueriesTests(data), IClassFixture<RealPerformanceDataSqlite>;

public sealed class DashboardQueriesTests_Postgres(RealPerformanceDataPostgres data) : DashboardQueriesTests(data), IClassFixture<RealPerformanceDataPostgres>;
