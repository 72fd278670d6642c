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
    RagResult Rag);

/// <summary>The dashboard of an area for a month (null when the area has no complete 24 months of data).</summary>
public sealed record PerformanceDashboard(Area Area, YearMonth? Month, int? PopulationYear, string? SimilarGroup, IReadOnlyList<DashboardIndicator> Indicators);

public sealed record StrategicIndicatorRow(Indicator Indicator, StrategicRow Row);

/// <summary>The strategic assessment table of an area for chosen financial years.</summary>
public sealed record StrategicTable(Area Area, IReadOnlyList<FinancialYear> Years, IReadOnlyList<StrategicIndicatorRow> Rows);

/// <summary>
/// Builds the performance dashboard and the strategic assessment from the stored counts, using the pure
/// arithmetic of <see cref="Sightline.Core.Dashboard"/>. Counts are loaded in one query for every area that
/// a rank needs and grouped in memory into one series per area and indicator.
/// </summary>
public sealed class DashboardQueries(SightlineDb db)
{
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

    /// <summary>The dashboard for <paramref name="areaName"/>; null when there is no such area. Without
    /// <paramref name="month"/>, the latest month whose rolling 24 months all have data in the area's total.</summary>
    public async Task<PerformanceDashboard?> BuildAsync(string areaName, YearMonth? month, CancellationToken cancellationToken = default)
    {
        var area = await FindAreaAsync(areaName, cancellationToken);
        if (area is null) return null;
        const string source = PerformanceImports.MpsBoroughSource;

        if (month is null)
        {
            var totals = await db.CrimeCounts.AsNoTracking().Where(c => c.AreaId == area.Id && c.Source == source)
                .GroupBy(c => c.Month).Select(g => new { Month = g.Key, Total = g.Sum(c => (long)c.Count) }).ToListAsync(cancellationToken);
            month = Periods.LatestCompleteMonth(new MonthlySeries(totals.Select(t => new KeyValuePair<YearMonth, long>(YearMonth.FromYyyyMm(t.Month), t.Total))));
            if (month is null) return new PerformanceDashboard(area, null, null, null, []);
        }
        var m = month.Value;

        var groups = await db.AreaGroups.AsNoTracking().Include(g => g.Members).ThenInclude(x => x.Area)
            .Where(g => g.Key == ReferenceAreas.LondonGroup || g.Key == SimilarGroupKey(area.Name)).ToListAsync(cancellationToken);
        var london = groups.FirstOrDefault(g => g.Key == ReferenceAreas.LondonGroup)?.Members
            .Where(x => x.Area!.Kind == AreaKind.LondonBorough).Select(x => x.AreaId).ToHashSet() ?? [];
        var similarGroup = groups.FirstOrDefault(g => g.Key == SimilarGroupKey(area.Name));
        var similar = similarGroup?.Members.Select(x => x.AreaId).ToHashSet();
        var areaIds = london.Concat(similar ?? []).Append(area.Id).Distinct().ToList();

        // One query: every count of the needed months (rolling 24 months, and 5 earlier years of the last three months) for those areas.
        var from = m.AddMonths(-(LastMonthCount - 1) - 12 * ExceptionYears).ToYyyyMm();
        var to = m.ToYyyyMm();
        var majors = Indicators.Majors(source);
        var rows = await db.CrimeCounts.AsNoTracking()
            .Where(c => c.Source == source && areaIds.Contains(c.AreaId) && c.Month >= from && c.Month <= to && majors.Contains(c.Category.ToUpper()))
            .Select(c => new { c.AreaId, c.Month, c.Category, c.Subcategory, c.Count })
            .ToListAsync(cancellationToken);
        var series = rows.GroupBy(r => r.AreaId).ToDictionary(
            g => g.Key,
            g => Indicators.SeriesFor(g.Select(r => (r.Month, r.Category, r.Subcategory, r.Count))));

        var populationRows = await db.PopulationEstimates.AsNoTracking().Where(p => areaIds.Contains(p.AreaId) && p.Age == null)
            .Select(p => new { p.AreaId, p.Year, p.Count }).ToListAsync(cancellationToken);
        var householdRows = await db.HouseholdEstimates.AsNoTracking().Where(h => areaIds.Contains(h.AreaId))
            .Select(h => new { h.AreaId, h.Year, h.Count }).ToListAsync(cancellationToken);
        var population = DenominatorsOf(populationRows.Select(p => (p.AreaId, p.Year, p.Count)));
        var households = DenominatorsOf(householdRows.Select(h => (h.AreaId, h.Year, h.Count)));
        var noDenominators = new Denominators([]);

        MonthlySeries SeriesOf(Guid id, string key) =>
            series.TryGetValue(id, out var byIndicator) && byIndicator.TryGetValue(key, out var s) ? s : MonthlySeries.Empty;
        Rate RateOf(Guid id, Indicator indicator)
        {
            var denominators = indicator.RateBase == RateBase.PerThousandHouseholds ? households : population;
            return Rates.Rolling12(SeriesOf(id, indicator.Key), m, denominators.GetValueOrDefault(id) ?? noDenominators, indicator.RateBase);
        }

        var lines = new List<DashboardIndicator>();
        foreach (var indicator in Indicators.All)
        {
            var own = SeriesOf(area.Id, indicator.Key);
            var recent = Periods.RecentQuarter(own, m);
            var rolling = Periods.Rolling12(own, m);
            var rate = RateOf(area.Id, indicator);
            var rates = areaIds.ToDictionary(id => id, id => id == area.Id ? rate.Value : RateOf(id, indicator).Value);
            Rank? londonRank = london.Contains(area.Id)
                ? PeerRanks.Of(area.Id, london.ToDictionary(id => id, id => rates[id]), indicator.Polarity)
                : null;
            Rank? similarRank = similar is not null && similar.Contains(area.Id)
                ? PeerRanks.Of(area.Id, similar.ToDictionary(id => id, id => rates[id]), indicator.Polarity)
                : null;
            var lastMonths = MonthlyExceptions.LastMonths(own, m, LastMonthCount);
            var rag = Rag.Assess(new RagInput(indicator.Polarity, recent.ChangePercent, rolling.ChangePercent, londonRank, similarRank));
            lines.Add(new DashboardIndicator(indicator, recent, rolling, rate, londonRank, similarRank, lastMonths, rag));
        }
        var populationYear = population.GetValueOrDefault(area.Id)?.Nearest(m.Year)?.Year;
        return new PerformanceDashboard(area, m, populationYear, similarGroup?.Name, lines);
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
        const string source = PerformanceImports.MpsBoroughSource;
        var years = startYears.Distinct().Order().Select(y => new FinancialYear(y)).ToList();
        var latest = years[^1];
        var from = new FinancialYear(Math.Min(years[0].StartYear, latest.StartYear - 5)).First.ToYyyyMm();
        var to = latest.Last.ToYyyyMm();
        var majors = Indicators.Majors(source);
        var rows = await db.CrimeCounts.AsNoTracking()
            .Where(c => c.Source == source && c.AreaId == area.Id && c.Month >= from && c.Month <= to && majors.Contains(c.Category.ToUpper()))
            .Select(c => new { c.Month, c.Category, c.Subcategory, c.Count })
            .ToListAsync(cancellationToken);
        var series = Indicators.SeriesFor(rows.Select(r => (r.Month, r.Category, r.Subcategory, r.Count)));
        var table = Indicators.All.Select(i => new StrategicIndicatorRow(i, StrategicAssessment.Row(i.Key, series[i.Key], years))).ToList();
        return new StrategicTable(area, years, table);
    }
}
