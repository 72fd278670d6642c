using System.Data.Common;
using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
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
public sealed partial class PerformanceImports(SightlineDb db, TimeProvider clock)
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
        var problems = new List<string>();
        var notes = new List<string>();
        var values = new Dictionary<CountKey, int>();
        var firstLine = new Dictionary<(Guid, string, string), long>();
        int rowsRead = 0, rowsRejected = 0;

        var badData = false;
        var config = new CsvConfiguration(CultureInfo.InvariantCulture) { BadDataFound = _ => badData = true };
        using (var reader = new StreamReader(path, detectEncodingFromByteOrderMarks: true))
        using (var parser = new CsvParser(reader, config))
        {
            if (!await parser.ReadAsync()) return ImportOutcome.Refuse(fileName, "The file is empty.");
            var header = parser.Record!.Select(h => h.Trim().TrimStart('\uFEFF')).ToArray();
            int Column(params string[] names) => Array.FindIndex(header, h => names.Contains(h, StringComparer.OrdinalIgnoreCase));
            var majorAt = Column("MajorText");
            var minorAt = Column("MinorText");
            var boroughAt = Column("BoroughName", "LookUp_BoroughName");
            if (majorAt < 0 || minorAt < 0 || boroughAt < 0)
                return ImportOutcome.Refuse(fileName,
                    $"This is not an MPS borough-level file: the header must have MajorText, MinorText and BoroughName (or LookUp_BoroughName) columns, then one column per month (yyyymm). It starts: {string.Join(",", header.Take(5))}");
            var months = new List<(int Index, int Month)>();
            for (var i = 0; i < header.Length; i++)
            {
                if (i == majorAt || i == minorAt || i == boroughAt) continue;
                if (TryMonth(header[i], out var month))
                {
                    if (months.Any(m => m.Month == month)) problems.Add($"header column {i + 1}: month {month} appears twice; the later column is skipped");
                    else months.Add((i, month));
                }
                else problems.Add($"header column {i + 1}: '{header[i]}' is not a month (yyyymm); that column is skipped");
            }
            if (months.Count == 0) return ImportOutcome.Refuse(fileName, "The header has no month columns (yyyymm, e.g. 201604).");

            while (await parser.ReadAsync())
            {
                cancellationToken.ThrowIfCancellationRequested();
                var record = parser.Record!;
                var line = parser.Row;
                if (record.Length == 1 && string.IsNullOrWhiteSpace(record[0]) && !badData) continue; // a blank line
                rowsRead++;
                if (rowsRead % ProgressEvery == 0) progress?.Report(rowsRead);
                var reason = Check(record, line, out var rowValues);
                badData = false;
                if (reason is not null)
                {
                    rowsRejected++;
                    problems.Add($"line {line}: {reason}");
                    continue;
                }
                var boroughName = record[boroughAt].Trim();
                if (!areas.TryGetValue(boroughName, out var area))
                {
                    area = new Area { Name = boroughName, Kind = AreaKind.Other };
                    db.Areas.Add(area);
                    areas[boroughName] = area;
                    notes.Add($"'{boroughName}' is not a London borough: added as an area of kind Other (kept out of borough ranks)");
                }
                var category = record[majorAt].Trim();
                var subcategory = record[minorAt].Trim();
                if (firstLine.TryGetValue((area.Id, category, subcategory), out var earlier))
                {
                    rowsRejected++;
                    problems.Add($"line {line}: the same borough and categories as line {earlier}; this row is skipped");
                    continue;
                }
                firstLine[(area.Id, category, subcategory)] = line;
                foreach (var (month, count) in rowValues) values[new CountKey(area.Id, month, category, subcategory)] = count;
            }
            progress?.Report(rowsRead);

            string? Check(string[] record, long line, out List<(int Month, int Count)> rowValues)
            {
                rowValues = [];
                if (badData) return "a badly quoted field";
                if (record.Length < header.Length) return $"truncated: {record.Length} of {header.Length} fields";
                if (record.Length > header.Length) return $"{record.Length} fields where the header has {header.Length}";
                if (string.IsNullOrWhiteSpace(record[boroughAt])) return "no borough";
                if (string.IsNullOrWhiteSpace(record[majorAt]) || string.IsNullOrWhiteSpace(record[minorAt])) return "no MajorText or MinorText";
                if (record[boroughAt].Trim().Length > 120 || record[majorAt].Trim().Length > 120 || record[minorAt].Trim().Length > 120) return "a name longer than 120 characters";
                foreach (var (index, month) in months)
                {
                    var text = record[index].Trim();
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
            FileName = fileName, RowsRead = rowsRead, RowsRejected = rowsRejected,
            Imported = inserts.Count + updates.Count, Unchanged = values.Count - inserts.Count - updates.Count,
            Problems = problems, Notes = notes.Distinct().ToList(),
        };
        var runId = await WriteAsync(MpsBoroughSource, fileName, sha, startedAt, outcome, rowsRead - rowsRejected, async () =>
        {
            await InsertCountsAsync(MpsBoroughSource, inserts, cancellationToken);
            await UpdateCountsAsync(MpsBoroughSource, updates, cancellationToken);
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
    /// In one transaction: what the EF context holds (new areas, estimates), then <paramref name="write"/>,
    /// then the run and its one audit entry. Any failure rolls all of it back.
    /// </summary>
    private async Task<Guid> WriteAsync(string source, string fileName, string sha, DateTime startedAt, ImportOutcome outcome, int rowsImported, Func<Task> write, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.SaveWithoutAuditAsync(cancellationToken);
        await write();
        var summary = outcome.Describe();
        var run = new ImportRun
        {
            Source = source, FileName = fileName.Length > 400 ? fileName[..400] : fileName, FileSha256 = sha,
            StartedAt = startedAt, FinishedAt = clock.GetUtcNow().UtcDateTime,
            RowsRead = outcome.RowsRead, RowsImported = rowsImported, RowsRejected = outcome.RowsRejected,
            Summary = summary.Length > 8000 ? summary[..8000] : summary,
        };
        db.ImportRuns.Add(run);
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

    private async Task InsertCountsAsync(string source, List<KeyValuePair<CountKey, int>> rows, CancellationToken cancellationToken)
    {
        // PostgreSQL: many rows per statement (fewer round trips). SQLite: one prepared single-row statement
        // reused (it binds parameters by name, so wide statements cost more than they save).
        var perCommand = db.Database.IsSqlite() ? 1 : InsertBatch;
        DbCommand? command = null;
        try
        {
            foreach (var batch in rows.Chunk(perCommand))
            {
                if (command is null || command.Parameters.Count != 1 + 5 * batch.Length)
                {
                    if (command is not null) await command.DisposeAsync();
                    command = NewCommand("");
                    var sql = new System.Text.StringBuilder("INSERT INTO \"CrimeCounts\" (\"Source\", \"AreaId\", \"Month\", \"Category\", \"Subcategory\", \"Count\") VALUES ");
                    AddParameter(command, "@s", source);
                    for (var i = 0; i < batch.Length; i++)
                    {
                        if (i > 0) sql.Append(", ");
                        sql.Append($"(@s, @a{i}, @m{i}, @c{i}, @n{i}, @v{i})");
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
                    var at = 1 + 5 * i;
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

    private async Task UpdateCountsAsync(string source, List<KeyValuePair<CountKey, int>> rows, CancellationToken cancellationToken)
    {
        if (rows.Count == 0) return;
        await using var command = NewCommand(
            "UPDATE \"CrimeCounts\" SET \"Count\" = @v WHERE \"Source\" = @s AND \"AreaId\" = @a AND \"Month\" = @m AND \"Category\" = @c AND \"Subcategory\" = @n");
        AddParameter(command, "@v", 0);
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
