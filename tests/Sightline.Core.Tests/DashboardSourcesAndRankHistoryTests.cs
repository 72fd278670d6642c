using Sightline.Core.Dashboard;
using Sightline.Core.Performance;

namespace Sightline.Core.Tests;

/// <summary>The police.uk indicators, which source wins where two give one indicator, and the rank chart's figures.</summary>
public sealed class DashboardSourcesAndRankHistoryTests
{
    private const string Mps = PerformanceImports.MpsBoroughSource;
    private const string PoliceUk = PerformanceImports.PoliceUkSource;

    [Fact]
    public void Every_police_uk_crime_type_is_an_indicator_keyed_in_lower_case_with_hyphens()
    {
        string[] expected =
        [
            "anti-social-behaviour", "bicycle-theft", "burglary", "criminal-damage-and-arson", "drugs", "other-crime", "other-theft",
            "possession-of-weapons", "public-order", "robbery", "shoplifting", "theft-from-the-person", "vehicle-crime", "violence-and-sexual-offences",
        ];
        Assert.Equal(expected, Indicators.Definitions.Where(i => i.Source == PoliceUk).Select(i => i.Key));
        // Burglary and robbery come from both sources, but the dashboard lists each key once.
        Assert.Equal(Indicators.All.Count, Indicators.All.Select(i => i.Key).Distinct().Count());
        Assert.Equal(Mps, Indicators.Find("burglary")!.Source);
        Assert.Equal(PoliceUk, Indicators.Find("burglary", PoliceUk)!.Source);
        Assert.Null(Indicators.Find("mopac7", PoliceUk));
    }

    [Fact]
    public void Police_uk_series_sum_the_crime_type_and_ignore_mps_categories()
    {
        var rows = new[] { (201901, "Burglary", "", 4), (201901, "Burglary", "", 3), (201902, "Robbery", "", 2), (201901, "BURGLARY", "DOMESTIC BURGLARY", 9) };
        var police = Indicators.SeriesFor(PoliceUk, rows.Take(3));
        Assert.Equal(7, police["burglary"][new YearMonth(2019, 1)]);
        Assert.Equal(2, police["robbery"][new YearMonth(2019, 2)]);
        Assert.False(police.ContainsKey("mopac7"));
        var mps = Indicators.SeriesFor(Mps, rows.Skip(3));
        Assert.Equal(9, mps["burglary"][new YearMonth(2019, 1)]);
        Assert.Equal(9, mps["residential-burglary"][new YearMonth(2019, 1)]);
    }

    [Fact]
    public void The_first_source_in_order_with_data_wins_and_the_next_is_used_when_it_has_none()
    {
        var precedence = SourcePrecedence.Default;
        Assert.Equal([Mps, PoliceUk], precedence.OrderFor("burglary"));
        Assert.Equal(Mps, precedence.Choose("burglary", _ => true).Source);
        Assert.Equal(PoliceUk, precedence.Choose("burglary", s => s == PoliceUk).Source);
        // With no data anywhere the first in order is used (and shows "No data").
        Assert.Equal(Mps, precedence.Choose("robbery", _ => false).Source);
        // An indicator only one source gives comes from that source whatever the order.
        Assert.Equal([PoliceUk], precedence.OrderFor("shoplifting"));
        Assert.Equal(PoliceUk, precedence.Choose("shoplifting", _ => true).Source);
        Assert.Equal([Mps], precedence.OrderFor("mopac7"));
    }

    [Fact]
    public void The_order_is_configurable_overall_and_per_indicator()
    {
        var policeFirst = SourcePrecedence.Parse(" Police-UK , mps-borough");
        Assert.Equal(PoliceUk, policeFirst.Choose("burglary", _ => true).Source);
        Assert.Equal(Mps, policeFirst.Choose("burglary", s => s == Mps).Source);

        var robberyOnly = SourcePrecedence.Parse(null, [new("robbery", "police-uk"), new("burglary", "  ")]);
        Assert.Equal([Mps, PoliceUk], robberyOnly.Order);
        Assert.Equal(PoliceUk, robberyOnly.Choose("ROBBERY", _ => true).Source);
        Assert.Equal(Mps, robberyOnly.Choose("burglary", _ => true).Source);
        // An override naming only one source still falls back to the other where it has no data.
        Assert.Equal(Mps, robberyOnly.Choose("robbery", s => s == Mps).Source);
    }

    [Fact]
    public void Rank_history_ranks_each_month_with_ties_sharing_a_place()
    {
        var last = new YearMonth(2017, 8);
        // Rates by area and month offset from the last month (0 = August, -1 = July, -2 = June).
        var rates = new Dictionary<string, Dictionary<int, double?>>
        {
            ["A"] = new() { [0] = 2.0, [-1] = 1.0, [-2] = null },
            ["B"] = new() { [0] = 2.0, [-1] = 3.0, [-2] = 1.0 },
            ["C"] = new() { [0] = 1.0, [-1] = 2.0, [-2] = 2.0 },
            ["D"] = new() { [0] = 5.0, [-1] = 4.0, [-2] = 3.0 },
        };
        double? RateOf(string area, YearMonth month) => rates[area].GetValueOrDefault(month.MonthsUntil(last) * -1);

        var history = RankHistory.Of("A", last, RateOf, london: ["A", "B", "C", "D"], group: ["B", "D"], Polarity.LowerIsBetter, months: 3);

        Assert.Equal([last.AddMonths(-2), last.AddMonths(-1), last], history.Select(p => p.Month));
        // June: A has no rate, so no rank.
        Assert.Null(history[0].London);
        Assert.Null(history[0].SimilarGroup);
        // July: A is lowest of four; of the group (B, D and A itself) too.
        Assert.Equal(new Rank(1, 4, false), history[1].London);
        Assert.Equal(new Rank(1, 3, false), history[1].SimilarGroup);
        // August: A and B tie behind C: both 2nd, the next place (3rd) skipped; in the group A ties B for 1st.
        Assert.Equal(new Rank(2, 4, true), history[2].London);
        Assert.Equal(new Rank(1, 3, true), history[2].SimilarGroup);
    }

    [Fact]
    public void Rank_history_has_no_london_rank_outside_london_and_higher_is_better_reverses_it()
    {
        var last = new YearMonth(2020, 1);
        double? RateOf(string area, YearMonth _) => area switch { "X" => 9, "Y" => 5, _ => 7 };
        var outside = RankHistory.Of("X", last, RateOf, london: ["Y", "Z"], group: null, Polarity.LowerIsBetter, months: 1);
        Assert.Null(outside[0].London);
        Assert.Null(outside[0].SimilarGroup);
        var higher = RankHistory.Of("X", last, RateOf, london: ["X", "Y", "Z"], group: ["Y"], Polarity.HigherIsBetter, months: 1);
        Assert.Equal(new Rank(1, 3, false), higher[0].London);
        Assert.Equal(new Rank(1, 2, false), higher[0].SimilarGroup);
    }
}
