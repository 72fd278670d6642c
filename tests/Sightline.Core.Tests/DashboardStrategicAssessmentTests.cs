using Sightline.Core.Dashboard;

namespace Sightline.Core.Tests;

/// <summary>The strategic assessment table (seed 001 §1.3.6) from its own volumes.</summary>
public sealed class DashboardStrategicAssessmentTests
{
    private static readonly FinancialYear[] Chosen = [new(2011), new(2015), new(2016)];

    // Seed 001 §1.3.6, "2011/12 2015/16 2016/17 % change vs. one year ago % change vs. 5 years ago":
    public static TheoryData<string, long, long, long, double, double> SeedTable => new()
    {
        { "Robbery", 1199, 622, 463, -25.6, -61.4 },                  // "Robbery 1199 622 463 -25.6% -61.4%"
        { "Theft From MV", 3602, 2372, 2360, -0.5, -34.5 },           // "Theft From MV 3602 2372 2360 -0.5% -34.5%"
        { "Burglary", 4912, 3878, 3297, -15.0, -32.9 },               // "Burglary 4912 3878 3297 -15.0% -32.9%"
        { "Theft of Motor Vehicle", 956, 701, 809, 15.4, -15.4 },     // "Theft of Motor Vehicle 956 701 809 15.4% -15.4%"
        { "Criminal Damage", 2361, 2256, 2190, -2.9, -7.2 },          // "Criminal Damage 2361 2256 2190 -2.9% -7.2%"
        { "Theft From Person", 692, 622, 695, 11.7, 0.4 },            // "Theft From Person 692 622 695 11.7% 0.4%"
        { "Violence with Injury", 1539, 2179, 2229, 2.3, 44.8 },      // "Violence with Injury 1539 2179 2229 2.3% 44.8%"
    };

    [Theory]
    [MemberData(nameof(SeedTable))]
    public void Every_row_of_the_seeds_table_reproduces_its_percentages(string key, long fy2011, long fy2015, long fy2016, double vsOne, double vsFive)
    {
        var volumes = new Dictionary<FinancialYear, long> { [new(2011)] = fy2011, [new(2015)] = fy2015, [new(2016)] = fy2016 };
        var row = StrategicAssessment.Row(key, volumes, Chosen);
        Assert.Equal(new FinancialYear(2016), row.LatestYear);
        Assert.Equal(new[] { "2011/12", "2015/16", "2016/17" }, row.Volumes.Select(v => v.Year.Label));
        Assert.Equal(new long?[] { fy2011, fy2015, fy2016 }, row.Volumes.Select(v => v.Volume));
        Assert.Equal(vsOne, row.ChangeVsOneYear);
        Assert.Equal(vsFive, row.ChangeVsFiveYears);
    }

    [Fact]
    public void The_same_row_from_monthly_counts_april_to_march()
    {
        // Robbery spread over months so each financial year totals the seed's volume; the odd months land in April, so a
        // calendar-year sum would differ.
        var entries = new List<KeyValuePair<YearMonth, long>>();
        foreach (var (start, total) in new[] { (2011, 1199L), (2012, 1000L), (2013, 900L), (2014, 800L), (2015, 622L), (2016, 463L) })
        {
            var fy = new FinancialYear(start);
            for (var i = 0; i < 12; i++)
                entries.Add(new(fy.First.AddMonths(i), total / 12 + (i == 0 ? total % 12 : 0)));
        }
        var row = StrategicAssessment.Row("robbery", new MonthlySeries(entries), Chosen);
        Assert.Equal(new long?[] { 1199, 622, 463 }, row.Volumes.Select(v => v.Volume));
        Assert.Equal(-25.6, row.ChangeVsOneYear);
        Assert.Equal(-61.4, row.ChangeVsFiveYears);
    }

    [Fact]
    public void The_comparison_years_need_not_be_chosen_columns_and_a_missing_one_leaves_its_change_empty()
    {
        var volumes = new Dictionary<FinancialYear, long> { [new(2011)] = 1199, [new(2015)] = 622, [new(2016)] = 463 };
        var onlyLatest = StrategicAssessment.Row("robbery", volumes, [new FinancialYear(2016)]);
        Assert.Single(onlyLatest.Volumes);
        Assert.Equal(-25.6, onlyLatest.ChangeVsOneYear);
        Assert.Equal(-61.4, onlyLatest.ChangeVsFiveYears);

        var noFiveYears = StrategicAssessment.Row("robbery", volumes, [new FinancialYear(2015)]);   // 2010/11 absent
        Assert.Null(noFiveYears.ChangeVsFiveYears);
        Assert.Null(noFiveYears.ChangeVsOneYear);                                                  // 2014/15 absent

        var unordered = StrategicAssessment.Row("robbery", volumes, [new(2016), new(2011), new(2015), new(2011)]);
        Assert.Equal(new[] { 2011, 2015, 2016 }, unordered.Volumes.Select(v => v.Year.StartYear));
        Assert.Throws<ArgumentException>(() => StrategicAssessment.Row("robbery", volumes, []));
    }

    [Fact]
    public void A_financial_year_with_a_missing_month_has_no_volume()
    {
        var s = DashboardMathTests.Series(new YearMonth(2011, 4), 72, _ => 10);
        var gap = DashboardMathTests.Without(s, new YearMonth(2017, 3));
        var row = StrategicAssessment.Row("robbery", gap, Chosen);
        Assert.Equal(new long?[] { 120, 120, null }, row.Volumes.Select(v => v.Volume));
        Assert.Null(row.ChangeVsOneYear);
        Assert.Null(row.ChangeVsFiveYears);
    }
}
