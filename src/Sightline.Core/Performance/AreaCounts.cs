using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Sightline.Core.Dashboard;
using Sightline.Core.Data;

namespace Sightline.Core.Performance;

/// <summary>
/// Everything the dashboard reads about one area, over its whole history: per source, each indicator's monthly series
/// and the area's monthly total (every category, which is what decides the latest complete month); and its population
/// and household denominators. Immutable, so one instance can serve many requests at once.
/// </summary>
public sealed class AreaCounts
{
    private readonly IReadOnlyDictionary<string, IReadOnlyDictionary<string, MonthlySeries>> _series;
    private readonly IReadOnlyDictionary<string, MonthlySeries> _totals;
    private readonly Dictionary<string, YearMonth?> _latestComplete;
    private readonly ConcurrentDictionary<(string Source, string Key), Dictionary<YearMonth, long>> _rolling12 = new();

    private AreaCounts(IReadOnlyDictionary<string, IReadOnlyDictionary<string, MonthlySeries>> series, IReadOnlyDictionary<string, MonthlySeries> totals,
        Denominators population, Denominators households)
    {
        _series = series;
        _totals = totals;
        // Searched back from the latest month, so worked out once per source rather than per request.
        _latestComplete = totals.ToDictionary(kv => kv.Key, kv => Periods.LatestCompleteMonth(kv.Value));
        Population = population;
        Households = households;
    }

    public static AreaCounts Empty { get; } = new(new Dictionary<string, IReadOnlyDictionary<string, MonthlySeries>>(), new Dictionary<string, MonthlySeries>(), new([]), new([]));

    public Denominators Population { get; }
    public Denominators Households { get; }

    /// <summary>The denominators an indicator's rate is over.</summary>
    public Denominators DenominatorsOf(Indicator indicator) => indicator.RateBase == RateBase.PerThousandHouseholds ? Households : Population;

    /// <summary>An indicator's series from its own source (empty when the source has nothing for the area).</summary>
    public MonthlySeries SeriesOf(Indicator indicator) =>
        _series.TryGetValue(indicator.Source, out var byKey) && byKey.TryGetValue(indicator.Key, out var s) ? s : MonthlySeries.Empty;

    /// <summary>The rolling 12 months volume to <paramref name="month"/> (null unless all 12 have data), as
    /// <see cref="MonthlySeries.Sum"/> gives it. Ranks need every peer's at 12 months for every request, so each
    /// indicator's volumes are worked out once, on first use, and kept.</summary>
    public long? Rolling12Volume(Indicator indicator, YearMonth month) =>
        _rolling12.GetOrAdd((indicator.Source, indicator.Key), _ => Rolling12Volumes(SeriesOf(indicator))).TryGetValue(month, out var v) ? v : null;

    private static Dictionary<YearMonth, long> Rolling12Volumes(MonthlySeries series)
    {
        var volumes = new Dictionary<YearMonth, long>();
        foreach (var (month, _) in series.Months)
            if (series.Sum(Periods.Rolling12Window(month)) is { } volume) volumes[month] = volume;
        return volumes;
    }

    /// <summary>The latest month whose rolling 24 months all have data in the area's total of <paramref name="source"/>.</summary>
    public YearMonth? LatestCompleteMonth(string source) => _latestComplete.GetValueOrDefault(source);

    /// <summary>
    /// Reads several areas at once: the rows of the categories some indicator needs (grouped into series, matching each
    /// distinct category once), the monthly totals of every source (summed by the database), and the denominators.
    /// </summary>
    public static async Task<Dictionary<Guid, AreaCounts>> LoadAsync(SightlineDb db, IReadOnlyCollection<Guid> areaIds, CancellationToken cancellationToken)
    {
        var ids = areaIds.Distinct().ToList();
        var sources = Indicators.Sources;
        var majors = Indicators.Majors(sources);
        var rows = await db.CrimeCounts.AsNoTracking()
            .Where(c => sources.Contains(c.Source) && ids.Contains(c.AreaId) && majors.Contains(c.Category.ToUpper()))
            .Select(c => new { c.Source, c.AreaId, c.Month, c.Category, c.Subcategory, c.Count })
            .ToListAsync(cancellationToken);
        var totals = await db.CrimeCounts.AsNoTracking().Where(c => ids.Contains(c.AreaId))
            .GroupBy(c => new { c.AreaId, c.Source, c.Month }).Select(g => new { g.Key.AreaId, g.Key.Source, g.Key.Month, Total = g.Sum(c => (long)c.Count) })
            .ToListAsync(cancellationToken);
        var population = await db.PopulationEstimates.AsNoTracking().Where(p => ids.Contains(p.AreaId) && p.Age == null)
            .Select(p => new { p.AreaId, p.Year, p.Count }).ToListAsync(cancellationToken);
        var households = await db.HouseholdEstimates.AsNoTracking().Where(h => ids.Contains(h.AreaId))
            .Select(h => new { h.AreaId, h.Year, h.Count }).ToListAsync(cancellationToken);

        var seriesByArea = rows.GroupBy(r => r.AreaId).ToDictionary(
            a => a.Key,
            a => (IReadOnlyDictionary<string, IReadOnlyDictionary<string, MonthlySeries>>)a.GroupBy(r => r.Source).ToDictionary(
                s => s.Key, s => Indicators.SeriesFor(s.Key, s.Select(r => (r.Month, r.Category, r.Subcategory, r.Count)))));
        var totalsByArea = totals.GroupBy(t => t.AreaId).ToDictionary(
            a => a.Key,
            a => (IReadOnlyDictionary<string, MonthlySeries>)a.GroupBy(t => t.Source).ToDictionary(
                s => s.Key, s => new MonthlySeries(s.Select(t => new KeyValuePair<YearMonth, long>(YearMonth.FromYyyyMm(t.Month), t.Total)))));
        var populationByArea = population.ToLookup(p => p.AreaId, p => (p.Year, p.Count));
        var householdsByArea = households.ToLookup(h => h.AreaId, h => (h.Year, h.Count));

        return ids.ToDictionary(id => id, id => new AreaCounts(
            seriesByArea.GetValueOrDefault(id) ?? Empty._series,
            totalsByArea.GetValueOrDefault(id) ?? Empty._totals,
            DenominatorsOf(populationByArea[id]),
            DenominatorsOf(householdsByArea[id])));
    }

    /// <summary>Yearly denominators, adding rows of the same year.</summary>
    private static Denominators DenominatorsOf(IEnumerable<(int Year, int Count)> rows) =>
        new(rows.GroupBy(r => r.Year).Select(y => new KeyValuePair<int, long>(y.Key, y.Sum(r => (long)r.Count))));
}
