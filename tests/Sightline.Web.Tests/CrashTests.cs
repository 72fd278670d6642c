using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sightline.Core.Audit;
using Sightline.Core.Data;
using Sightline.Core.Demo;
using Sightline.Core.Performance;
using Sightline.TestKit;
using Sightline.Web.Tests.Support;

namespace Sightline.Web.Tests;

/// <summary>
/// The real app process killed with SIGKILL in the middle of writing: after it, nothing is
/// half-written, the work can be done again to the result it would have had, and the audit chain
/// verifies.
/// </summary>
public sealed class CrashTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string PoliceUk(string force)
    {
        var data = DemoDashboardData.FindDataFolder(null, AppContext.BaseDirectory, Directory.GetCurrentDirectory());
        if (data is null) Assert.Skip("The public data folder (../shared/data beside the repository, or SIGHTLINE_DATA) is not on this machine.");
        return Path.Combine(data, "police-uk", force);
    }

    [Fact]
    public async Task A_police_uk_import_killed_mid_write_leaves_the_previous_data_and_a_rerun_gives_the_uninterrupted_result()
    {
        var previous = PoliceUk("city-of-london");
        var big = PoliceUk("metropolitan-burglary");
        await using var uninterrupted = await SightlineFactory.StartAsync(DatabaseProvider.Sqlite);
        await using var crashed = await SightlineFactory.StartAsync(DatabaseProvider.Sqlite);
        foreach (var app in new[] { uninterrupted, crashed }) await ImportAsync(app, previous);
        await ImportAsync(uninterrupted, big);
        var before = await SnapshotAsync(crashed);

        // The import reads every file (progress every 10,000 rows), then writes in one transaction.
        // SQLite's rollback journal exists from the transaction's first write until its commit:
        // killing the process while it is there kills it mid-write.
        var journal = new SqliteConnectionStringBuilder(crashed.Database.ConnectionString).DataSource + "-journal";
        using (var import = AppProcess.Start(crashed.Database, "import", "police-uk", big))
        {
            while (!import.Output.Contains("160,000 rows read") || !File.Exists(journal))
            {
                if (import.HasExited) Assert.Fail($"the import ended ({import.ExitCode}) before it could be killed:\n{import.Output}");
                await Task.Delay(1, Ct);
            }
            await import.KillAsync();
        }
        Assert.True(File.Exists(journal), "killed with its transaction open: the journal is left for the next open to roll back");

        Assert.Equal(before, await SnapshotAsync(crashed));

        var (exit, output) = await AppProcess.RunAsync(crashed.Database, Ct, "import", "police-uk", big);
        Assert.True(exit == 0, output);
        Assert.Equal(await SnapshotAsync(uninterrupted), await SnapshotAsync(crashed));
        await AssertAuditVerifiesAsync(crashed);
    }

    private static async Task ImportAsync(SightlineFactory app, string folder)
    {
        using var scope = app.Services.CreateScope();
        var outcome = await scope.ServiceProvider.GetRequiredService<PerformanceImports>().ImportPoliceUkAsync([folder], null, Ct);
        Assert.True(outcome.Succeeded, outcome.Describe());
    }

    /// <summary>Everything an import writes, by area name (ids differ between databases): the counts, the hotspot counts and the runs.</summary>
    private static Task<string> SnapshotAsync(SightlineFactory app) => app.WithDbAsync(async db =>
    {
        var counts = await db.CrimeCounts.AsNoTracking().Join(db.Areas, c => c.AreaId, a => a.Id, (c, a) => new { a.Name, c.Source, c.Month, c.Category, c.Subcategory, c.Count })
            .ToListAsync(Ct);
        var lsoa = await db.LsoaCrimeCounts.AsNoTracking().Join(db.Areas, c => c.AreaId, a => a.Id, (c, a) => new { a.Name, c.LsoaCode, c.Month, c.CrimeType, c.Count })
            .ToListAsync(Ct);
        var runs = await db.ImportRuns.AsNoTracking().Select(r => new { r.Source, r.FileName, r.FileSha256, r.RowsRead, r.RowsImported, r.RowsRejected }).ToListAsync(Ct);
        return string.Join('\n', counts.Select(c => $"{c.Name}|{c.Source}|{c.Month}|{c.Category}|{c.Subcategory}|{c.Count}").Order(StringComparer.Ordinal))
            + "\n--\n" + string.Join('\n', lsoa.Select(c => $"{c.Name}|{c.LsoaCode}|{c.Month}|{c.CrimeType}|{c.Count}").Order(StringComparer.Ordinal))
            + "\n--\n" + string.Join('\n', runs.Select(r => $"{r.Source}|{r.FileName}|{r.FileSha256}|{r.RowsRead}|{r.RowsImported}|{r.RowsRejected}").Order(StringComparer.Ordinal));
    });

    private static async Task AssertAuditVerifiesAsync(SightlineFactory app)
    {
        // The same check as `./sightline audit verify`, in this process to save a process start.
        using var scope = app.Services.CreateScope();
        var (intact, count, fault) = await scope.ServiceProvider.GetRequiredService<AuditQueries>().VerifyAsync(Ct);
        Assert.True(intact, $"audit chain broken after {count} entries: {fault}");
    }
}
