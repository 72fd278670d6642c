using Microsoft.EntityFrameworkCore;
using Sightline.Core.Dashboard;
using Sightline.Core.Data;

namespace Sightline.Core.Performance;

/// <summary>One indicator's line on the dashboard for month M.</summary>
public sealed record DashboardIndicator(
    Indicator Indicator,
    PeriodComparison RecentQuarter,
    PeriodComparison Rolling12,
    Rate Rate,
    Rank? LondonRank,
    Rank? SimilarGroupRank,
    IReadOnlyList<MonthlyException> LastMonths,
    RagResult Rag)
{
    /// <summary>Which source the figures came from (the one <see cref="SourcePrecedence"/> chose for the area).</summary>
    public string Source => Indicator.Source;

    /// <summary>The London and group ranks of the rolling 12 months rate over the 12 months to the dashboard's month (oldest first).</summary>
    public IReadOnlyList<RankPoint> RankHistory { get; init; } = [];
}

/// <summary>The dashboard of an area for a month (null when the area has no complete 24 months of data).</summary>
public sealed record PerformanceDashboard(Area Area, YearMonth? Month, int? PopulationYear, string? SimilarGroup, IReadOnlyList<DashboardIndicator> Indicators)
{
    /// <summary>The key of the group the similar group rank is over (the area's own most similar group unless another was chosen).</summary>
    public string? SimilarGroupKey { get; init; }
}

public sealed record StrategicIndicatorRow(Indicator Indicator, StrategicRow Row);

/// <summary>The strategic assessment table of an area for chosen financial years.</summary>
public sealed record StrategicTable(Area Area, IReadOnlyList<FinancialYear> Years, IReadOnlyList<StrategicIndicatorRow> Rows);

/// <summary>
/// Builds the performance dashboard and the strategic assessment from the stored counts, using the pure
/// arithmetic of <see cref="Sightline.Core.Dashboard"/>. The series come from <see cref="PerformanceCountsCache"/>
/// (whole histories, read once and shared); each figure only looks at the months of its own windows, so it is the
/// figure a query of just those months would give.
/// </summary>
public sealed class DashboardQueries(SightlineDb db, SourcePrecedence? precedence = null, PerformanceCountsCache? cache = null)
{
    private readonly SourcePrecedence _precedence = precedence ?? SourcePrecedence.Default;

    /// <summary>Without a shared cache (tools, tests), one of this instance's own: figures are still read once per instance.</summary>
    private readonly PerformanceCountsCache _cache = cache ?? new PerformanceCountsCache();

    /// <summary>Earlier years of the same month the exception ranges look at.</summary>
    private static readonly int ExceptionYears = ExceptionSettings.Default.Years;

    public const int LastMonthCount = 3;

    /// <summary>An area by name (case-insensitive), or null.</summary>
    public async Task<Area?> FindAreaAsync(string? name, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(name)) return null;
        var areas = await db.Areas.AsNoTracking().ToListAsync(cancellationToken);
        return areas.FirstOrDefault(a => string.Equals(a.Name, name.Trim(), StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The key of an area's own most similar group by convention ("Barnet" → "barnet-msg").</summary>
    public static string SimilarGroupKey(string areaName) =>
        string.Join('-', areaName.Trim().ToLowerInvariant().Split([' ', '&'], StringSplitOptions.RemoveEmptyEntries)) + "-msg";

    /// <summary>The groups an area can be compared with (for the "Compare with" choice), by name.</summary>
    public async Task<List<AreaGroup>> GroupsAsync(CancellationToken cancellationToken = default) =>
        (await db.AreaGroups.AsNoTracking().ToListAsync(cancellationToken)).OrderBy(g => g.Name, StringComparer.OrdinalIgnoreCase).ToList();

    /// <summary>Whether a group with this key exists.</summary>
    public Task<bool> GroupExistsAsync(string key, CancellationToken cancellationToken = default) =>
        db.AreaGroups.AnyAsync(g => g.Key == key, cancellationToken);

    /// <summary>The latest month whose rolling 24 months all have data in the area's total, from the first source in
    /// the default precedence that has such a month.</summary>
    private YearMonth? LatestCompleteMonth(AreaCounts counts) =>
        _precedence.Order.Concat(Indicators.Sources).Distinct().Select(counts.LatestCompleteMonth).FirstOrDefault(latest => latest is not null);

    /// <summary>An area's series of some indicators (each from its own source), over the whole history.</summary>
    public async Task<IReadOnlyList<MonthlySeries>> SeriesAsync(Guid areaId, IReadOnlyList<Indicator> indicators, CancellationToken cancellationToken = default)
    {
        var counts = await _cache.ForAsync(db, areaId, cancellationToken);
        return indicators.Select(counts.SeriesOf).ToList();
    }

    /// <summary>The dashboard for <paramref name="areaName"/>; null when there is no such area. Without
    /// <paramref name="month"/>, the latest month whose rolling 24 months all have data in the area's total (from the
    /// first source in precedence that has one). The similar group rank is over <paramref name="groupKey"/>, by
    /// default the area's own most similar group.</summary>
    public async Task<PerformanceDashboard?> BuildAsync(string areaName, YearMonth? month, CancellationToken cancellationToken = default) =>
        await BuildAsync(areaName, month, null, cancellationToken);

    /// <inheritdoc cref="BuildAsync(string, YearMonth?, CancellationToken)"/>
    public async Task<PerformanceDashboard?> BuildAsync(string areaName, YearMonth? month, string? groupKey, CancellationToken cancellationToken = default)
    {
        var area = await FindAreaAsync(areaName, cancellationToken);
        if (area is null) return null;
        var similarKey = string.IsNullOrWhiteSpace(groupKey) ? SimilarGroupKey(area.Name) : groupKey.Trim().ToLowerInvariant();

        var groups = await db.AreaGroups.AsNoTracking().Include(g => g.Members).ThenInclude(x => x.Area)
            .Where(g => g.Key == ReferenceAreas.LondonGroup || g.Key == similarKey).ToListAsync(cancellationToken);
        var london = groups.FirstOrDefault(g => g.Key == ReferenceAreas.LondonGroup)?.Members
            .Where(x => x.Area!.Kind == AreaKind.LondonBorough).Select(x => x.AreaId).ToHashSet() ?? [];
        var similarGroup = groups.FirstOrDefault(g => g.Key == similarKey);
        var similar = similarGroup?.Members.Select(x => x.AreaId).ToHashSet();
        var areaIds = london.Concat(similar ?? []).Append(area.Id).Distinct().ToList();
        var counts = await _cache.ForAsync(db, areaIds, cancellationToken);
        var own = counts[area.Id];

        month ??= LatestCompleteMonth(own);
        if (month is null) return new PerformanceDashboard(area, null, null, null, []) { SimilarGroupKey = similarKey };
        var m = month.Value;
        // The months the figures look at: the rolling 24 months, and 5 earlier years of the last three months. A source
        // "has data" for the area when it has some in them.
        var window = new PeriodWindow(m.AddMonths(-(LastMonthCount - 1) - 12 * ExceptionYears), m);

        var lines = Indicators.All.Select(listed =>
        {
            // The configured source wins; the next is used where it has no data for the area. Peers use the same source.
            var indicator = _precedence.Choose(listed.Key, source => Indicators.Find(listed.Key, source) is { } candidate && own.SeriesOf(candidate).HasAnyData(window));
            return new IndicatorFigures(indicator, counts).Line(area.Id, m, london, similar);
        }).ToList();
        var populationYear = own.Population.Nearest(m.Year)?.Year;
        return new PerformanceDashboard(area, m, populationYear, similarGroup?.Name, lines) { SimilarGroupKey = similarKey };
    }

    /// <summary>The strategic assessment for <paramref name="areaName"/> and the chosen financial years (by start year);
    /// null when there is no such area.</summary>
    public async Task<StrategicTable?> StrategicAsync(string areaName, IReadOnlyCollection<int> startYears, CancellationToken cancellationToken = default)
    {
        if (startYears.Count == 0) throw new ArgumentException("Choose at least one year.", nameof(startYears));
        var area = await FindAreaAsync(areaName, cancellationToken);
        if (area is null) return null;
        var years = startYears.Distinct().Order().Select(y => new FinancialYear(y)).ToList();
        var latest = years[^1];
        // The months the rows look at: the chosen years and the five before the latest (its % change).
        var window = new PeriodWindow(new FinancialYear(Math.Min(years[0].StartYear, latest.StartYear - 5)).First, latest.Last);
        var counts = await _cache.ForAsync(db, area.Id, cancellationToken);
        var table = Indicators.All
            .Select(listed => _precedence.Choose(listed.Key, source => Indicators.Find(listed.Key, source) is { } candidate && counts.SeriesOf(candidate).HasAnyData(window)))
            .Select(i => new StrategicIndicatorRow(i, StrategicAssessment.Row(i.Key, counts.SeriesOf(i), years))).ToList();
        return new StrategicTable(area, years, table);
    }
}
