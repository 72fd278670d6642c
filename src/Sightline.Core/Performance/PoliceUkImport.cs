using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;

namespace Sightline.Core.Performance;

public sealed partial class PerformanceImports
{
    public const string PoliceUkSource = "police-uk";
    /// <summary>The area that police.uk rows without a location (blank LSOA) are counted under.</summary>
    public const string NoLocationArea = "No location";
    private const int PoliceUkProgressEvery = 10_000;

    private readonly record struct LsoaKey(string LsoaCode, string LsoaName, Guid AreaId, int Month, string CrimeType);

    /// <summary>
    /// police.uk street-level CSVs (files, or folders of them; any force): aggregated in memory into
    /// counts by area (the LSOA name without its last word), month and crime type, and by LSOA for
    /// hotspot lists. For every (month, area) the files cover, the stored police.uk counts are
    /// recomputed: added, changed, or removed when the files no longer have them; unchanged ones are not
    /// rewritten, so the same files twice change nothing. One transaction and one run for the set. A
    /// file with a bad header is refused whole; rows with a bad month or no crime type are rejected
    /// with reasons; rows without a location are counted under the area "No location".
    /// </summary>
    public async Task<ImportOutcome> ImportPoliceUkAsync(IReadOnlyList<string> paths, IProgress<int>? progress = null, CancellationToken cancellationToken = default)
    {
        var label = string.Join(", ", paths.Select(p => Path.GetFileName(Path.TrimEndingDirectorySeparator(p))));
        var files = new List<string>();
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
                files.AddRange(Directory.EnumerateFiles(path, "*.csv", SearchOption.AllDirectories).Order(StringComparer.Ordinal));
            else if (File.Exists(path)) files.Add(path);
            else return ImportOutcome.Refuse(label, $"There is no file or folder '{path}'.");
        }
        if (files.Count == 0) return ImportOutcome.Refuse(label, "No .csv files found.");
        var startedAt = clock.GetUtcNow().UtcDateTime;

        var areas = await db.Areas.ToDictionaryAsync(a => a.Name, StringComparer.OrdinalIgnoreCase, cancellationToken);
        var tally = new ImportTally(progress, PoliceUkProgressEvery);
        var counts = new Dictionary<CountKey, int>();
        var lsoaCounts = new Dictionary<LsoaKey, int>();
        var shas = new StringBuilder();
        int noLocation = 0, filesRefused = 0;

        Area AreaFor(string name)
        {
            if (areas.TryGetValue(name, out var area)) return area;
            area = new Area { Name = name, Kind = AreaKind.Other };
            db.Areas.Add(area);
            areas[name] = area;
            if (name != NoLocationArea) tally.Notes.Add($"'{name}' is not a London borough: added as an area of kind Other (kept out of borough ranks)");
            return area;
        }

        foreach (var path in files)
        {
            var fileName = Path.GetFileName(path);
            shas.Append(await ImportOutcome.Sha256Async(path, cancellationToken));
            using var file = await CsvImportFile.OpenAsync(path);
            if (file is null)
            {
                filesRefused++;
                tally.Problems.Add($"{fileName}: refused, the file is empty");
                continue;
            }
            var monthAt = file.Column("Month");
            var codeAt = file.Column("LSOA code");
            var nameAt = file.Column("LSOA name");
            var typeAt = file.Column("Crime type");
            if (monthAt < 0 || codeAt < 0 || nameAt < 0 || typeAt < 0 || file.Column("Falls within") < 0)
            {
                filesRefused++;
                tally.Problems.Add($"{fileName}: refused, not a police.uk street-level file: the header must have Month, Falls within, LSOA code, LSOA name and Crime type columns. It starts: {file.HeaderStart}");
                continue;
            }

            await foreach (var row in file.RowsAsync(tally, cancellationToken))
            {
                var month = 0;
                var reason = row.Problem ?? Check(row, out month);
                if (reason is not null)
                {
                    tally.Reject($"{fileName} line {row.Line}", reason);
                    continue;
                }
                var crimeType = row[typeAt];
                var lsoaCode = row[codeAt];
                var lsoaName = row[nameAt];
                Area area;
                if (lsoaName.Length == 0)
                {
                    noLocation++;
                    area = AreaFor(NoLocationArea);
                }
                else
                {
                    var space = lsoaName.LastIndexOf(' ');
                    area = AreaFor(space > 0 ? lsoaName[..space].TrimEnd() : lsoaName);
                    var lsoaKey = new LsoaKey(lsoaCode, lsoaName, area.Id, month, crimeType);
                    lsoaCounts[lsoaKey] = lsoaCounts.GetValueOrDefault(lsoaKey) + 1;
                }
                var key = new CountKey(area.Id, month, crimeType, "");
                counts[key] = counts.GetValueOrDefault(key) + 1;
            }

            string? Check(CsvImportRow row, out int month)
            {
                if (!TryPoliceUkMonth(row[monthAt], out month)) return $"'{row[monthAt]}' is not a month (YYYY-MM)";
                if (row[typeAt].Length == 0) return "no crime type";
                if (row[typeAt].Length > 120 || row[nameAt].Length > 120 || row[codeAt].Length > 16) return "a name or code too long";
                return null;
            }
        }
        tally.Finish();
        if (filesRefused == files.Count) return ImportOutcome.Refuse(label, string.Join("; ", tally.Problems));

        // What the files cover: every (month, area) they have a row for. Stored police.uk counts there are recomputed.
        var covered = counts.Keys.Select(k => (k.AreaId, k.Month)).ToHashSet();
        var months = covered.Select(c => c.Month).Distinct().ToList();
        var existing = new Dictionary<CountKey, int>();
        await foreach (var c in db.CrimeCounts.AsNoTracking().Where(c => c.Source == PoliceUkSource && months.Contains(c.Month))
                           .Select(c => new { c.AreaId, c.Month, c.Category, c.Subcategory, c.Count })
                           .AsAsyncEnumerable().WithCancellation(cancellationToken))
            if (covered.Contains((c.AreaId, c.Month))) existing[new CountKey(c.AreaId, c.Month, c.Category, c.Subcategory)] = c.Count;
        var existingLsoa = new Dictionary<LsoaKey, int>();
        await foreach (var c in db.LsoaCrimeCounts.AsNoTracking().Where(c => c.Source == PoliceUkSource && months.Contains(c.Month))
                           .AsAsyncEnumerable().WithCancellation(cancellationToken))
            if (covered.Contains((c.AreaId, c.Month))) existingLsoa[new LsoaKey(c.LsoaCode, c.LsoaName, c.AreaId, c.Month, c.CrimeType)] = c.Count;

        var inserts = counts.Where(p => !existing.ContainsKey(p.Key)).ToList();
        var updates = counts.Where(p => existing.TryGetValue(p.Key, out var stored) && stored != p.Value).ToList();
        var deletes = existing.Keys.Where(k => !counts.ContainsKey(k)).ToList();
        var lsoaInserts = lsoaCounts.Where(p => !existingLsoa.ContainsKey(p.Key)).ToList();
        var lsoaUpdates = lsoaCounts.Where(p => existingLsoa.TryGetValue(p.Key, out var stored) && stored != p.Value).ToList();
        var lsoaDeletes = existingLsoa.Keys.Where(k => !lsoaCounts.ContainsKey(k)).ToList();

        if (noLocation > 0) tally.Notes.Add($"{noLocation:N0} rows without a location (blank LSOA) are counted under the area '{NoLocationArea}'");
        var changed = inserts.Count + updates.Count + deletes.Count + lsoaInserts.Count + lsoaUpdates.Count + lsoaDeletes.Count;
        var outcome = new ImportOutcome
        {
            FileName = files.Count == 1 ? Path.GetFileName(files[0]) : $"{files.Count} files ({label})",
            RowsRead = tally.RowsRead, RowsRejected = tally.RowsRejected, RowsWithoutLocation = noLocation, FilesRefused = filesRefused,
            Imported = changed, Unchanged = counts.Count + lsoaCounts.Count - inserts.Count - updates.Count - lsoaInserts.Count - lsoaUpdates.Count,
            Problems = tally.Problems, Notes = tally.Notes.Distinct().ToList(),
        };
        var sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.ASCII.GetBytes(shas.ToString())));
        var runId = await WriteAsync(PoliceUkSource, outcome.FileName, sha, startedAt, outcome, tally.RowsRead - tally.RowsRejected, async runId =>
        {
            await InsertCountsAsync(PoliceUkSource, runId, inserts, cancellationToken);
            await UpdateCountsAsync(PoliceUkSource, runId, updates, cancellationToken);
            await DeleteCountsAsync(PoliceUkSource, deletes, cancellationToken);
            await WriteLsoaCountsAsync(runId, lsoaInserts, lsoaUpdates, lsoaDeletes, cancellationToken);
        }, cancellationToken);
        return outcome with { RunId = runId };
    }

    private static bool TryPoliceUkMonth(string text, out int month)
    {
        month = 0;
        if (text.Length != 7 || text[4] != '-') return false;
        return TryMonth(text[..4] + text[5..], out month);
    }

    private async Task DeleteCountsAsync(string source, List<CountKey> keys, CancellationToken cancellationToken)
    {
        if (keys.Count == 0) return;
        await using var command = NewCommand(
            "DELETE FROM \"CrimeCounts\" WHERE \"Source\" = @s AND \"AreaId\" = @a AND \"Month\" = @m AND \"Category\" = @c AND \"Subcategory\" = @n");
        AddParameter(command, "@s", source);
        AddParameter(command, "@a", Guid.Empty);
        AddParameter(command, "@m", 0);
        AddParameter(command, "@c", "");
        AddParameter(command, "@n", "");
        foreach (var key in keys)
        {
            command.Parameters["@a"].Value = ConvertGuid(key.AreaId);
            command.Parameters["@m"].Value = key.Month;
            command.Parameters["@c"].Value = key.Category;
            command.Parameters["@n"].Value = key.Subcategory;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private async Task WriteLsoaCountsAsync(Guid runId, List<KeyValuePair<LsoaKey, int>> inserts, List<KeyValuePair<LsoaKey, int>> updates, List<LsoaKey> deletes, CancellationToken cancellationToken)
    {
        const string where = "\"Source\" = @s AND \"LsoaCode\" = @l AND \"LsoaName\" = @ln AND \"AreaId\" = @a AND \"Month\" = @m AND \"CrimeType\" = @t";
        foreach (var (sql, rows) in new (string, IEnumerable<KeyValuePair<LsoaKey, int>>)[]
                 {
                     ("INSERT INTO \"LsoaCrimeCounts\" (\"Source\", \"LsoaCode\", \"LsoaName\", \"AreaId\", \"Month\", \"CrimeType\", \"Count\", \"ImportRunId\") VALUES (@s, @l, @ln, @a, @m, @t, @v, @r)", inserts),
                     ($"UPDATE \"LsoaCrimeCounts\" SET \"Count\" = @v, \"ImportRunId\" = @r WHERE {where}", updates),
                     ($"DELETE FROM \"LsoaCrimeCounts\" WHERE {where} AND @v = @v AND @r = @r", deletes.Select(k => new KeyValuePair<LsoaKey, int>(k, 0))),
                 })
        {
            await using var command = NewCommand(sql);
            AddParameter(command, "@s", PoliceUkSource);
            AddParameter(command, "@l", "");
            AddParameter(command, "@ln", "");
            AddParameter(command, "@a", Guid.Empty);
            AddParameter(command, "@m", 0);
            AddParameter(command, "@t", "");
            AddParameter(command, "@v", 0);
            AddParameter(command, "@r", runId);
            var prepared = false;
            foreach (var (key, count) in rows)
            {
                if (!prepared)
                {
                    await command.PrepareAsync(cancellationToken);
                    prepared = true;
                }
                command.Parameters["@l"].Value = key.LsoaCode;
                command.Parameters["@ln"].Value = key.LsoaName;
                command.Parameters["@a"].Value = ConvertGuid(key.AreaId);
                command.Parameters["@m"].Value = key.Month;
                command.Parameters["@t"].Value = key.CrimeType;
                command.Parameters["@v"].Value = count;
                await command.ExecuteNonQueryAsync(cancellationToken);
            }
        }
    }
}
