using System.Globalization;
using Microsoft.EntityFrameworkCore;

namespace Sightline.Core.Performance;

public sealed partial class PerformanceImports
{
    public const string IndicatorsSource = "indicators";
    private const int IndicatorProgressEvery = 1_000;
    /// <summary>The largest value stored (numeric(18,4) holds less than 10^14); larger is a typing slip.</summary>
    private const decimal LargestValue = 1_000_000_000_000m;

    private readonly record struct ValueKey(Guid AreaId, string IndicatorKey, PeriodKind Kind, int Start);

    /// <summary>
    /// The partner measures file: <c>area,indicator,period,value</c> (any order, more columns ignored). Areas must
    /// already exist; indicators are the configured <see cref="PartnerIndicators"/>; periods are months, calendar
    /// quarters or financial years (<see cref="PartnerPeriod.Formats"/>). Values in the file are added or changed;
    /// values the file does not mention stay (a partner may return one quarter at a time). Unchanged values are not
    /// rewritten, so the same file twice changes nothing.
    /// </summary>
    public async Task<ImportOutcome> ImportIndicatorsAsync(string path, IProgress<int>? progress = null, CancellationToken cancellationToken = default)
    {
        var fileName = Path.GetFileName(path);
        if (!File.Exists(path)) return ImportOutcome.Refuse(fileName, $"There is no file '{path}'.");
        var startedAt = clock.GetUtcNow().UtcDateTime;
        var sha = await ImportOutcome.Sha256Async(path, cancellationToken);
        var catalogue = partnerIndicators ?? PartnerIndicators.Default;
        var areas = await db.Areas.AsNoTracking().ToDictionaryAsync(a => a.Name, a => a.Id, StringComparer.OrdinalIgnoreCase, cancellationToken);

        var tally = new ImportTally(progress, IndicatorProgressEvery);
        var values = new Dictionary<ValueKey, decimal>();
        var firstLine = new Dictionary<ValueKey, long>();
        using (var file = await CsvImportFile.OpenAsync(path))
        {
            if (file is null) return ImportOutcome.Refuse(fileName, "The file is empty.");
            var areaAt = file.Column("area");
            var indicatorAt = file.Column("indicator");
            var periodAt = file.Column("period");
            var valueAt = file.Column("value");
            if (areaAt < 0 || indicatorAt < 0 || periodAt < 0 || valueAt < 0)
                return ImportOutcome.Refuse(fileName, $"This is not a partner measures file: the header must be area,indicator,period,value. It starts: {file.HeaderStart}");

            await foreach (var row in file.RowsAsync(tally, cancellationToken))
            {
                ValueKey key = default;
                decimal value = 0;
                var reason = row.Problem ?? Check(row, out key, out value);
                if (reason is null && firstLine.TryGetValue(key, out var earlier)) reason = $"the same area, indicator and period as line {earlier}; this row is skipped";
                if (reason is not null)
                {
                    tally.Reject($"line {row.Line}", reason);
                    continue;
                }
                firstLine[key] = row.Line;
                values[key] = value;
            }

            string? Check(CsvImportRow row, out ValueKey key, out decimal value)
            {
                key = default;
                value = 0;
                if (!areas.TryGetValue(row[areaAt], out var areaId)) return $"unknown area '{row[areaAt]}'";
                if (catalogue.Find(row[indicatorAt]) is not { } indicator)
                    return $"unknown indicator '{row[indicatorAt]}' (known: {string.Join(", ", catalogue.All.Select(i => i.Key))})";
                if (!PartnerPeriod.TryParse(row[periodAt], out var period)) return $"'{row[periodAt]}' is not a period: use {PartnerPeriod.Formats}";
                if (!decimal.TryParse(row[valueAt], NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value))
                    return $"'{row[valueAt]}' is not a number";
                if (value < 0) return $"negative value {row[valueAt]}: a {indicator.Unit.ToString().ToLowerInvariant()} cannot be negative";
                if (indicator.Unit == MeasureUnit.Percent && value > 100) return $"{row[valueAt]} is more than 100 percent";
                if (value >= LargestValue) return $"{row[valueAt]} is too large";
                value = Math.Round(value, 4);
                key = new ValueKey(areaId, indicator.Key, period.Kind, period.Start.ToYyyyMm());
                return null;
            }
        }
        tally.Finish();

        var stored = (await db.IndicatorValues.ToListAsync(cancellationToken))
            .ToDictionary(v => new ValueKey(v.AreaId, v.IndicatorKey, v.PeriodKind, v.PeriodStart));
        var inserts = values.Where(p => !stored.ContainsKey(p.Key)).ToList();
        var updates = values.Where(p => stored.TryGetValue(p.Key, out var s) && s.Value != p.Value).ToList();
        var outcome = new ImportOutcome
        {
            FileName = fileName, RowsRead = tally.RowsRead, RowsRejected = tally.RowsRejected,
            Imported = inserts.Count + updates.Count, Unchanged = values.Count - inserts.Count - updates.Count,
            Problems = tally.Problems, Notes = tally.Notes,
        };
        var runId = await WriteAsync(IndicatorsSource, fileName, sha, startedAt, outcome, tally.RowsRead - tally.RowsRejected, async runId =>
        {
            foreach (var (key, value) in inserts)
                db.IndicatorValues.Add(new IndicatorValue
                {
                    AreaId = key.AreaId, IndicatorKey = key.IndicatorKey, PeriodKind = key.Kind, PeriodStart = key.Start, Value = value, ImportRunId = runId,
                });
            foreach (var (key, value) in updates)
            {
                stored[key].Value = value;
                stored[key].ImportRunId = runId;
            }
            await db.SaveWithoutAuditAsync(cancellationToken);
        }, cancellationToken);
        return outcome with { RunId = runId };
    }
}
