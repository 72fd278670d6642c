using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Sightline.Core.Audit;
using Sightline.Core.Data;

namespace Sightline.Core.Performance;

/// <summary>
/// The performance-data imports. Each file is read as a stream, checked, compared with what is stored
/// and written in one transaction: all of it or none of it. Unchanged values are not rewritten, so the
/// same file twice changes nothing. The counts are aggregate figures (no personal data), so they are
/// written without the per-row audit trail; each run leaves one audit entry ("import-run").
/// </summary>
public sealed partial class PerformanceImports(SightlineDb db, TimeProvider clock, PartnerIndicators? partnerIndicators = null)
{
    public const string MpsBoroughSource = "mps-borough";
    public const string PopulationSource = "population";
    private const int ProgressEvery = 500;
    private const int PopulationProgressEvery = 10_000;
    private const int InsertBatch = 500;

    private readonly record struct CountKey(Guid AreaId, int Month, string Category, string Subcategory);

    /// <summary>
    /// The Metropolitan Police borough-level file: MajorText, MinorText, BoroughName (or
    /// LookUp_BoroughName), then one column per month (yyyymm). A later file overrides the months it
    /// shares with an earlier one.
    /// </summary>
    public async Task<ImportOutcome> ImportMpsBoroughAsync(string path, IProgress<int>? progress = null, CancellationToken cancellationToken = default)
    {
        var fileName = Path.GetFileName(path);
        if (!File.Exists(path)) return ImportOutcome.Refuse(fileName, $"There is no file '{path}'.");
        var startedAt = clock.GetUtcNow().UtcDateTime;
        var sha = await ImportOutcome.Sha256Async(path, cancellationToken);

        var areas = await db.Areas.ToDictionaryAsync(a => a.Name, StringComparer.OrdinalIgnoreCase, cancellationToken);
        var tally = new ImportTally(progress, ProgressEvery);
        var values = new Dictionary<CountKey, int>();
        var firstLine = new Dictionary<(Guid, string, string), long>();

        using (var file = await CsvImportFile.OpenAsync(path))
        {
            if (file is null) return ImportOutcome.Refuse(fileName, "The file is empty.");
            var header = file.Header;
            var majorAt = file.Column("MajorText");
            var minorAt = file.Column("MinorText");
            var boroughAt = file.Column("BoroughName", "LookUp_BoroughName");
            if (majorAt < 0 || minorAt < 0 || boroughAt < 0)
                return ImportOutcome.Refuse(fileName,
                    $"This is not an MPS borough-level file: the header must have MajorText, MinorText and BoroughName (or LookUp_BoroughName) columns, then one column per month (yyyymm). It starts: {file.HeaderStart}");
            var months = new List<(int Index, int Month)>();
            for (var i = 0; i < header.Length; i++)
            {
                if (i == majorAt || i == minorAt || i == boroughAt) continue;
                if (TryMonth(header[i], out var month))
                {
                    if (months.Any(m => m.Month == month)) tally.Problems.Add($"header column {i + 1}: month {month} appears twice; the later column is skipped");
                    else months.Add((i, month));
                }
                else tally.Problems.Add($"header column {i + 1}: '{header[i]}' is not a month (yyyymm); that column is skipped");
            }
            if (months.Count == 0) return ImportOutcome.Refuse(fileName, "The header has no month columns (yyyymm, e.g. 201604).");

            await foreach (var row in file.RowsAsync(tally, cancellationToken))
            {
                List<(int Month, int Count)>? rowValues = null;
                var reason = row.Problem ?? Check(row, out rowValues);
                if (reason is not null)
                {
                    tally.Reject($"line {row.Line}", reason);
                    continue;
                }
                var boroughName = row[boroughAt];
                if (!areas.TryGetValue(boroughName, out var area))
                {
                    area = new Area { Name = boroughName, Kind = AreaKind.Other };
                    db.Areas.Add(area);
                    areas[boroughName] = area;
                    tally.Notes.Add($"'{boroughName}' is not a London borough: added as an area of kind Other (kept out of borough ranks)");
                }
                var category = row[majorAt];
                var subcategory = row[minorAt];
                if (firstLine.TryGetValue((area.Id, category, subcategory), out var earlier))
                {
                    tally.Reject($"line {row.Line}", $"the same borough and categories as line {earlier}; this row is skipped");
                    continue;
                }
                firstLine[(area.Id, category, subcategory)] = row.Line;
                foreach (var (month, count) in rowValues!) values[new CountKey(area.Id, month, category, subcategory)] = count;
            }
            tally.Finish();

            string? Check(CsvImportRow row, out List<(int Month, int Count)>? rowValues)
            {
                rowValues = [];
                if (string.IsNullOrWhiteSpace(row[boroughAt])) return "no borough";
                if (string.IsNullOrWhiteSpace(row[majorAt]) || string.IsNullOrWhiteSpace(row[minorAt])) return "no MajorText or MinorText";
                if (row[boroughAt].Length > 120 || row[majorAt].Length > 120 || row[minorAt].Length > 120) return "a name longer than 120 characters";
                foreach (var (index, month) in months)
                {
                    var text = row[index];
                    if (!int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var count))
                        return $"'{text}' for {month} is not a count";
                    if (count < 0) return $"negative count {count} for {month}";
                    rowValues.Add((month, count));
                }
                return null;
            }
        }

        var existing = new Dictionary<CountKey, int>();
        await foreach (var c in db.CrimeCounts.AsNoTracking().Where(c => c.Source == MpsBoroughSource)
                           .Select(c => new { c.AreaId, c.Month, c.Category, c.Subcategory, c.Count })
                           .AsAsyncEnumerable().WithCancellation(cancellationToken))
            existing[new CountKey(c.AreaId, c.Month, c.Category, c.Subcategory)] = c.Count;

        var inserts = new List<KeyValuePair<CountKey, int>>();
        var updates = new List<KeyValuePair<CountKey, int>>();
        foreach (var pair in values)
        {
            if (!existing.TryGetValue(pair.Key, out var stored)) inserts.Add(pair);
            else if (stored != pair.Value) updates.Add(pair);
        }

        var outcome = new ImportOutcome
        {
            FileName = fileName, RowsRead = tally.RowsRead, RowsRejected = tally.RowsRejected,
            Imported = inserts.Count + updates.Count, Unchanged = values.Count - inserts.Count - updates.Count,
            Problems = tally.Problems, Notes = tally.Notes.Distinct().ToList(),
        };
        var runId = await WriteAsync(MpsBoroughSource, fileName, sha, startedAt, outcome, tally.RowsRead - tally.RowsRejected, async runId =>
        {
            await InsertCountsAsync(MpsBoroughSource, runId, inserts, cancellationToken);
            await UpdateCountsAsync(MpsBoroughSource, runId, updates, cancellationToken);
        }, cancellationToken);
        return outcome with { RunId = runId };
    }

    private static bool TryMonth(string text, out int month)
    {
        month = 0;
        if (text.Length != 6 || !text.All(char.IsAsciiDigit)) return false;
        var value = int.Parse(text, CultureInfo.InvariantCulture);
        if (value / 100 is < 1900 or > 2200 || value % 100 is < 1 or > 12) return false;
        month = value;
        return true;
    }

    /// <summary>
    /// In one transaction: what the EF context holds (new areas, estimates), the run, then <paramref name="write"/>
    /// (given the run's id, so the rows it adds or changes can say which run they came from), then the run's
    /// finishing time and its one audit entry. Any failure rolls all of it back.
    /// </summary>
    private async Task<Guid> WriteAsync(string source, string fileName, string sha, DateTime startedAt, ImportOutcome outcome, int rowsImported, Func<Guid, Task> write, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.SaveWithoutAuditAsync(cancellationToken);
        var summary = outcome.Describe();
        var run = new ImportRun
        {
            Source = source, FileName = fileName.Length > 400 ? fileName[..400] : fileName, FileSha256 = sha,
            StartedAt = startedAt, FinishedAt = startedAt,
            RowsRead = outcome.RowsRead, RowsImported = rowsImported, RowsRejected = outcome.RowsRejected,
            Summary = summary.Length > 8000 ? summary[..8000] : summary,
        };
        db.ImportRuns.Add(run);
        await db.SaveWithoutAuditAsync(cancellationToken);
        await write(run.Id);
        run.FinishedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveWithoutAuditAsync(cancellationToken);
        if (db.Audit is not null)
        {
            db.Audit.Record(AuditAction.Create, "import-run", run.Id.ToString(), details: new
            {
                run.Source, run.FileName, run.FileSha256, run.RowsRead, Imported = outcome.Imported, outcome.Unchanged, run.RowsRejected,
            });
            await db.SaveChangesAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        return run.Id;
    }

    private DbCommand NewCommand(string sql)
    {
        var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = sql;
        command.Transaction = db.Database.CurrentTransaction!.GetDbTransaction();
        return command;
    }

    private readonly Dictionary<Type, RelationalTypeMapping> _mappings = [];

    private void AddParameter<T>(DbCommand command, string name, T value)
    {
        // The provider's own mapping, so a Guid is stored exactly as EF stores it (text on SQLite, uuid on PostgreSQL).
        if (!_mappings.TryGetValue(typeof(T), out var mapping))
            _mappings[typeof(T)] = mapping = db.GetService<IRelationalTypeMappingSource>().FindMapping(typeof(T))!;
        command.Parameters.Add(mapping.CreateParameter(command, name, value, nullable: false));
    }

    private async Task InsertCountsAsync(string source, Guid runId, List<KeyValuePair<CountKey, int>> rows, CancellationToken cancellationToken)
    {
        // PostgreSQL: many rows per statement (fewer round trips). SQLite: one prepared single-row statement
        // reused (it binds parameters by name, so wide statements cost more than they save).
        var perCommand = db.Database.IsSqlite() ? 1 : InsertBatch;
        DbCommand? command = null;
        try
        {
            foreach (var batch in rows.Chunk(perCommand))
            {
                if (command is null || command.Parameters.Count != 2 + 5 * batch.Length)
                {
                    if (command is not null) await command.DisposeAsync();
                    command = NewCommand("");
                    var sql = new System.Text.StringBuilder("INSERT INTO \"CrimeCounts\" (\"Source\", \"ImportRunId\", \"AreaId\", \"Month\", \"Category\", \"Subcategory\", \"Count\") VALUES ");
                    AddParameter(command, "@s", source);
                    AddParameter(command, "@r", runId);
                    for (var i = 0; i < batch.Length; i++)
                    {
                        if (i > 0) sql.Append(", ");
                        sql.Append($"(@s, @r, @a{i}, @m{i}, @c{i}, @n{i}, @v{i})");
                        AddParameter(command, $"@a{i}", Guid.Empty);
                        AddParameter(command, $"@m{i}", 0);
                        AddParameter(command, $"@c{i}", "");
                        AddParameter(command, $"@n{i}", "");
                        AddParameter(command, $"@v{i}", 0);
                    }
                    command.CommandText = sql.ToString();
                    await command.PrepareAsync(cancellationToken);
                }
                for (var i = 0; i < batch.Length; i++)
                {
                    var (key, count) = (batch[i].Key, batch[i].Value);
                    var at = 2 + 5 * i;
                    command.Parameters[at].Value = ConvertGuid(key.AreaId);
                    command.Parameters[at + 1].Value = key.Month;
                    command.Parameters[at + 2].Value = key.Category;
                    command.Parameters[at + 3].Value = key.Subcategory;
                    command.Parameters[at + 4].Value = count;
                }
                await command.ExecuteNonQueryAsync(cancellationToken);
            }
        }
        finally
        {
            if (command is not null) await command.DisposeAsync();
        }
    }

    private async Task UpdateCountsAsync(string source, Guid runId, List<KeyValuePair<CountKey, int>> rows, CancellationToken cancellationToken)
    {
        if (rows.Count == 0) return;
        await using var command = NewCommand(
            "UPDATE \"CrimeCounts\" SET \"Count\" = @v, \"ImportRunId\" = @r WHERE \"Source\" = @s AND \"AreaId\" = @a AND \"Month\" = @m AND \"Category\" = @c AND \"Subcategory\" = @n");
        AddParameter(command, "@v", 0);
        AddParameter(command, "@r", runId);
        AddParameter(command, "@s", source);
        AddParameter(command, "@a", Guid.Empty);
        AddParameter(command, "@m", 0);
        AddParameter(command, "@c", "");
        AddParameter(command, "@n", "");
        foreach (var (key, count) in rows)
        {
            command.Parameters["@v"].Value = count;
            command.Parameters["@a"].Value = ConvertGuid(key.AreaId);
            command.Parameters["@m"].Value = key.Month;
            command.Parameters["@c"].Value = key.Category;
            command.Parameters["@n"].Value = key.Subcategory;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private object ConvertGuid(Guid id)
    {
        if (!_mappings.TryGetValue(typeof(Guid), out var mapping))
            _mappings[typeof(Guid)] = mapping = db.GetService<IRelationalTypeMappingSource>().FindMapping(typeof(Guid))!;
        return mapping.Converter?.ConvertToProvider(id) ?? id;
    }
}
