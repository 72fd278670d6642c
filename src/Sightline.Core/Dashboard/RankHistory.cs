namespace Sightline.Core.Dashboard;

/// <summary>An area's London and similar-group rank of an indicator's rolling 12 months rate at the end of one month.</summary>
public sealed record RankPoint(YearMonth Month, Rank? London, Rank? SimilarGroup);

/// <summary>
/// The rank chart's figures: month by month, the area's rank (<see cref="PeerRanks"/>) among the London boroughs
/// and among the chosen group, of the rolling 12 months rate ending that month. Pure: the caller gives each area's
/// rate at a month from the series it already loaded.
/// </summary>
public static class RankHistory
{
    public const int Months = 12;

    /// <summary>The <paramref name="months"/> months ending <paramref name="last"/>, oldest first. A rank is null when
    /// the area has no rate that month or is not in the London group; the group rank includes the area itself.</summary>
    public static IReadOnlyList<RankPoint> Of<TArea>(
        TArea area, YearMonth last, Func<TArea, YearMonth, double?> rateOf,
        IReadOnlyCollection<TArea> london, IReadOnlyCollection<TArea>? group, Polarity polarity, int months = Months)
        where TArea : notnull
    {
        var points = new List<RankPoint>(months);
        for (var i = months - 1; i >= 0; i--)
        {
            var month = last.AddMonths(-i);
            var cache = new Dictionary<TArea, double?>();
            double? Rate(TArea a) => cache.TryGetValue(a, out var r) ? r : cache[a] = rateOf(a, month);
            var londonRank = london.Contains(area) ? PeerRanks.Of(area, london.ToDictionary(a => a, Rate), polarity) : null;
            var groupRank = group is null ? null : PeerRanks.Of(area, group.Append(area).Distinct().ToDictionary(a => a, Rate), polarity);
            points.Add(new RankPoint(month, londonRank, groupRank));
        }
        return points;
    }
}
