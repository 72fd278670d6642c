using Microsoft.EntityFrameworkCore;
using Sightline.Core.Dashboard;
using Sightline.Core.Data;

namespace Sightline.Core.Performance;

/// <summary>A partner measure's latest value for an area against the same period a year before.</summary>
public sealed record PartnerMeasureLine(PartnerIndicator Indicator, PartnerPeriod Period, decimal Value, decimal? YearBefore, string? SourceFile)
{
    /// <summary>Value minus the year before (in the measure's unit: percentage points for a percent).</summary>
    public decimal? Change => YearBefore is { } before ? Value - before : null;

    /// <summary>True when the change is good by the measure's polarity, false when bad, null when none or unknown.</summary>
    public bool? Better => Change switch
    {
        null or 0 => null,
        > 0 => Indicator.Polarity == Polarity.HigherIsBetter,
        _ => Indicator.Polarity == Polarity.LowerIsBetter,
    };
}

/// <summary>The partner measures of an area for the dashboard: per measure, the latest period ending by the dashboard's month.</summary>
public sealed class PartnerMeasures(SightlineDb db, PartnerIndicators? indicators = null)
{
    public async Task<IReadOnlyList<PartnerMeasureLine>> ForAsync(Guid areaId, YearMonth? upTo, CancellationToken cancellationToken = default)
    {
        var catalogue = indicators ?? PartnerIndicators.Default;
        var values = await db.IndicatorValues.AsNoTracking().Where(v => v.AreaId == areaId).ToListAsync(cancellationToken);
        var runIds = values.Where(v => v.ImportRunId is not null).Select(v => v.ImportRunId!.Value).Distinct().ToList();
        var files = await db.ImportRuns.AsNoTracking().Where(r => runIds.Contains(r.Id))
            .Select(r => new { r.Id, r.FileName }).ToDictionaryAsync(r => r.Id, r => r.FileName, cancellationToken);
        var lines = new List<PartnerMeasureLine>();
        foreach (var indicator in catalogue.All)
        {
            var own = values.Where(v => v.IndicatorKey == indicator.Key)
                .Select(v => (Period: PartnerPeriod.FromStored(v.PeriodKind, v.PeriodStart), Stored: v))
                .Where(v => upTo is null || v.Period.End <= upTo.Value)
                .ToList();
            // The latest period to end; of two ending together (a quarter and its last month), the shorter.
            var latest = own.OrderByDescending(v => v.Period.End).ThenBy(v => v.Period.Months).FirstOrDefault();
            if (latest.Stored is null) continue;
            var before = own.FirstOrDefault(v => v.Period == latest.Period.YearBefore);
            lines.Add(new PartnerMeasureLine(indicator, latest.Period, latest.Stored.Value, before.Stored?.Value,
                latest.Stored.ImportRunId is { } id ? files.GetValueOrDefault(id) : null));
        }
        return lines;
    }
}
