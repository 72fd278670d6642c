using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;

namespace Sightline.Core.Performance;

public sealed partial class PerformanceImports
{
    /// <summary>
    /// Population and households, the file recognised by its header:
    /// the ONS long format (Code, Name, Geography1, Age, Population — single year of age, "90+" stored as 90),
    /// stored by age with an all-ages total computed from the ages; or the GLA London borough profiles
    /// (Code, Area_name, GLA_Population_Estimate_YYYY, GLA_Household_Estimate_YYYY), stored as households
    /// and an all-ages population for that year. Areas are matched by ONS code; other areas' rows are counted and ignored.
    /// The ONS file has no year column: <paramref name="year"/>, else a year in the file name, else 2019 (the mid-2019 estimates in ../shared/data).
    /// </summary>
    public async Task<ImportOutcome> ImportPopulationAsync(string path, int? year = null, IProgress<int>? progress = null, CancellationToken cancellationToken = default)
    {
        var fileName = Path.GetFileName(path);
        if (!File.Exists(path)) return ImportOutcome.Refuse(fileName, $"There is no file '{path}'.");
        var startedAt = clock.GetUtcNow().UtcDateTime;
        var sha = await ImportOutcome.Sha256Async(path, cancellationToken);
        var areas = await db.Areas.Where(a => a.Code != null).ToDictionaryAsync(a => a.Code!, StringComparer.OrdinalIgnoreCase, cancellationToken);

        var tally = new ImportTally(progress, PopulationProgressEvery);
        var population = new Dictionary<(Guid AreaId, int Year, int? Age), int>();
        var households = new Dictionary<(Guid AreaId, int Year), int>();
        var rowsIgnored = 0;

        using (var file = await CsvImportFile.OpenAsync(path, extraFieldsAllowed: true))
        {
            if (file is null) return ImportOutcome.Refuse(fileName, "The file is empty.");
            var header = file.Header;
            var codeAt = file.Column("Code");
            var ageAt = file.Column("Age");
            var countAt = file.Column("Population");
            var householdsAt = Array.FindIndex(header, h => GlaHouseholds().IsMatch(h));
            var glaPopulationAt = Array.FindIndex(header, h => GlaPopulation().IsMatch(h));
            bool ons;
            int fileYear;
            if (codeAt >= 0 && ageAt >= 0 && countAt >= 0)
            {
                ons = true;
                var fromName = Regex.Match(fileName, @"(?<!\d)(19|20)\d\d(?!\d)");
                fileYear = year ?? (fromName.Success ? int.Parse(fromName.Value, CultureInfo.InvariantCulture) : 2019);
                if (year is null) tally.Notes.Add(fromName.Success ? $"year {fileYear} taken from the file name" : $"the file has no year: taken as mid-{fileYear} (give --year to say otherwise)");
            }
            else if (codeAt >= 0 && householdsAt >= 0)
            {
                ons = false;
                fileYear = year ?? int.Parse(GlaHouseholds().Match(header[householdsAt]).Groups[1].Value, CultureInfo.InvariantCulture);
            }
            else
            {
                return ImportOutcome.Refuse(fileName,
                    $"Not a population file Sightline knows: expected the ONS long format (Code, Name, Geography1, Age, Population) or the GLA borough profiles (Code, …, GLA_Household_Estimate_YYYY). It starts: {file.HeaderStart}");
            }

            await foreach (var row in file.RowsAsync(tally, cancellationToken))
            {
                var record = row.Fields;
                void Reject(string reason) => tally.Reject($"line {row.Line}", reason);
                if (row.Problem is { } problem) { Reject(problem); continue; }
                var code = record[codeAt].Trim();
                if (!areas.TryGetValue(code, out var area)) { rowsIgnored++; continue; }
                if (ons)
                {
                    var ageText = record[ageAt].Trim();
                    if (!int.TryParse(ageText.TrimEnd('+'), NumberStyles.None, CultureInfo.InvariantCulture, out var age) || age > 120) { Reject($"'{ageText}' is not an age"); continue; }
                    if (!TryCount(record[countAt], out var count)) { Reject($"'{record[countAt].Trim()}' is not a count"); continue; }
                    if (population.ContainsKey((area.Id, fileYear, age))) { Reject($"a second row for {code} age {ageText}"); continue; }
                    population[(area.Id, fileYear, age)] = count;
                }
                else
                {
                    if (!TryCount(record[householdsAt], out var count)) { Reject($"'{record[householdsAt].Trim()}' is not a number of households"); continue; }
                    households[(area.Id, fileYear)] = count;
                    if (glaPopulationAt >= 0)
                    {
                        if (TryCount(record[glaPopulationAt], out var people)) population[(area.Id, fileYear, null)] = people;
                        else Reject($"'{record[glaPopulationAt].Trim()}' is not a population");
                    }
                }
            }
            tally.Finish();
            if (ons)
            {
                foreach (var total in population.GroupBy(p => (p.Key.AreaId, p.Key.Year)).ToList())
                    population[(total.Key.AreaId, total.Key.Year, null)] = total.Sum(p => p.Value);
            }
        }

        // Small tables: compare and upsert through EF, writing only what differs.
        var areaIds = population.Keys.Select(k => k.AreaId).Concat(households.Keys.Select(k => k.AreaId)).Distinct().ToList();
        var years = population.Keys.Select(k => k.Year).Concat(households.Keys.Select(k => k.Year)).Distinct().ToList();
        var storedPopulation = await db.PopulationEstimates.Where(p => areaIds.Contains(p.AreaId) && years.Contains(p.Year)).ToListAsync(cancellationToken);
        var storedHouseholds = await db.HouseholdEstimates.Where(h => areaIds.Contains(h.AreaId) && years.Contains(h.Year)).ToListAsync(cancellationToken);
        int imported = 0, unchanged = 0;
        var byKey = storedPopulation.ToDictionary(p => (p.AreaId, p.Year, p.Age));
        foreach (var ((areaId, y, age), count) in population)
        {
            if (!byKey.TryGetValue((areaId, y, age), out var stored)) { db.PopulationEstimates.Add(new PopulationEstimate { AreaId = areaId, Year = y, Age = age, Count = count }); imported++; }
            else if (stored.Count != count) { stored.Count = count; imported++; }
            else unchanged++;
        }
        var householdsByKey = storedHouseholds.ToDictionary(h => (h.AreaId, h.Year));
        foreach (var ((areaId, y), count) in households)
        {
            if (!householdsByKey.TryGetValue((areaId, y), out var stored)) { db.HouseholdEstimates.Add(new HouseholdEstimate { AreaId = areaId, Year = y, Count = count }); imported++; }
            else if (stored.Count != count) { stored.Count = count; imported++; }
            else unchanged++;
        }

        var outcome = new ImportOutcome
        {
            FileName = fileName, RowsRead = tally.RowsRead, RowsRejected = tally.RowsRejected, RowsIgnored = rowsIgnored,
            Imported = imported, Unchanged = unchanged, Problems = tally.Problems, Notes = tally.Notes,
        };
        var runId = await WriteAsync(PopulationSource, fileName, sha, startedAt, outcome, tally.RowsRead - tally.RowsRejected - rowsIgnored, _ => Task.CompletedTask, cancellationToken);
        return outcome with { RunId = runId };
    }

    private static bool TryCount(string text, out int count) =>
        int.TryParse(text.Trim(), NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out count);

    [GeneratedRegex(@"^GLA_Household_Estimate_(\d{4})$", RegexOptions.IgnoreCase)]
    private static partial Regex GlaHouseholds();

    [GeneratedRegex(@"^GLA_Population_Estimate_(\d{4})$", RegexOptions.IgnoreCase)]
    private static partial Regex GlaPopulation();
}
