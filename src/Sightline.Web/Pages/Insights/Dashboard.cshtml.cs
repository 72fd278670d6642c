using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Sightline.Core.Dashboard;
using Sightline.Core.Data;
using Sightline.Core.Performance;

namespace Sightline.Web.Pages.Insights;

/// <summary>
/// The performance dashboard for an area and a month (default Barnet and the latest complete month): one row per
/// indicator with the recent quarter and rolling 12 months, rate, ranks, the last three months with exceptions and
/// the RAG rating with its factors; the rules under the table; a trend chart of one indicator (this year against last).
/// </summary>
public sealed class DashboardModel(DashboardQueries queries, SightlineDb db, SourcePrecedence precedence) : SightlinePage
{
    public SourcePrecedence Precedence => precedence;

    public const string DefaultChart = "mopac7";

    public List<string> Areas { get; private set; } = [];
    public string Area { get; private set; } = PerformanceTables.DefaultArea;
    public string MonthText { get; private set; } = "";
    public string Chart { get; private set; } = DefaultChart;
    public PerformanceDashboard? Dashboard { get; private set; }
    public bool UnknownArea { get; private set; }
    public TrendChart? Trend { get; private set; }
    public RankChart? Ranks { get; private set; }
    /// <summary>The group chosen to compare with (<c>group</c>), or null for the area's own most similar group.</summary>
    public string? Group { get; private set; }
    public List<AreaGroup> Groups { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Areas = await PerformanceTables.BoroughsAsync(db, cancellationToken);
        Area = PerformanceTables.AreaOf(Request.Query);
        MonthText = Request.Query["month"].FirstOrDefault()?.Trim() ?? "";
        var chart = Request.Query["chart"].FirstOrDefault();
        Chart = Indicators.Find(chart ?? "")?.Key ?? DefaultChart;
        var month = PerformanceTables.MonthOf(Request.Query, ModelState);
        Groups = await queries.GroupsAsync(cancellationToken);
        Group = PerformanceTables.GroupOf(Request.Query);
        if (Group is not null && Groups.All(g => g.Key != Group))
            ModelState.AddModelError("group", "Choose a group to compare with from the list");
        if (!ModelState.IsValid) return;
        Dashboard = await queries.BuildAsync(Area, month, Group, cancellationToken);
        if (Dashboard is null)
        {
            UnknownArea = true;
            ModelState.AddModelError("area", $"Choose an area from the list ('{Area}' is not one)");
            return;
        }
        Area = Dashboard.Area.Name;
        if (Dashboard.Month is { } m)
        {
            MonthText = m.ToString();
            var charted = Dashboard.Indicators.FirstOrDefault(l => l.Indicator.Key == Chart);
            if (charted is null) return;
            Trend = await TrendAsync(Dashboard.Area.Id, charted.Indicator, m, cancellationToken);
            Ranks = new RankChart(charted.Indicator, charted.RankHistory, Dashboard.SimilarGroup);
        }
    }

    /// <summary>True when the dashboard has no month: no counts imported for the area.</summary>
    public bool NoData => Dashboard is { Month: null } || (Dashboard is { } d && d.Indicators.All(i => i.Rolling12.Volume is null && i.LastMonths.All(x => x.Count is null)));

    public string Link(YearMonth month, string? chart = null) =>
        $"/insights/dashboard?area={Uri.EscapeDataString(Area)}&month={month}" + GroupQuery + (chart is null ? "" : $"&chart={Uri.EscapeDataString(chart)}");

    public string ExportQuery => $"?area={Uri.EscapeDataString(Area)}" + (Dashboard?.Month is { } m ? $"&month={m}" : "") + GroupQuery;

    private string GroupQuery => Group is null ? "" : $"&group={Uri.EscapeDataString(Group)}";

    public string StrategicLink(YearMonth month) =>
        $"/insights/strategic-assessment?area={Uri.EscapeDataString(Area)}&years={string.Join(',', PerformanceTables.StrategicYearsAt(month))}";

    public string BoardPackLink => "/insights/dashboard/board-pack.pdf" + ExportQuery;

    private async Task<TrendChart> TrendAsync(Guid areaId, Indicator indicator, YearMonth month, CancellationToken cancellationToken) =>
        (await TrendChart.LoadAsync(queries, areaId, [indicator], month, cancellationToken))[0];
}

public sealed record TrendPoint(YearMonth Month, long? ThisYear, long? LastYear);

/// <summary>A line chart of 12 months against the same months a year before, drawn as SVG on the server.</summary>
public sealed record TrendChart(Indicator Indicator, IReadOnlyList<TrendPoint> Points)
{
    /// <summary>An area's charts of some indicators (each from the source the dashboard chose for it) for the 12 months to <paramref name="month"/>.</summary>
    public static async Task<List<TrendChart>> LoadAsync(DashboardQueries queries, Guid areaId, IReadOnlyList<Indicator> indicators, YearMonth month, CancellationToken cancellationToken)
    {
        var series = await queries.SeriesAsync(areaId, indicators, cancellationToken);
        return indicators.Select((indicator, i) =>
        {
            var points = Enumerable.Range(0, 12).Select(n =>
            {
                var m = month.AddMonths(n - 11);
                return new TrendPoint(m, series[i][m], series[i][m.AddMonths(-12)]);
            }).ToList();
            return new TrendChart(indicator, points);
        }).ToList();
    }

    public const int Width = 640;
    public const int Height = 280;
    public const int Left = 56;
    public const int Right = 16;
    public const int Top = 16;
    public const int Bottom = 40;

    public long Max
    {
        get
        {
            var max = Points.SelectMany(p => new[] { p.ThisYear ?? 0, p.LastYear ?? 0 }).DefaultIfEmpty(0).Max();
            return max <= 0 ? 1 : NiceCeiling(max);
        }
    }

    private static long NiceCeiling(long value)
    {
        var magnitude = (long)Math.Pow(10, Math.Floor(Math.Log10(value)));
        foreach (var step in new long[] { 1, 2, 5, 10 })
            if (step * magnitude >= value) return step * magnitude;
        return 10 * magnitude;
    }

    public static string F(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);

    public double X(int index) => Left + index * (double)(Width - Left - Right) / (Points.Count - 1);

    public double Y(long value) => Top + (Height - Top - Bottom) * (1 - (double)value / Max);

    /// <summary>The SVG points of a line, broken where a month has no data.</summary>
    public IEnumerable<string> Lines(Func<TrendPoint, long?> value) =>
        SvgPolylines.Broken(Points, (i, p) => value(p) is { } v ? (X(i), Y(v)) : null);

    public string Description =>
        $"{Indicator.Name} each month from {Points[0].Month.Label} to {Points[^1].Month.Label} (solid line) against the same months a year before (dashed line). " +
        $"Highest month: {Points.Max(p => p.ThisYear ?? 0):N0} this year, {Points.Max(p => p.LastYear ?? 0):N0} last year.";
}
