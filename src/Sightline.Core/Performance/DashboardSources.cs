using Microsoft.EntityFrameworkCore;
using Sightline.Core.Dashboard;
using Sightline.Core.Data;

namespace Sightline.Core.Performance;

/// <summary>One stored count behind a dashboard figure, with the import run that added or last changed it (null: imported before runs were traced).</summary>
public sealed record SourceRow(YearMonth Month, string Source, string Category, string Subcategory, int Count, ImportRun? Run);

/// <summary>A dashboard period and the rows that add up to its volume.</summary>
public sealed record SourcePeriod(string Name, PeriodWindow Window, IReadOnlyList<SourceRow> Rows)
{
    public long Total => Rows.Sum(r => (long)r.Count);
}

/// <summary>What is behind one indicator's row of the dashboard for an area and month.</summary>
public sealed record DashboardSourceTable(Area Area, Indicator Indicator, YearMonth Month, IReadOnlyList<SourcePeriod> Periods);

/// <summary>
/// Traceability: the stored counts behind a dashboard row, period by period (recent quarter, the same quarter a
/// year before, rolling 12 months, the 12 before), read with the same filter <see cref="DashboardQueries"/> uses,
/// so each period's total is the dashboard's volume when every month has data.
/// </summary>
public sealed class DashboardSources(SightlineDb db)
{
    /// <summary>The rows behind one dashboard row. <paramref name="source"/> is the source the dashboard used for the
    /// indicator (see <see cref="SourcePrecedence"/>); without it, the indicator's first configured source.</summary>
    public async Task<DashboardSourceTable?> ForAsync(string areaName, string indicatorKey, YearMonth month, string? source = null, CancellationToken cancellationToken = default)
    {
        var indicator = source is null ? Indicators.Find(indicatorKey) : Indicators.Find(indicatorKey, source);
        if (indicator is null) return null;
        var area = await new DashboardQueries(db).FindAreaAsync(areaName, cancellationToken);
        if (area is null) return null;
        // A composite (MOPAC 7) is the sum of its parts: a row counts once for each part it belongs to.
        var parts = indicator.IsComposite ? indicator.Parts!.Select(p => Indicators.Find(p, indicator.Source)!).ToList() : [indicator];

        var recent = Periods.RecentQuarterWindow(month);
        var rolling = Periods.Rolling12Window(month);
        var windows = new (string Name, PeriodWindow Window)[]
        {
            ("Recent quarter", recent), ("Same quarter a year before", recent.ShiftYears(-1)),
            ("Rolling 12 months", rolling), ("The 12 months before", rolling.Preceding),
        };
        var from = rolling.Preceding.First.ToYyyyMm();
        var to = month.ToYyyyMm();
        var indicatorSource = indicator.Source;
        var majors = Indicators.Majors(indicatorSource);
        var counts = await db.CrimeCounts.AsNoTracking()
            .Where(c => c.Source == indicatorSource && c.AreaId == area.Id && c.Month >= from && c.Month <= to && majors.Contains(c.Category.ToUpper()))
            .ToListAsync(cancellationToken);
        var matching = counts.SelectMany(c => parts.Where(p => p.Matches(c.Category, c.Subcategory)).Select(_ => c)).ToList();
        var runIds = matching.Where(c => c.ImportRunId is not null).Select(c => c.ImportRunId!.Value).Distinct().ToList();
        var runs = await db.ImportRuns.AsNoTracking().Where(r => runIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, cancellationToken);

        var rows = matching
            .Select(c => new SourceRow(YearMonth.FromYyyyMm(c.Month), c.Source, c.Category, c.Subcategory, c.Count,
                c.ImportRunId is { } id ? runs.GetValueOrDefault(id) : null))
            .OrderBy(r => r.Month).ThenBy(r => r.Category, StringComparer.Ordinal).ThenBy(r => r.Subcategory, StringComparer.Ordinal)
            .ToList();
        var periods = windows.Select(w => new SourcePeriod(w.Name, w.Window, rows.Where(r => w.Window.Contains(r.Month)).ToList())).ToList();
        return new DashboardSourceTable(area, indicator, month, periods);
    }
}
