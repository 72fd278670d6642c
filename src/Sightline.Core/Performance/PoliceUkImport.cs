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
        var counts = new PoliceUkCounts(AreaFor);
        var shas = new StringBuilder();
        var filesRefused = 0;

        Area AreaFor(string name)
        {
            if (areas.TryGetValue(name, out var area)) return area;
            area = new Area { Name = name, Kind = AreaKind.Other };
            db.Areas.Add(area);
            areas[name] = area;
            if (name != NoLocationArea) tally.Notes.Add($"'{name}' is not a London borough: added as an area of kind Other (kept out of borough ranks)");
            return area;
        }

        // Files are read and checked in parallel (one per core), then added up in file order, so the
        // counts, rejects, notes and progress are the same as reading them one after another.
        var slots = new SemaphoreSlim(Environment.ProcessorCount);
        var reads = files.Select(ReadInTurnAsync).ToList();
        for (var i = 0; i < files.Count; i++)
        {
            var read = await reads[i];
            shas.Append(read.Sha256);
            if (read.Refusal is not null)
            {
                filesRefused++;
                tally.Problems.Add(read.Refusal);
                continue;
            }
            tally.CountRows(read.Rows);
            var fileName = Path.GetFileName(files[i]);
            foreach (var (line, reason) in read.Rejects) tally.Reject($"{fileName} line {line}", reason);
            foreach (var ((lsoaCode, lsoaName, month, crimeType), rows) in read.Counts) counts.Add(lsoaCode, lsoaName, month, crimeType, rows);
        }
        tally.Finish();
        if (filesRefused == files.Count) return ImportOutcome.Refuse(label, string.Join("; ", tally.Problems));

        // What the files cover: every (month, area) they have a row for. Stored police.uk counts there are recomputed.
        var covered = counts.Covered();
        var months = covered.Select(c => c.Month).Distinct().ToList();
        var existing = new Dictionary<CountKey, int>();
        await foreach (var c in db.CrimeCounts.AsNoTracking().Where(c => c.Source == PoliceUkSource && months.Contains(c.Month))
                           .Select(c => new { c.AreaId, c.Month, c.Category, c.Subcategory, c.Count })
                           .AsAsyncEnumerable().WithCancellation(cancellationToken))
            if (covered.Contains((c.AreaId, c.Month))) existing[new CountKey(c.AreaId, c.Month, c.Category, c.Subcategory)] = c.Count;
        var existingLsoa = new Dictionary<LsoaKey, int>();
        await foreach (var c in db.LsoaCrimeCounts.AsNoTracking().Where(c => c.Source == PoliceUkSource && months.Contains(c.Month))
                           .Select(c => new { c.LsoaCode, c.LsoaName, c.AreaId, c.Month, c.CrimeType, c.Count })
                           .AsAsyncEnumerable().WithCancellation(cancellationToken))
            if (covered.Contains((c.AreaId, c.Month))) existingLsoa[new LsoaKey(c.LsoaCode, c.LsoaName, c.AreaId, c.Month, c.CrimeType)] = c.Count;

        var (inserts, updates, deletes) = Differences(counts.ByArea().Select(c => KeyValuePair.Create(new CountKey(c.AreaId, c.Month, c.Category, ""), c.Count)), existing);
        var (lsoaInserts, lsoaUpdates, lsoaDeletes) = Differences(
            counts.ByLsoa().Select(c => KeyValuePair.Create(new LsoaKey(c.LsoaCode, c.LsoaName, c.AreaId, c.Month, c.CrimeType), c.Count)), existingLsoa);

        var noLocation = counts.WithoutLocation;
        if (noLocation > 0) tally.Notes.Add($"{noLocation:N0} rows without a location (blank LSOA) are counted under the area '{NoLocationArea}'");
        var changed = inserts.Count + updates.Count + deletes.Count + lsoaInserts.Count + lsoaUpdates.Count + lsoaDeletes.Count;
        var outcome = new ImportOutcome
        {
            FileName = files.Count == 1 ? Path.GetFileName(files[0]) : $"{files.Count} files ({label})",
            RowsRead = tally.RowsRead, RowsRejected = tally.RowsRejected, RowsWithoutLocation = noLocation, FilesRefused = filesRefused,
            Imported = changed, Unchanged = counts.AreaCountsCount + counts.LsoaCountsCount - inserts.Count - updates.Count - lsoaInserts.Count - lsoaUpdates.Count,
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

        async Task<PoliceUkFileRead> ReadInTurnAsync(string path)
        {
            await slots.WaitAsync(cancellationToken); // waiters are served first come, first served: files start in order
            try { return await Task.Run(() => PoliceUkFileRead.Read(path, cancellationToken), cancellationToken); }
            finally { slots.Release(); }
        }
    }

    /// <summary>
    /// The counts to add (not stored), to change (stored with another count) and to remove (stored, no
    /// longer in the files), found with one lookup per count. Empties <paramref name="stored"/>.
    /// </summary>
    private static (List<KeyValuePair<TKey, int>> Inserts, List<KeyValuePair<TKey, int>> Updates, List<TKey> Deletes) Differences<TKey>(
        IEnumerable<KeyValuePair<TKey, int>> counts, Dictionary<TKey, int> stored) where TKey : notnull
    {
        List<KeyValuePair<TKey, int>> inserts = [], updates = [];
        foreach (var count in counts)
        {
            if (stored.Count == 0 || !stored.Remove(count.Key, out var storedCount)) inserts.Add(count);
            else if (storedCount != count.Value) updates.Add(count);
        }
        return (inserts, updates, stored.Keys.ToList());
    }

    /// <summary>"YYYY-MM" as yyyymm, by the same rules as <see cref="TryMonth"/>, without allocating.</summary>
    internal static bool TryPoliceUkMonth(string text, out int month)
    {
        month = 0;
        if (text.Length != 7 || text[4] != '-') return false;
        // NumberStyles.None: ASCII digits only, no sign or spaces.
        if (!int.TryParse(text.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            || !int.TryParse(text.AsSpan(5, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var monthOfYear)) return false;
        if (year is < 1900 or > 2200 || monthOfYear is < 1 or > 12) return false;
        month = year * 100 + monthOfYear;
        return true;
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
}
