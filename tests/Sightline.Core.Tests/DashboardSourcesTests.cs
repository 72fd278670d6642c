using Sightline.Core.Dashboard;
using Sightline.Core.Performance;

namespace Sightline.Core.Tests;

/// <summary>Traceability on the real MPS file: the source rows behind each dashboard period add up to the dashboard's volumes.</summary>
public abstract class DashboardSourcesTests(RealPerformanceData data)
{
    private CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("Barnet", "robbery", "2017-08")]
    [InlineData("Barnet", "residential-burglary", "2016-03")]
    [InlineData("Camden", "mopac7", "2017-08")]
    public async Task Each_period_total_is_the_dashboard_volume(string area, string indicator, string month)
    {
        SharedData.Require();
        var m = YearMonth.Parse(month);
        await using var db = data.NewContext();
        var dashboard = await new DashboardQueries(db).BuildAsync(area, m, Ct);
        var line = dashboard!.Indicators.Single(i => i.Indicator.Key == indicator);
        var table = await new DashboardSources(db).ForAsync(area, indicator, m, cancellationToken: Ct);

        Assert.NotNull(table);
        Assert.Equal(["Recent quarter", "Same quarter a year before", "Rolling 12 months", "The 12 months before"], table.Periods.Select(p => p.Name));
        Assert.NotNull(line.RecentQuarter.Volume);
        Assert.Equal(
            [line.RecentQuarter.Volume, line.RecentQuarter.PreviousVolume, line.Rolling12.Volume, line.Rolling12.PreviousVolume],
            table.Periods.Select(p => (long?)p.Total));
        Assert.Equal([line.RecentQuarter.Window, line.RecentQuarter.PreviousWindow, line.Rolling12.Window, line.Rolling12.PreviousWindow],
            table.Periods.Select(p => p.Window));
        // Every row is traced to the run that imported the file.
        Assert.All(table.Periods.SelectMany(p => p.Rows), r => Assert.Equal("MPS Borough Level Crime (Historical).csv", r.Run?.FileName));
        Assert.All(table.Periods.SelectMany(p => p.Rows), r => Assert.True(line.Indicator.IsComposite || line.Indicator.Matches(r.Category, r.Subcategory)));
    }

    [Fact]
    public async Task An_unknown_indicator_or_area_has_no_table()
    {
        await using var db = data.NewContext();
        Assert.Null(await new DashboardSources(db).ForAsync("Barnet", "broken-windows", new YearMonth(2017, 8), cancellationToken: Ct));
        Assert.Null(await new DashboardSources(db).ForAsync("Atlantis", "robbery", new YearMonth(2017, 8), cancellationToken: Ct));
    }
}

public sealed class DashboardSourcesTests_Sqlite(RealPerformanceDataSqlite data) : DashboardSourcesTests(data), IClassFixture<RealPerformanceDataSqlite>;

public sealed class DashboardSourcesTests_Postgres(RealPerformanceDataPostgres data) : DashboardSourcesTests(data), IClassFixture<RealPerformanceDataPostgres>;
