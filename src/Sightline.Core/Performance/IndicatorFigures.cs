using Sightline.Core.Dashboard;

namespace Sightline.Core.Performance;

/// <summary>One indicator's dashboard line for an area: its own figures, and its ranks among peers (every peer's series
/// from the same source as the area's).</summary>
internal sealed class IndicatorFigures(Indicator indicator, IReadOnlyDictionary<Guid, AreaCounts> counts)
{
    private MonthlySeries SeriesOf(Guid id) => counts[id].SeriesOf(indicator);

    /// <summary><see cref="Rates.Rolling12"/>, with the volume the cache keeps.</summary>
    private Rate RateAt(Guid id, YearMonth at) =>
        Rates.Of(counts[id].Rolling12Volume(indicator, at), counts[id].DenominatorsOf(indicator), at.Year, indicator.RateBase);

    /// <summary>The line for <paramref name="areaId"/> at month <paramref name="m"/>; the London rank only for a London
    /// borough, the group rank over <paramref name="similar"/> and the area itself.</summary>
    public DashboardIndicator Line(Guid areaId, YearMonth m, IReadOnlySet<Guid> london, IReadOnlySet<Guid>? similar)
    {
        var own = SeriesOf(areaId);
        var recent = Periods.RecentQuarter(own, m);
        var rolling = Periods.Rolling12(own, m);
        var rate = RateAt(areaId, m);
        Rank? RankAmong(IEnumerable<Guid> peers) =>
            PeerRanks.Of(areaId, peers.Distinct().ToDictionary(id => id, id => id == areaId ? rate.Value : RateAt(id, m).Value), indicator.Polarity);
        Rank? londonRank = london.Contains(areaId) ? RankAmong(london) : null;
        // The chosen group's rank includes the area itself, so a group the area is not a member of still compares it.
        Rank? similarRank = similar is not null ? RankAmong(similar.Append(areaId)) : null;
        var lastMonths = MonthlyExceptions.LastMonths(own, m, DashboardQueries.LastMonthCount);
        var rag = Rag.Assess(new RagInput(indicator.Polarity, recent.ChangePercent, rolling.ChangePercent, londonRank, similarRank));
        var history = RankHistory.Of(areaId, m, (id, at) => RateAt(id, at).Value, london, similar, indicator.Polarity);
        return new DashboardIndicator(indicator, recent, rolling, rate, londonRank, similarRank, lastMonths, rag) { RankHistory = history };
    }
}
