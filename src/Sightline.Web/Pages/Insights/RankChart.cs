using Sightline.Core.Dashboard;
using Sightline.Core.Performance;

namespace Sightline.Web.Pages.Insights;

/// <summary>
/// A line chart of an area's London rank (solid) and similar group rank (dashed) of one indicator's rolling 12 months
/// rate, month by month, drawn as SVG on the server. Rank 1 (the best) is at the top.
/// </summary>
public sealed record RankChart(Indicator Indicator, IReadOnlyList<RankPoint> Points, string? GroupName)
{
    // The same frame as the trend chart, so the two line up on the page.
    public const int Width = TrendChart.Width;
    public const int Height = TrendChart.Height;
    private const int Left = TrendChart.Left, Right = TrendChart.Right, Top = TrendChart.Top, Bottom = TrendChart.Bottom;

    /// <summary>The largest group size charted (the bottom of the axis), at least 2 so the axis has a length.</summary>
    public int MaxRank => Math.Max(2, Points.SelectMany(p => new[] { p.London?.Of ?? 0, p.SimilarGroup?.Of ?? 0 }).DefaultIfEmpty(0).Max());

    public bool HasData => Points.Any(p => p.London is not null || p.SimilarGroup is not null);

    public double X(int index) => Left + index * (double)(Width - Left - Right) / Math.Max(1, Points.Count - 1);

    public double Y(int rank) => Top + (Height - Top - Bottom) * (rank - 1) / (double)(MaxRank - 1);

    /// <summary>Axis ticks: 1, the middle and the bottom.</summary>
    public IEnumerable<int> Ticks => new[] { 1, (MaxRank + 1) / 2, MaxRank }.Distinct();

    /// <summary>The SVG points of a line, broken where a month has no rank.</summary>
    public IEnumerable<string> Lines(Func<RankPoint, Rank?> rank) =>
        SvgPolylines.Broken(Points, (i, p) => rank(p) is { } r ? (X(i), Y(r.Position)) : null);

    public string Description
    {
        get
        {
            static string Latest(Rank? r) => r is { } x ? x.Text : "no rank";
            var last = Points[^1];
            return $"{Indicator.Name}: rank of the rolling 12 months rate each month from {Points[0].Month.Label} to {last.Month.Label}, " +
                   $"1 is the lowest rate. London rank (solid line) in {last.Month.Label}: {Latest(last.London)}. " +
                   $"{GroupName ?? "Similar group"} rank (dashed line): {Latest(last.SimilarGroup)}.";
        }
    }
}
