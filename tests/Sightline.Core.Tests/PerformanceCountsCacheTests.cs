using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Sightline.Core.Audit;
using Sightline.Core.Dashboard;
using Sightline.Core.Data;
using Sightline.Core.Performance;
using Sightline.TestKit;

namespace Sightline.Core.Tests;

/// <summary>
/// The shared dashboard cache never serves figures older than the data: after an import (seen through the import
/// runs, as another app instance would see it) and after an administrator changes a group, the next dashboard built
/// with the same cache has the new figures.
/// </summary>
public abstract class PerformanceCountsCacheTests(DatabaseProvider provider)
{
    private CancellationToken Ct => TestContext.Current.CancellationToken;
    private static readonly string[] Boroughs = ["Barnet", "Brent", "Camden"];
    private static readonly YearMonth First = new(2015, 1);

    private static SightlineDb Context(TestDatabase database) => database.NewContext(new AuditTrail(FixedAuditActor.System, TimeProvider.System));

    private async Task<TestDatabase> SeededAsync()
    {
        var database = await TestDatabase.CreateAsync(provider);
        await using var db = Context(database);
        await new DatabaseMigrator(db).MigrateAsync(Ct);
        foreach (var area in await db.Areas.Where(a => Boroughs.Contains(a.Name)).ToListAsync(Ct))
            db.PopulationEstimates.Add(new PopulationEstimate { AreaId = area.Id, Year = 2017, Count = 100_000 });
        await db.SaveChangesAsync(Ct);
        await ImportAsync(database, "first.csv", months: 36, barnet: 10);
        return database;
    }

    /// <summary>An MPS borough file of robbery from January 2015: <paramref name="barnet"/> a month for Barnet, 20 and 30 for the others.</summary>
    private async Task ImportAsync(TestDatabase database, string name, int months, int barnet)
    {
        var header = "MajorText,MinorText,BoroughName," + string.Join(',', Enumerable.Range(0, months).Select(i => First.AddMonths(i).ToYyyyMm().ToString(CultureInfo.InvariantCulture)));
        var file = new StringBuilder(header).AppendLine();
        foreach (var (borough, count) in Boroughs.Zip([barnet, 20, 30]))
            file.AppendLine($"ROBBERY,ROBBERY OF PERSONAL PROPERTY,{borough}," + string.Join(',', Enumerable.Repeat(count, months)));
        var path = Path.Combine(Directory.CreateTempSubdirectory("sightline-cache-").FullName, name);
        await File.WriteAllTextAsync(path, file.ToString(), Ct);
        await using var db = Context(database);
        var outcome = await new PerformanceImports(db, TimeProvider.System).ImportMpsBoroughAsync(path, cancellationToken: Ct);
        Assert.Equal(0, outcome.RowsRejected);
    }

    private static async Task<PerformanceDashboard> BuildAsync(TestDatabase database, PerformanceCountsCache cache, YearMonth? month, string? group = null)
    {
        await using var db = Context(database); // a new context per request, as in the app
        return (await new DashboardQueries(db, cache: cache).BuildAsync("Barnet", month, group, TestContext.Current.CancellationToken))!;
    }

    private static DashboardIndicator Robbery(PerformanceDashboard dashboard) => dashboard.Indicators.Single(i => i.Indicator.Key == "robbery");

    [Fact]
    public async Task An_import_refreshes_the_cached_figures_and_the_latest_month()
    {
        await using var database = await SeededAsync();
        var cache = new PerformanceCountsCache();
        var before = await BuildAsync(database, cache, null);
        Assert.Equal(new YearMonth(2017, 12), before.Month);
        Assert.Equal(120, Robbery(before).Rolling12.Volume);

        // The import goes through its own context and raw SQL: only its import run tells the cache (as on another instance).
        await ImportAsync(database, "second.csv", months: 39, barnet: 11);

        var after = await BuildAsync(database, cache, null);
        Assert.Equal(new YearMonth(2018, 3), after.Month);
        Assert.Equal(132, Robbery(after).Rolling12.Volume);
        Assert.Equal(132, Robbery(await BuildAsync(database, cache, new YearMonth(2017, 12))).Rolling12.Volume);
        await using var db = Context(database);
        Assert.Equal(Robbery(after).Rolling12.Volume, Robbery((await new DashboardQueries(db).BuildAsync("Barnet", null, Ct))!).Rolling12.Volume);
    }

    [Fact]
    public async Task A_group_change_is_seen_by_the_next_dashboard()
    {
        await using var database = await SeededAsync();
        var cache = new PerformanceCountsCache();
        Guid groupId;
        Dictionary<string, Guid> ids;
        await using (var db = Context(database))
        {
            ids = await db.Areas.Where(a => Boroughs.Contains(a.Name)).ToDictionaryAsync(a => a.Name, a => a.Id, Ct);
            var created = await new AreaGroupAdministration(db).CreateAsync("Cache pair", [ids["Barnet"], ids["Brent"]], Ct);
            groupId = created.Value!.Id;
        }
        var key = AreaGroupAdministration.KeyFor("Cache pair");
        var before = Robbery(await BuildAsync(database, cache, null, key));
        Assert.Equal(new Rank(1, 2, false), before.SimilarGroupRank);

        await using (var db = Context(database))
            Assert.True((await new AreaGroupAdministration(db).UpdateAsync(groupId, "Cache pair", [ids["Barnet"], ids["Brent"], ids["Camden"]], Ct)).Succeeded);

        var after = Robbery(await BuildAsync(database, cache, null, key));
        Assert.Equal(new Rank(1, 3, false), after.SimilarGroupRank);
        Assert.All(after.RankHistory, p => Assert.Equal(3, p.SimilarGroup?.Of));
    }
}

public sealed class PerformanceCountsCacheTests_Sqlite() : PerformanceCountsCacheTests(DatabaseProvider.Sqlite);

public sealed class PerformanceCountsCacheTests_Postgres() : PerformanceCountsCacheTests(DatabaseProvider.Postgres);
