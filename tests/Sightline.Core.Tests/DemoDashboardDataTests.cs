using Microsoft.Extensions.DependencyInjection;
using Sightline.Core.Data;
using Microsoft.EntityFrameworkCore;
using Sightline.Core.Demo;
using Sightline.Core.Performance;
using Sightline.TestKit;

namespace Sightline.Core.Tests;

/// <summary>The demo's dashboard data is the real MPS borough history and population, or one line saying how to load it.</summary>
public sealed class DemoDashboardDataTests
{
    private CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Seeding_the_demo_with_the_data_folder_loads_real_crime_counts_and_population()
    {
        await using var demo = await SeededDemo.CreateAsync(DatabaseProvider.Sqlite, DateTimeOffset.UtcNow, 10, Ct);
        var lines = new List<string>();
        var loaded = await new DemoDashboardData(demo.Services.GetRequiredService<PerformanceImports>()).ImportAsync(SharedData.Folder, recentOnly: false, lines.Add, Ct);
        Assert.True(loaded, string.Join("\n", lines));
        var db = demo.Db;
        var barnet = await db.Areas.SingleAsync(a => a.Name == "Barnet", Ct);
        Assert.True(await db.CrimeCounts.CountAsync(c => c.AreaId == barnet.Id && c.Month == 201004, Ct) > 0);
        Assert.True(await db.CrimeCounts.CountAsync(c => c.AreaId == barnet.Id && c.Month == 202511, Ct) > 0);
        Assert.Equal(395_869, await db.PopulationEstimates.Where(p => p.AreaId == barnet.Id && p.Year == 2019 && p.Age == null).Select(p => p.Count).SingleAsync(Ct));
        Assert.True(await db.HouseholdEstimates.AnyAsync(h => h.AreaId == barnet.Id, Ct));
        Assert.Single(lines);
    }

    [Fact]
    public async Task Without_the_data_folder_the_demo_is_seeded_and_one_line_says_how_to_import()
    {
        await using var demo = await SeededDemo.CreateAsync(DatabaseProvider.Sqlite, DateTimeOffset.UtcNow, 10, Ct);
        var lines = new List<string>();
        var missing = Path.Combine(Path.GetTempPath(), "sightline-no-data-" + Guid.NewGuid().ToString("N"));
        var loaded = await new DemoDashboardData(demo.Services.GetRequiredService<PerformanceImports>()).ImportAsync(missing, recentOnly: false, lines.Add, Ct);
        Assert.False(loaded);
        var line = Assert.Single(lines);
        Assert.Contains("Dashboard data was not loaded", line);
        Assert.Contains("./sightline import mps-borough", line);
        Assert.Equal(9, await demo.Db.Agencies.CountAsync(Ct));
        Assert.Equal(10, await demo.Db.People.CountAsync(Ct));
        Assert.Equal(0, await demo.Db.CrimeCounts.CountAsync(Ct));
    }

    [Fact]
    public void The_default_data_folder_is_shared_data_beside_the_repository()
    {
        Assert.Equal(SharedData.Folder, DemoDashboardData.FindDataFolder(null, "/nonexistent-start", AppContext.BaseDirectory));
        Assert.Equal(Path.GetFullPath("/tmp/x"), DemoDashboardData.FindDataFolder("/tmp/x", AppContext.BaseDirectory));
    }
}
