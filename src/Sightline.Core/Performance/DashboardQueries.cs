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
/// arithmetic of <see cref="Sightline.Core.Dashboard"/>. Counts are loaded in one query for every area that
/// a rank needs and grouped in memory into one series per area and indicator.
/// </summary>
public sealed class DashboardQueries(SightlineDb db, SourcePrecedence? precedence = null)
{
    private readonly SourcePrecedence _precedence = precedence ?? SourcePrecedence.Default;

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
    private async Task<YearMonth?> LatestCompleteMonthAsync(Guid areaId, CancellationToken cancellationToken)
    {
        var sources = _precedence.Order.Concat(Indicators.Sources).Distinct().ToList();
        var totals = await db.CrimeCounts.AsNoTracking().Where(c => c.AreaId == areaId && sources.Contains(c.Source))
            .GroupBy(c => new { c.Source, c.Month }).Select(g => new { g.Key.Source, g.Key.Month, Total = g.Sum(c => (long)c.Count) })
            .ToListAsync(cancellationToken);
        return sources.Select(source => Periods.LatestCompleteMonth(new MonthlySeries(totals.Where(t => t.Source == source)
                .Select(t => new KeyValuePair<YearMonth, long>(YearMonth.FromYyyyMm(t.Month), t.Total)))))
            .FirstOrDefault(latest => latest is not null);
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

        month ??= await LatestCompleteMonthAsync(area.Id, cancellationToken);
        if (month is null) return new PerformanceDashboard(area, null, null, null, []) { SimilarGroupKey = similarKey };
        var m = month.Value;

        var groups = await db.AreaGroups.AsNoTracking().Include(g => g.Members).ThenInclude(x => x.Area)
            .Where(g => g.Key == ReferenceAreas.LondonGroup || g.Key == similarKey).ToListAsync(cancellationToken);
        var london = groups.FirstOrDefault(g => g.Key == ReferenceAreas.LondonGroup)?.Members
            .Where(x => x.Area!.Kind == AreaKind.LondonBorough).Select(x => x.AreaId).ToHashSet() ?? [];
        var similarGroup = groups.FirstOrDefault(g => g.Key == similarKey);
        var similar = similarGroup?.Members.Select(x => x.AreaId).ToHashSet();
        var areaIds = london.Concat(similar ?? []).Append(area.Id).Distinct().ToList();

        // One query over every indicator source: every count of the needed months (rolling 24 months, and 5 earlier
        // years of the last three months) for those areas.
        var from = m.AddMonths(-(LastMonthCount - 1) - 12 * ExceptionYears).ToYyyyMm();
        var to = m.ToYyyyMm();
        var sources = Indicators.Sources;
        var majors = Indicators.Majors(sources);
        var rows = await db.CrimeCounts.AsNoTracking()
            .Where(c => sources.Contains(c.Source) && areaIds.Contains(c.AreaId) && c.Month >= from && c.Month <= to && majors.Contains(c.Category.ToUpper()))
            .Select(c => new { c.Source, c.AreaId, c.Month, c.Category, c.Subcategory, c.Count })
            .ToListAsync(cancellationToken);
        var series = rows.GroupBy(r => (r.AreaId, r.Source)).ToDictionary(
            g => g.Key,
            g => Indicators.SeriesFor(g.Key.Source, g.Select(r => (r.Month, r.Category, r.Subcategory, r.Count))));

        var populationRows = await db.PopulationEstimates.AsNoTracking().Where(p => areaIds.Contains(p.AreaId) && p.Age == null)
            .Select(p => new { p.AreaId, p.Year, p.Count }).ToListAsync(cancellationToken);
        var householdRows = await db.HouseholdEstimates.AsNoTracking().Where(h => areaIds.Contains(h.AreaId))
            .Select(h => new { h.AreaId, h.Year, h.Count }).ToListAsync(cancellationToken);
        var population = DenominatorsOf(populationRows.Select(p => (p.AreaId, p.Year, p.Count)));
        var households = DenominatorsOf(householdRows.Select(h => (h.AreaId, h.Year, h.Count)));
        var noDenominators = new Denominators([]);

        MonthlySeries SeriesOf(Guid id, Indicator indicator) =>
            series.TryGetValue((id, indicator.Source), out var byIndicator) && byIndicator.TryGetValue(indicator.Key, out var s) ? s : MonthlySeries.Empty;
        Rate RateAt(Guid id, Indicator indicator, YearMonth at)
        {
            var denominators = indicator.RateBase == RateBase.PerThousandHouseholds ? households : population;
            return Rates.Rolling12(SeriesOf(id, indicator), at, denominators.GetValueOrDefault(id) ?? noDenominators, indicator.RateBase);
        }
        Rate RateOf(Guid id, Indicator indicator) => RateAt(id, indicator, m);

        var lines = new List<DashboardIndicator>();
        foreach (var listed in Indicators.All)
        {
            // The configured source wins; the next is used where it has no data for the area. Peers use the same source.
            var indicator = _precedence.Choose(listed.Key, source => Indicators.Find(listed.Key, source) is { } candidate && SeriesOf(area.Id, candidate).Count > 0);
            var own = SeriesOf(area.Id, indicator);
            var recent = Periods.RecentQuarter(own, m);
            var rolling = Periods.Rolling12(own, m);
            var rate = RateOf(area.Id, indicator);
            var rates = areaIds.ToDictionary(id => id, id => id == area.Id ? rate.Value : RateOf(id, indicator).Value);
            Rank? londonRank = london.Contains(area.Id)
                ? PeerRanks.Of(area.Id, london.ToDictionary(id => id, id => rates[id]), indicator.Polarity)
                : null;
            // The chosen group's rank includes the area itself, so a group the area is not a member of still compares it.
            Rank? similarRank = similar is not null
                ? PeerRanks.Of(area.Id, similar.Append(area.Id).Distinct().ToDictionary(id => id, id => rates[id]), indicator.Polarity)
                : null;
            var lastMonths = MonthlyExceptions.LastMonths(own, m, LastMonthCount);
            var rag = Rag.Assess(new RagInput(indicator.Polarity, recent.ChangePercent, rolling.ChangePercent, londonRank, similarRank));
            var history = RankHistory.Of(area.Id, m, (id, at) => RateAt(id, indicator, at).Value, london, similar, indicator.Polarity);
            lines.Add(new DashboardIndicator(indicator, recent, rolling, rate, londonRank, similarRank, lastMonths, rag) { RankHistory = history });
        }
        var populationYear = population.GetValueOrDefault(area.Id)?.Nearest(m.Year)?.Year;
        return new PerformanceDashboard(area, m, populationYear, similarGroup?.Name, lines) { SimilarGroupKey = similarKey };
    }

    private static Dictionary<Guid, Denominators> DenominatorsOf(IEnumerable<(Guid AreaId, int Year, int Count)> rows)
    {
        return rows.GroupBy(r => r.AreaId).ToDictionary(
            g => g.Key,
            g => new Denominators(g.GroupBy(r => r.Year).Select(y => new KeyValuePair<int, long>(y.Key, y.Sum(r => (long)r.Count)))));
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
        var from = new FinancialYear(Math.Min(years[0].StartYear, latest.StartYear - 5)).First.ToYyyyMm();
        var to = latest.Last.ToYyyyMm();
        var sources = Indicators.Sources;
        var majors = Indicators.Majors(sources);
        var rows = await db.CrimeCounts.AsNoTracking()
            .Where(c => sources.Contains(c.Source) && c.AreaId == area.Id && c.Month >= from && c.Month <= to && majors.Contains(c.Category.ToUpper()))
            .Select(c => new { c.Source, c.Month, c.Category, c.Subcategory, c.Count })
            .ToListAsync(cancellationToken);
        var series = rows.GroupBy(r => r.Source).ToDictionary(g => g.Key, g => Indicators.SeriesFor(g.Key, g.Select(r => (r.Month, r.Category, r.Subcategory, r.Count))));
        MonthlySeries SeriesOf(Indicator i) =>
            series.TryGetValue(i.Source, out var bySource) && bySource.TryGetValue(i.Key, out var s) ? s : MonthlySeries.Empty;
        var table = Indicators.All
            .Select(listed => _precedence.Choose(listed.Key, source => Indicators.Find(listed.Key, source) is { } candidate && SeriesOf(candidate).Count > 0))
            .Select(i => new StrategicIndicatorRow(i, StrategicAssessment.Row(i.Key, SeriesOf(i), years))).ToList();
        return new StrategicTable(area, years, table);
    }
}
