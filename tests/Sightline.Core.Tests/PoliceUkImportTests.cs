using Microsoft.EntityFrameworkCore;
using Sightline.Core.Audit;
using Sightline.Core.Data;
using Sightline.Core.Performance;
using Sightline.TestKit;

namespace Sightline.Core.Tests;

/// <summary>./sightline import police-uk on both providers: the real City of London files, a broken file, twice = no change.</summary>
public abstract class PoliceUkImportTests(DatabaseProvider provider)
{
    private CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string CityOfLondon => Path.Combine(SharedData.Folder, "police-uk", "city-of-london");

    private const string Header = "Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Crime type,Last outcome category,Context";

    private static SightlineDb Context(TestDatabase database) => database.NewContext(new AuditTrail(FixedAuditActor.System, TimeProvider.System));

    private static async Task<TestDatabase> MigratedAsync(DatabaseProvider provider, CancellationToken ct)
    {
        var database = await TestDatabase.CreateAsync(provider);
        await using var db = Context(database);
        await new DatabaseMigrator(db).MigrateAsync(ct);
        return database;
    }

    private static async Task<ImportOutcome> ImportAsync(TestDatabase database, CancellationToken ct, params string[] paths)
    {
        await using var db = Context(database);
        return await new PerformanceImports(db, TimeProvider.System).ImportPoliceUkAsync(paths, cancellationToken: ct);
    }

    private static async Task<(int Rows, long Sum, int LsoaRows, long LsoaSum, int Areas)> ChecksumAsync(TestDatabase database, CancellationToken ct)
    {
        await using var db = Context(database);
        return (await db.CrimeCounts.CountAsync(ct), await db.CrimeCounts.SumAsync(c => (long)c.Count, ct),
            await db.LsoaCrimeCounts.CountAsync(ct), await db.LsoaCrimeCounts.SumAsync(c => (long)c.Count, ct), await db.Areas.CountAsync(ct));
    }

    private static string TempCsv(string text)
    {
        var path = Path.Combine(Path.GetTempPath(), $"sightline-police-uk-{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public async Task The_City_of_London_folder_is_counted_by_area_month_and_type_and_twice_changes_nothing()
    {
        await using var database = await MigratedAsync(provider, Ct);
        var outcome = await ImportAsync(database, Ct, CityOfLondon);
        Assert.True(outcome.Succeeded, outcome.Describe());
        Assert.Equal(9_019, outcome.RowsRead);
        Assert.Equal(0, outcome.FilesRefused);
        Assert.True(outcome.RowsWithoutLocation > 0);
        Assert.Contains($"{outcome.RowsWithoutLocation:N0} rows without a location", outcome.Describe());

        var first = await ChecksumAsync(database, Ct);
        Assert.Equal(outcome.RowsRead - outcome.RowsRejected, first.Sum);
        Assert.Equal(first.Sum - outcome.RowsWithoutLocation, first.LsoaSum);

        await using (var db = Context(database))
        {
            var city = await db.Areas.SingleAsync(a => a.Name == "City of London", Ct);
            Assert.Equal(AreaKind.Other, city.Kind);
            var noLocation = await db.Areas.SingleAsync(a => a.Name == PerformanceImports.NoLocationArea, Ct);
            Assert.Equal(outcome.RowsWithoutLocation, await db.CrimeCounts.Where(c => c.AreaId == noLocation.Id).SumAsync(c => c.Count, Ct));
            Assert.True(await db.CrimeCounts.AnyAsync(c => c.Source == "police-uk" && c.AreaId == city.Id && c.Month == 202207 && c.Category == "Theft from the person" && c.Subcategory == "", Ct));
            // LSOAs of London boroughs go to the borough, matched by name.
            var camden = await db.Areas.SingleAsync(a => a.Name == "Camden", Ct);
            Assert.Equal(AreaKind.LondonBorough, camden.Kind);
            Assert.True(await db.LsoaCrimeCounts.AnyAsync(c => c.AreaId == camden.Id && c.LsoaName.StartsWith("Camden "), Ct));
            Assert.Equal(12, await db.CrimeCounts.Where(c => c.AreaId == city.Id).Select(c => c.Month).Distinct().CountAsync(Ct));
        }

        var again = await ImportAsync(database, Ct, CityOfLondon);
        Assert.True(again.Succeeded);
        Assert.Equal(0, again.Imported);
        Assert.Equal(first, await ChecksumAsync(database, Ct));
    }

    [Fact]
    public async Task A_large_first_import_keeps_the_area_and_month_index_and_a_second_changes_nothing()
    {
        // 20,500 LSOA counts: enough for SQLite to build the secondary index after the rows, not with them.
        await using var database = await MigratedAsync(provider, Ct);
        var csv = TempCsv(Header + "\n" + string.Concat(Enumerable.Range(0, 20_500).Select(i =>
            $"c{i},2023-01,Metropolitan Police Service,Metropolitan Police Service,-0.2,51.6,On or near X,E0{i:D7},Barnet {i:D5}A,Burglary,,\n")));
        try
        {
            var first = await ImportAsync(database, Ct, csv);
            Assert.True(first.Succeeded, first.Describe());
            var second = await ImportAsync(database, Ct, csv);
            Assert.Equal(0, second.Imported);
            await using var db = Context(database);
            Assert.Equal(20_500, await db.LsoaCrimeCounts.CountAsync(Ct));
            var indexes = provider == DatabaseProvider.Sqlite
                ? db.Database.SqlQueryRaw<int>("SELECT COUNT(*) AS \"Value\" FROM sqlite_master WHERE type = 'index' AND name = 'IX_LsoaCrimeCounts_AreaId_Month'")
                : db.Database.SqlQueryRaw<int>("SELECT COUNT(*)::int AS \"Value\" FROM pg_indexes WHERE indexname = 'IX_LsoaCrimeCounts_AreaId_Month'");
            Assert.Equal(1, await indexes.SingleAsync(Ct));
        }
        finally { File.Delete(csv); }
    }

    [Fact]
    public async Task A_broken_file_rejects_its_bad_rows_and_a_bad_header_is_refused()
    {
        await using var database = await MigratedAsync(provider, Ct);
        var good = TempCsv($"""
            {Header}
            a1,2023-01,Metropolitan Police Service,Metropolitan Police Service,-0.2,51.6,On or near X,E01000115,Barnet 001A,Burglary,Under investigation,
            ,2023-01,Metropolitan Police Service,Metropolitan Police Service,-0.2,51.6,On or near X,E01000115,barnet 001A,Anti-social behaviour,,
            a2,2023-1,Metropolitan Police Service,Metropolitan Police Service,-0.2,51.6,On or near X,E01000115,Barnet 001A,Burglary,,
            a3,2023-01,Metropolitan Police Service,Metropolitan Police Service,-0.2,51.6,On or near X,E01000115,Barnet 001A,,,
            a4,2023-01,Metropolitan Police Service,Metropolitan Police Service,,,No location,,,Robbery,,
            a5,2023-01,Metropolitan Police Service,Metropolitan Police Service,-0.2,51.6,On or near X,W01000001,Somewhere Else 002B,Robbery,,
            a6,2023-01,Metropolitan Police Service,Metropolitan Police Service,-0.2
            """);
        var bad = TempCsv("Crime ID,Date,Force,LSOA,Type\nx,2023-01,Met,Barnet 001A,Burglary\n");
        try
        {
            var outcome = await ImportAsync(database, Ct, good, bad);
            Assert.True(outcome.Succeeded, outcome.Describe());
            Assert.Equal(1, outcome.FilesRefused);
            Assert.Equal(7, outcome.RowsRead);
            Assert.Equal(3, outcome.RowsRejected);
            Assert.Equal(1, outcome.RowsWithoutLocation);
            Assert.Contains(outcome.Problems, p => p.Contains("line 4") && p.Contains("'2023-1' is not a month"));
            Assert.Contains(outcome.Problems, p => p.Contains("line 5") && p.Contains("no crime type"));
            Assert.Contains(outcome.Problems, p => p.Contains("line 8") && p.Contains("truncated"));
            Assert.Contains(outcome.Problems, p => p.StartsWith(Path.GetFileName(bad) + ": refused"));
            Assert.Contains(outcome.Notes, n => n.Contains("'Somewhere Else'"));

            await using var db = Context(database);
            var barnet = await db.Areas.SingleAsync(a => a.Name == "Barnet", Ct);
            Assert.Equal(2, await db.CrimeCounts.Where(c => c.AreaId == barnet.Id && c.Month == 202301).SumAsync(c => c.Count, Ct));
            Assert.Equal(4, await db.CrimeCounts.SumAsync(c => c.Count, Ct));

            var alone = await ImportAsync(database, Ct, bad);
            Assert.False(alone.Succeeded);
            Assert.Contains("not a police.uk street-level file", alone.Refused);
        }
        finally
        {
            File.Delete(good);
            File.Delete(bad);
        }
    }

    [Fact]
    public async Task Reimporting_a_month_recomputes_it_and_removes_vanished_counts()
    {
        await using var database = await MigratedAsync(provider, Ct);
        var first = TempCsv($"""
            {Header}
            a1,2023-01,M,M,,,X,E01000115,Barnet 001A,Burglary,,
            a2,2023-01,M,M,,,X,E01000115,Barnet 001A,Robbery,,
            """);
        var second = TempCsv($"""
            {Header}
            a1,2023-01,M,M,,,X,E01000115,Barnet 001A,Burglary,,
            a4,2023-01,M,M,,,X,E01000115,Barnet 001A,Burglary,,
            a3,2023-01,M,M,,,X,E01000116,Barnet 001B,Burglary,,
            """);
        try
        {
            Assert.True((await ImportAsync(database, Ct, first)).Succeeded);
            var outcome = await ImportAsync(database, Ct, second);
            Assert.True(outcome.Succeeded);
            await using var db = Context(database);
            var counts = await db.CrimeCounts.Select(c => new { c.Category, c.Count }).ToListAsync(Ct);
            var only = Assert.Single(counts);
            Assert.Equal(("Burglary", 3), (only.Category, only.Count));
            // One LSOA count changed (1 → 2), one added, one removed (Robbery): both written ones traced to the second run.
            var lsoa = await db.LsoaCrimeCounts.OrderBy(c => c.LsoaCode).Select(c => new { c.LsoaCode, c.CrimeType, c.Count, c.ImportRunId }).ToListAsync(Ct);
            Assert.Equal([("E01000115", "Burglary", 2), ("E01000116", "Burglary", 1)], lsoa.Select(c => (c.LsoaCode, c.CrimeType, c.Count)));
            Assert.All(lsoa, c => Assert.Equal(outcome.RunId, c.ImportRunId));
            Assert.Equal(5, outcome.Imported); // area: Burglary changed, Robbery removed; LSOA: one changed, one added, one removed
        }
        finally
        {
            File.Delete(first);
            File.Delete(second);
        }
    }
}

public sealed class PoliceUkImportTests_Sqlite() : PoliceUkImportTests(DatabaseProvider.Sqlite);

public sealed class PoliceUkImportTests_Postgres() : PoliceUkImportTests(DatabaseProvider.Postgres);
