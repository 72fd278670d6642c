using Microsoft.EntityFrameworkCore;
using Sightline.Core.Audit;
using Sightline.Core.Data;
using Sightline.Core.Performance;
using Sightline.TestKit;

namespace Sightline.Core.Tests;

/// <summary>
/// The real public files in ../shared/data (beside the repository, or SIGHTLINE_DATA), found as the app
/// finds them. A test that needs them is skipped, saying why, on a machine without them.
/// </summary>
internal static class SharedData
{
    private static readonly string? Found = Sightline.Core.Demo.DemoDashboardData.FindDataFolder(null, AppContext.BaseDirectory, Directory.GetCurrentDirectory());

    public static bool IsAvailable => Found is not null;

    public static string Folder => Found ?? Skip();

    public static void Require() => _ = Folder;

    private static string Skip()
    {
        Assert.Skip("The public data folder (../shared/data beside the repository, or SIGHTLINE_DATA) is not on this machine.");
        return "";
    }

    public static string MpsHistorical => Path.Combine(Folder, "mps-borough", "MPS Borough Level Crime (Historical).csv");
    public static string MpsRecent => Path.Combine(Folder, "mps-borough", "MPS Borough Level Crime (most recent 24 months).csv");
    public static string OnsPopulation => Path.Combine(Folder, "population", "UK_Population_Data_xAge_xRegion.csv");
    public static string GlaProfiles => Path.Combine(Folder, "population", "london-borough-profiles_2015.csv");
}

/// <summary>The performance-data imports on both providers: reference areas, idempotency, broken files, population.</summary>
public abstract class PerformanceImportTests(DatabaseProvider provider)
{
    private CancellationToken Ct => TestContext.Current.CancellationToken;

    private static SightlineDb Context(TestDatabase database) => database.NewContext(new AuditTrail(FixedAuditActor.System, TimeProvider.System));

    private static async Task<TestDatabase> MigratedAsync(DatabaseProvider provider, CancellationToken ct)
    {
        var database = await TestDatabase.CreateAsync(provider);
        await using var db = Context(database);
        await new DatabaseMigrator(db).MigrateAsync(ct);
        return database;
    }

    private static async Task<ImportOutcome> MpsAsync(TestDatabase database, string path, CancellationToken ct)
    {
        await using var db = Context(database);
        return await new PerformanceImports(db, TimeProvider.System).ImportMpsBoroughAsync(path, cancellationToken: ct);
    }

    private static async Task<(int Rows, long Sum, long Weighted)> ChecksumAsync(TestDatabase database, CancellationToken ct)
    {
        await using var db = Context(database);
        var rows = await db.CrimeCounts.CountAsync(ct);
        var sum = await db.CrimeCounts.SumAsync(c => (long)c.Count, ct);
        var weighted = await db.CrimeCounts.SumAsync(c => (long)c.Count * (c.Month % 97 + 1), ct);
        return (rows, sum, weighted);
    }

    private static string TempCsv(string text)
    {
        var path = Path.Combine(Path.GetTempPath(), $"sightline-import-{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public async Task The_boroughs_and_the_two_groups_are_reference_data()
    {
        await using var database = await MigratedAsync(provider, Ct);
        await using var db = Context(database);
        var boroughs = await db.Areas.Where(a => a.Kind == AreaKind.LondonBorough).ToListAsync(Ct);
        Assert.Equal(32, boroughs.Count);
        Assert.Equal("E09000003", boroughs.Single(b => b.Name == "Barnet").Code);
        Assert.Equal(Enumerable.Range(2, 32).Select(n => $"E090000{n:00}"), boroughs.Select(b => b.Code!).Order());
        var london = await db.AreaGroups.Include(g => g.Members).ThenInclude(m => m.Area).SingleAsync(g => g.Key == "london", Ct);
        Assert.Equal(32, london.Members.Count);
        var msg = await db.AreaGroups.Include(g => g.Members).ThenInclude(m => m.Area).SingleAsync(g => g.Key == "barnet-msg", Ct);
        Assert.Equal(15, msg.Members.Count);
        Assert.Equal(10, msg.Members.Count(m => m.Area!.Kind == AreaKind.LondonBorough));
        Assert.Contains(msg.Members, m => m.Area!.Name == "Brighton & Hove" && m.Area.Kind == AreaKind.Other);
        // Migrating again adds nothing.
        await new DatabaseMigrator(db).MigrateAsync(Ct);
        Assert.Equal(32 + 2 + 5, await db.Areas.CountAsync(Ct));
    }

    [Fact]
    public async Task Importing_the_recent_MPS_file_twice_changes_nothing_the_second_time()
    {
        await using var database = await MigratedAsync(provider, Ct);
        var first = await MpsAsync(database, SharedData.MpsRecent, Ct);
        Assert.True(first.Succeeded, first.Refused);
        Assert.Equal(0, first.RowsRejected);
        Assert.Equal(1_056 * 24, first.Imported);
        var before = await ChecksumAsync(database, Ct);
        Assert.Equal(1_056 * 24, before.Rows);

        var second = await MpsAsync(database, SharedData.MpsRecent, Ct);
        Assert.Equal(0, second.Imported);
        Assert.Equal(1_056 * 24, second.Unchanged);
        Assert.Equal(before, await ChecksumAsync(database, Ct));

        await using var db = Context(database);
        Assert.True(await db.CrimeCounts.AnyAsync(c => c.Category == "NFIB FRAUD", Ct)); // a category only the recent release has
        Assert.Equal(2, await db.ImportRuns.CountAsync(Ct));
        Assert.Equal(2, await db.AuditEntries.CountAsync(e => e.EntityType == "import-run", Ct));
        Assert.Equal(0, await db.AuditEntries.CountAsync(e => e.EntityType == "crime-count", Ct));
        var (intact, _, fault) = await new AuditQueries(db).VerifyAsync(Ct);
        Assert.True(intact, fault);
    }

    [Fact]
    public async Task A_later_file_overrides_the_months_it_shares_and_rows_are_rejected_with_reasons()
    {
        await using var database = await MigratedAsync(provider, Ct);
        var good = TempCsv("MajorText,MinorText,BoroughName,201604,201605\nROBBERY,ROBBERY OF PERSONAL PROPERTY,Barnet,30,31\n");
        var broken = TempCsv(
            "MajorText,MinorText,LookUp_BoroughName,201605,2016AB,201606\n" +
            "ROBBERY,ROBBERY OF PERSONAL PROPERTY,Barnet,35,9,36\n" +
            "ROBBERY,ROBBERY OF BUSINESS PROPERTY,Barnet,-2,0,1\n" +
            "BURGLARY,DOMESTIC BURGLARY,Barnet,x,0,1\n" +
            "BURGLARY,DOMESTIC BURGLARY,,1,0,1\n" +
            "THEFT,THEFT FROM THE PERSON,Atlantis,4,0,5\n" +
            "THEFT,OTHER THEFT,Barnet,4");
        try
        {
            Assert.Equal(2, (await MpsAsync(database, good, Ct)).Imported);
            var outcome = await MpsAsync(database, broken, Ct);
            Assert.True(outcome.Succeeded);
            Assert.Equal(6, outcome.RowsRead);
            Assert.Equal(4, outcome.RowsRejected);
            Assert.Contains(outcome.Problems, p => p.Contains("'2016AB' is not a month"));
            Assert.Contains(outcome.Problems, p => p.StartsWith("line 3:") && p.Contains("negative count -2 for 201605"));
            Assert.Contains(outcome.Problems, p => p.StartsWith("line 4:") && p.Contains("'x' for 201605 is not a count"));
            Assert.Contains(outcome.Problems, p => p.StartsWith("line 5:") && p.Contains("no borough"));
            Assert.Contains(outcome.Problems, p => p.StartsWith("line 7:") && p.Contains("truncated"));
            Assert.Contains(outcome.Notes, n => n.Contains("'Atlantis'"));
            Assert.Contains("rejected: line 3", outcome.Describe());
            // 201605 changed (31 → 35), 201606 added, Atlantis's two months added; 201604 kept from the first file.
            Assert.Equal(4, outcome.Imported);

            await using var db = Context(database);
            var barnet = await db.Areas.SingleAsync(a => a.Name == "Barnet", Ct);
            var robbery = await db.CrimeCounts.Where(c => c.AreaId == barnet.Id && c.Category == "ROBBERY").OrderBy(c => c.Month).Select(c => new { c.Month, c.Count, c.Subcategory }).ToListAsync(Ct);
            Assert.Equal([(201604, 30), (201605, 35), (201606, 36)], robbery.Select(r => (r.Month, r.Count)));
            Assert.Equal(AreaKind.Other, (await db.Areas.SingleAsync(a => a.Name == "Atlantis", Ct)).Kind);
        }
        finally
        {
            File.Delete(good);
            File.Delete(broken);
        }
    }

    [Fact]
    public async Task A_file_with_a_bad_header_is_refused_whole_and_the_data_stays()
    {
        await using var database = await MigratedAsync(provider, Ct);
        Assert.True((await MpsAsync(database, SharedData.MpsRecent, Ct)).Succeeded);
        var before = await ChecksumAsync(database, Ct);
        var bad = TempCsv("Major,Minor,Borough,202312\nROBBERY,ROBBERY OF PERSONAL PROPERTY,Barnet,1000\n");
        try
        {
            var outcome = await MpsAsync(database, bad, Ct);
            Assert.False(outcome.Succeeded);
            Assert.Contains("MajorText, MinorText and BoroughName", outcome.Refused);
            Assert.StartsWith($"{Path.GetFileName(bad)}: refused, nothing imported.", outcome.Describe());
        }
        finally
        {
            File.Delete(bad);
        }
        Assert.Equal(before, await ChecksumAsync(database, Ct));
        await using var db = Context(database);
        Assert.Equal(1, await db.ImportRuns.CountAsync(Ct));
    }

    [Fact]
    public async Task Population_by_age_and_households_come_from_the_ONS_and_GLA_files()
    {
        await using var database = await MigratedAsync(provider, Ct);
        async Task<ImportOutcome> Import(string path)
        {
            await using var db = Context(database);
            return await new PerformanceImports(db, TimeProvider.System).ImportPopulationAsync(path, cancellationToken: Ct);
        }
        var ons = await Import(SharedData.OnsPopulation);
        Assert.True(ons.Succeeded, ons.Refused);
        Assert.Equal(32 * 92, ons.Imported); // 91 ages (0…89, 90+) and the all-ages total for each borough
        Assert.True(ons.RowsIgnored > 30_000);
        var gla = await Import(SharedData.GlaProfiles);
        Assert.True(gla.Succeeded, gla.Refused);

        await using (var db = Context(database))
        {
            var barnet = await db.Areas.SingleAsync(a => a.Code == "E09000003", Ct);
            var people = db.PopulationEstimates.Where(p => p.AreaId == barnet.Id && p.Year == 2019);
            Assert.Equal(395_869, await people.Where(p => p.Age == null).Select(p => p.Count).SingleAsync(Ct));
            Assert.Equal(39_615, await people.Where(p => p.Age >= 10 && p.Age <= 17).SumAsync(p => p.Count, Ct));
            Assert.Equal(144_180, await db.HouseholdEstimates.Where(h => h.AreaId == barnet.Id && h.Year == 2015).Select(h => h.Count).SingleAsync(Ct));
            Assert.Equal(32, await db.HouseholdEstimates.CountAsync(Ct));
        }

        Assert.Equal(0, (await Import(SharedData.OnsPopulation)).Imported);
        Assert.Equal(0, (await Import(SharedData.GlaProfiles)).Imported);
        var notPopulation = await Import(SharedData.MpsRecent);
        Assert.False(notPopulation.Succeeded);
    }
}

public sealed class PerformanceImportTests_Sqlite() : PerformanceImportTests(DatabaseProvider.Sqlite);

public sealed class PerformanceImportTests_Postgres() : PerformanceImportTests(DatabaseProvider.Postgres);

/// <summary>The whole historical MPS file and the recent one (SQLite only, to keep the suite quick).</summary>
public sealed class MpsRealFilesTests
{
    private CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Both_real_MPS_files_give_the_known_figures()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using (var db = database.NewContext(new AuditTrail(FixedAuditActor.System, TimeProvider.System)))
            await new DatabaseMigrator(db).MigrateAsync(Ct);
        foreach (var file in new[] { SharedData.MpsHistorical, SharedData.MpsRecent })
        {
            await using var db = database.NewContext(new AuditTrail(FixedAuditActor.System, TimeProvider.System));
            var outcome = await new PerformanceImports(db, TimeProvider.System).ImportMpsBoroughAsync(file, cancellationToken: Ct);
            Assert.True(outcome.Succeeded, outcome.Refused);
            Assert.Equal(0, outcome.RowsRejected);
            Assert.Empty(outcome.Notes); // every name is a borough or one of the two known non-borough rows
        }

        await using var check = database.NewContext();
        Assert.Equal(1_084 * 164 + 1_056 * 24, await check.CrimeCounts.CountAsync(Ct));
        var barnet = await check.Areas.SingleAsync(a => a.Name == "Barnet", Ct);
        // SOURCES.md: Barnet robbery 2016/17 (April 2016 – March 2017) is 467 in the file (463 in the 2017 board paper).
        var robbery = await check.CrimeCounts
            .Where(c => c.AreaId == barnet.Id && c.Category == "ROBBERY" && c.Month >= 201604 && c.Month <= 201703)
            .SumAsync(c => c.Count, Ct);
        Assert.Equal(467, robbery);
        Assert.Equal(2, await check.CrimeCounts.Where(c => c.AreaId == barnet.Id && c.Category == "ROBBERY").Select(c => c.Subcategory).Distinct().CountAsync(Ct));
        var airports = await check.Areas.SingleAsync(a => a.Name == "London Heathrow and London City Airports", Ct);
        Assert.Equal(AreaKind.Other, airports.Kind);
        Assert.True(await check.CrimeCounts.AnyAsync(c => c.AreaId == airports.Id, Ct));
        Assert.True(await check.CrimeCounts.AnyAsync(c => c.Month == 202511, Ct));
    }
}
