using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sightline.Core.Assessments;
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

    [Fact]
    public async Task Seam_approvals_killed_in_flight_are_each_whole_or_not_at_all_and_can_be_made_again()
    {
        const int count = 60;
        await using var app = await SightlineFactory.StartAsync(DatabaseProvider.Postgres);
        var practitioner = app.ApiClientFor("practitioner");
        var seams = new List<Guid>();
        for (var i = 0; i < count; i++)
        {
            var person = (await Builders.CreatePersonAsync(practitioner)).GetProperty("id").GetGuid();
            // A high score: approving it also opens a panel referral, so an approval writes several rows.
            var created = await practitioner.PostAsync($"/api/v1/people/{person}/seam-assessments", SeamBody(30), Ct);
            Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync(Ct));
            var id = (await created.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetGuid();
            Assert.Equal(HttpStatusCode.OK, (await practitioner.PostAsync($"/api/v1/seam-assessments/{id}/submit", null, Ct)).StatusCode);
            seams.Add(id);
        }

        var port = FreePort();
        var answered = new List<Guid>();
        using (var server = AppProcess.Start(app.Database, "serve", "--urls", $"http://127.0.0.1:{port}"))
        {
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            await WaitUntilReadyAsync(http, server);
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", app.Tokens["team-manager"]);
            using var firstApproved = new SemaphoreSlim(0);
            var approvals = seams.Select(async id =>
            {
                await Task.Yield();
                try
                {
                    using var response = await http.PostAsync($"/api/v1/seam-assessments/{id}/approve", null, Ct);
                    if (response.StatusCode != HttpStatusCode.OK) return;
                    lock (answered) answered.Add(id);
                    firstApproved.Release();
                }
                catch (HttpRequestException)
                {
                    // Killed before it answered.
                }
            }).ToList();
            await firstApproved.WaitAsync(TimeSpan.FromSeconds(60), Ct);
            await server.KillAsync();
            await Task.WhenAll(approvals);
        }

        var states = await app.WithDbAsync(db => db.SeamAssessments.AsNoTracking().Where(s => seams.Contains(s.Id))
            .Select(s => new { s.Id, s.Status, s.DecidedAt, s.DecidedByUserId, s.Routing, s.ReviewDueOn, Referrals = db.PanelReferrals.Count(r => r.SeamAssessmentId == s.Id) })
            .ToListAsync(Ct));
        var approved = states.Where(s => s.Status == SeamStatus.Approved).ToList();
        Assert.NotEmpty(answered);
        Assert.True(approved.Count < count, "killed with approvals still in flight");
        TestContext.Current.TestOutputHelper?.WriteLine($"{approved.Count} of {count} approvals made before the kill ({answered.Count} answered)");
        // Every approval the app answered is kept; an approval is whole (decided, routed, referral opened) or not there at all.
        Assert.All(answered, id => Assert.Contains(approved, s => s.Id == id));
        Assert.All(approved, s => Assert.True(s.DecidedAt is not null && s.DecidedByUserId == app.Users["team-manager"].Id && s.Routing is not null && s.ReviewDueOn is not null && s.Referrals == 1, $"half-approved: {s}"));
        Assert.All(states.Except(approved), s => Assert.True(s.Status == SeamStatus.Submitted && s.DecidedAt is null && s.Routing is null && s.Referrals == 0, $"half-approved: {s}"));
        await AssertAuditVerifiesAsync(app);

        // Made again, the rest go through; the ones already made say so rather than doubling.
        var manager = app.ApiClientFor("team-manager");
        foreach (var s in states)
        {
            var again = await manager.PostAsync($"/api/v1/seam-assessments/{s.Id}/approve", null, Ct);
            Assert.Equal(s.Status == SeamStatus.Approved ? HttpStatusCode.Forbidden : HttpStatusCode.OK, again.StatusCode);
        }
        Assert.Equal(count, await app.WithDbAsync(db => db.PanelReferrals.CountAsync(r => r.SeamAssessmentId != null && seams.Contains(r.SeamAssessmentId.Value), Ct)));
        await AssertAuditVerifiesAsync(app);
    }

    private static StringContent SeamBody(int total)
    {
        string[] domains = ["sexual-health", "absent-missing", "familial", "emotional-physical", "gangs-risky-adults", "technology", "alcohol-drugs", "recognition-gifts", "authority-education"];
        var scores = new JsonObject();
        foreach (var domain in domains)
        {
            var score = Math.Min(5, total);
            total -= score;
            scores[domain] = new JsonObject { ["score"] = score, ["evidence"] = score > 0 ? "Seen at the home visit." : null };
        }
        var body = new JsonObject { ["version"] = "2020", ["scores"] = scores, ["youngPersonPerception"] = "Medium" };
        return new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
    }

    private static async Task WaitUntilReadyAsync(HttpClient http, AppProcess server)
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        while (started.Elapsed < TimeSpan.FromSeconds(90))
        {
            if (server.HasExited) Assert.Fail($"the app exited ({server.ExitCode}) before it was ready:\n{server.Output}");
            try
            {
                using var ready = await http.GetAsync("/health/ready", Ct);
                if (ready.StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            await Task.Delay(200, Ct);
        }
        Assert.Fail($"the app was not ready after 90 seconds:\n{server.Output}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
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
