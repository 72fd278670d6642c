using Sightline.Core.Dashboard;

namespace Sightline.Core.Tests;

/// <summary>Rates per 1,000 (or per 100,000 aged 10–17) with the nearest population year, and peer ranks with ties.</summary>
public sealed class DashboardRatesAndRanksTests
{
    private static readonly Denominators Population = new(new Dictionary<int, long> { [2011] = 356_000, [2016] = 386_000, [2018] = 392_000 });

    [Fact]
    public void A_rate_per_1000_uses_the_years_population()
    {
        // Seed 001: violence with injury, 2263 in the 12 months to Aug 2017 (population invented for the test).
        var rate = Rates.Of(2263, Population, 2016, RateBase.PerThousandPopulation);
        Assert.Equal(2263 * 1000.0 / 386_000, rate.Value!.Value, 10);
        Assert.Equal(2016, rate.DenominatorYear);
        Assert.False(rate.NearestYearUsed);
    }

    [Fact]
    public void Per_1000_households_and_per_100000_aged_10_to_17()
    {
        var households = new Denominators(new Dictionary<int, long> { [2017] = 150_000 });
        Assert.Equal(22.0, Rates.Of(3300, households, 2017, RateBase.PerThousandHouseholds).Value!.Value, 10);
        var young = new Denominators(new Dictionary<int, long> { [2017] = 30_000 });
        Assert.Equal(293.0, Rates.Of(88, young, 2017, RateBase.PerHundredThousandAged10To17).Value!.Value, 0);  // seed 001's FTE rate is 293
        Assert.Equal(100_000, Rates.Multiplier(RateBase.PerHundredThousandAged10To17));
    }

    [Theory]
    [InlineData(2016, 2016)]   // exact
    [InlineData(2017, 2016)]   // 2016 and 2018 equally near: the earlier
    [InlineData(2019, 2018)]
    [InlineData(2030, 2018)]   // beyond the last year
    [InlineData(2005, 2011)]   // before the first year
    [InlineData(2013, 2011)]   // 2 from 2011, 3 from 2016
    [InlineData(2014, 2016)]   // 3 from 2011, 2 from 2016
    public void A_missing_year_uses_the_nearest_and_says_which(int periodYear, int usedYear)
    {
        var rate = Rates.Of(100, Population, periodYear, RateBase.PerThousandPopulation);
        Assert.Equal(usedYear, rate.DenominatorYear);
        Assert.Equal(periodYear != usedYear, rate.NearestYearUsed);
        Assert.Equal(periodYear, rate.RequestedYear);
    }

    [Fact]
    public void No_rate_without_a_volume_or_a_denominator()
    {
        Assert.Null(Rates.Of(null, Population, 2016, RateBase.PerThousandPopulation).Value);
        var none = Rates.Of(10, new Denominators(new Dictionary<int, long>()), 2016, RateBase.PerThousandPopulation);
        Assert.Null(none.Value);
        Assert.Null(none.DenominatorYear);
        Assert.False(none.NearestYearUsed);
        Assert.Null(Rates.Of(10, new Denominators(new Dictionary<int, long> { [2016] = 0 }), 2016, RateBase.PerThousandPopulation).Value);
    }

    [Fact]
    public void The_rolling_12_rate_uses_the_year_the_12_months_end_in()
    {
        var s = DashboardMathTests.Series(new YearMonth(2016, 1), 20, _ => 100);
        var rate = Rates.Rolling12(s, new YearMonth(2017, 8), Population, RateBase.PerThousandPopulation);
        Assert.Equal(2017, rate.RequestedYear);
        Assert.Equal(2016, rate.DenominatorYear);
        Assert.Equal(1200 * 1000.0 / 386_000, rate.Value!.Value, 10);
        Assert.Null(Rates.Rolling12(s, new YearMonth(2017, 9), Population, RateBase.PerThousandPopulation).Value);  // Sep 2017 has no data
    }

    // ---- ranks -----------------------------------------------------------------------------------

    [Fact]
    public void Rank_1_is_the_lowest_rate_and_ties_share_a_rank_skipping_the_next()
    {
        var rates = new Dictionary<string, double?> { ["A"] = 1.0, ["B"] = 2.0, ["C"] = 2.0, ["D"] = 3.0 };
        Assert.Equal(new Rank(1, 4, false), PeerRanks.Of("A", rates, Polarity.LowerIsBetter));
        Assert.Equal(new Rank(2, 4, true), PeerRanks.Of("B", rates, Polarity.LowerIsBetter));
        Assert.Equal(new Rank(2, 4, true), PeerRanks.Of("C", rates, Polarity.LowerIsBetter));
        Assert.Equal(new Rank(4, 4, false), PeerRanks.Of("D", rates, Polarity.LowerIsBetter));
        Assert.Equal(new[] { 1, 2, 2, 4 }, PeerRanks.All(rates, Polarity.LowerIsBetter).OrderBy(kv => kv.Key).Select(kv => kv.Value.Position));
    }

    [Fact]
    public void Where_higher_is_better_rank_1_is_the_highest()
    {
        var rates = new Dictionary<string, double?> { ["A"] = 1.0, ["B"] = 2.0, ["C"] = 2.0, ["D"] = 3.0 };
        Assert.Equal(new[] { 4, 2, 2, 1 }, PeerRanks.All(rates, Polarity.HigherIsBetter).OrderBy(kv => kv.Key).Select(kv => kv.Value.Position));
    }

    [Fact]
    public void Areas_without_data_are_left_out_and_the_count_says_so()
    {
        var rates = new Dictionary<string, double?> { ["A"] = 1.0, ["B"] = null, ["C"] = 3.0, ["D"] = double.NaN };
        Assert.Equal(new Rank(2, 2, false), PeerRanks.Of("C", rates, Polarity.LowerIsBetter));
        Assert.Null(PeerRanks.Of("B", rates, Polarity.LowerIsBetter));
        Assert.Null(PeerRanks.Of("Z", rates, Polarity.LowerIsBetter));
        Assert.Equal(2, PeerRanks.All(rates, Polarity.LowerIsBetter).Count);
    }

    [Fact]
    public void The_seeds_burglary_ranks_read_as_it_prints_them()
    {
        // Seed 001, summary dashboard, burglary: "3301 15/15 23/32" — Barnet 23rd of 32 in London, last of 15 similar.
        var london = Enumerable.Range(1, 32).ToDictionary(i => i == 23 ? "Barnet" : $"Borough {i}", i => (double?)i);
        var rank = PeerRanks.Of("Barnet", london, Polarity.LowerIsBetter)!.Value;
        Assert.Equal("23/32", rank.Text);
        Assert.False(rank.InBetterHalf);
    }

    [Theory]
    [InlineData(1, 32, true)]
    [InlineData(16, 32, true)]
    [InlineData(17, 32, false)]
    [InlineData(7, 15, true)]
    [InlineData(8, 15, false)]   // the middle of an odd group is not in the better half
    [InlineData(1, 1, false)]    // alone: not better than anyone
    [InlineData(1, 2, true)]
    public void The_better_half(int position, int of, bool better) =>
        Assert.Equal(better, new Rank(position, of, false).InBetterHalf);

    [Theory]
    [InlineData(1, "1st")]
    [InlineData(2, "2nd")]
    [InlineData(3, "3rd")]
    [InlineData(4, "4th")]
    [InlineData(11, "11th")]
    [InlineData(12, "12th")]
    [InlineData(13, "13th")]
    [InlineData(21, "21st")]
    [InlineData(22, "22nd")]
    [InlineData(23, "23rd")]
    [InlineData(32, "32nd")]
    [InlineData(101, "101st")]
    [InlineData(111, "111th")]
    [InlineData(112, "112th")]
    [InlineData(0, "0th")]
    public void Ordinals(int n, string expected) => Assert.Equal(expected, Ordinal.Of(n));
}
