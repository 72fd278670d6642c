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
using Sightline.Core.Panels;
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

    [Fact]
    public async Task Meeting_saves_killed_in_flight_are_each_whole_or_not_at_all_and_can_be_made_again()
    {
        const int count = 40;
        await using var app = await SightlineFactory.StartAsync(DatabaseProvider.Postgres);
        var practitioner = app.ApiClientFor("practitioner");
        var chair = app.ApiClientFor("police-practitioner");
        var panel = await Builders.CreatePanelAsync(app.ApiClientFor("administrator"), "mace", "police-practitioner@test.example", [], ["Police", "Children's Social Care"]);
        for (var i = 0; i < count; i++)
        {
            var person = (await Builders.CreatePersonAsync(practitioner)).GetProperty("id").GetGuid();
            var referral = await practitioner.PostAsync($"/api/v1/panels/{panel}/referrals", JsonContent($"{{\"personId\":\"{person}\",\"reason\":\"Seen with older males\",\"riskLevel\":\"High\"}}"), Ct);
            Assert.True(referral.StatusCode == HttpStatusCode.Created, await referral.Content.ReadAsStringAsync(Ct));
            var referralId = (await referral.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetGuid();
            Assert.Equal(HttpStatusCode.OK, (await chair.PostAsync($"/api/v1/panels/{panel}/referrals/{referralId}/accept", JsonContent("{\"reason\":\"Meets the threshold\"}"), Ct)).StatusCode);
        }
        var created = await chair.PostAsync($"/api/v1/panels/{panel}/meetings", JsonContent("{\"date\":\"2026-12-01\"}"), Ct);
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync(Ct));
        var meeting = await created.Content.ReadFromJsonAsync<JsonElement>(Ct);
        var meetingId = meeting.GetProperty("id").GetGuid();
        var items = meeting.GetProperty("agenda").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()).ToList();
        Assert.Equal(count, items.Count);
        Assert.Equal(HttpStatusCode.OK, (await chair.PostAsync($"/api/v1/meetings/{meetingId}/issue", null, Ct)).StatusCode);
        // The first item opens the meeting (issued -> held) before the kill, so the saves in flight each write one item and its audit.
        Assert.Equal(HttpStatusCode.OK, (await chair.PostAsync($"/api/v1/meetings/{meetingId}/agenda/{items[0]}", ItemBody(0), Ct)).StatusCode);
        var inFlight = items.Skip(1).ToList();

        var port = FreePort();
        var answered = new List<Guid>();
        var answeredActions = new List<Guid>();
        var answers = 0;
        using (var server = AppProcess.Start(app.Database, "serve", "--urls", $"http://127.0.0.1:{port}"))
        {
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            await WaitUntilReadyAsync(http, server);
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", app.Tokens["police-practitioner"]);
            // Eight concurrent savers work through an item's minutes and its action each, so that when the app is
            // killed (after the fifth answer) some saves are mid-flight and the rest not yet sent.
            using var fifthSaved = new SemaphoreSlim(0);
            var work = new System.Collections.Concurrent.ConcurrentQueue<(Guid Item, int Index, bool Action)>(
                inFlight.SelectMany((id, i) => new[] { (id, i + 1, false), (id, i + 1, true) }));
            var savers = Enumerable.Range(0, 8).Select(async _ =>
            {
                await Task.Yield();
                while (work.TryDequeue(out var next))
                {
                    try
                    {
                        using var response = next.Action
                            ? await http.PostAsync($"/api/v1/meetings/{meetingId}/actions", ActionBody(next.Item), Ct)
                            : await http.PostAsync($"/api/v1/meetings/{meetingId}/agenda/{next.Item}", ItemBody(next.Index), Ct);
                        if (!response.IsSuccessStatusCode) continue;
                        var list = next.Action ? answeredActions : answered;
                        lock (list) list.Add(next.Item);
                        if (Interlocked.Increment(ref answers) == 5) fifthSaved.Release();
                    }
                    catch (HttpRequestException)
                    {
                        return; // Killed before it answered.
                    }
                }
            }).ToList();
            await fifthSaved.WaitAsync(TimeSpan.FromSeconds(60), Ct);
            await server.KillAsync();
            await Task.WhenAll(savers);
        }

        var states = await app.WithDbAsync(db => db.AgendaItems.AsNoTracking().Where(i => inFlight.Contains(i.Id))
            .Select(i => new { i.Id, i.Minutes, i.RiskLevel, i.Decision, i.ClosedAt }).ToListAsync(Ct));
        // The agenda carries each referral's risk level (High) until the chair records the current one.
        var saved = states.Where(s => s.Minutes is not null || s.RiskLevel != RiskLevel.High || s.Decision is not null || s.ClosedAt is not null).ToList();
        Assert.NotEmpty(answered);
        Assert.True(saved.Count < inFlight.Count, "killed with saves still in flight");
        TestContext.Current.TestOutputHelper?.WriteLine($"{saved.Count} of {inFlight.Count} meeting saves made before the kill ({answered.Count} answered)");
        // Every save the app answered is kept; a save is whole (minutes, risk level, decision, closed) or not there at all.
        Assert.All(answered, id => Assert.Contains(saved, s => s.Id == id));
        Assert.All(states.Except(saved), s => Assert.True(s.Minutes is null && s.RiskLevel == RiskLevel.High && s.Decision is null && s.ClosedAt is null, $"half-saved: {s}"));
        Assert.All(saved, s => Assert.True(s.Minutes == $"Minutes of item {inFlight.IndexOf(s.Id) + 1}" && s.RiskLevel == RiskLevel.Medium && s.Decision == PanelDecision.Close && s.ClosedAt is not null, $"half-saved: {s}"));
        // Every action the app answered is kept, once, with its meeting and its item.
        var actions = await app.WithDbAsync(db => db.PanelActions.AsNoTracking().Where(a => a.AgendaItemId != null && inFlight.Contains(a.AgendaItemId.Value))
            .Select(a => new { Item = a.AgendaItemId!.Value, a.Title, HasMeeting = db.Meetings.Any(m => m.Id == a.MeetingId && m.Id == meetingId) }).ToListAsync(Ct));
        Assert.All(answeredActions, id => Assert.Contains(actions, a => a.Item == id));
        Assert.All(actions, a => Assert.True(a.HasMeeting && a.Title == $"Follow up item {a.Item}", $"half-saved action: {a}"));
        Assert.Equal(actions.Count, actions.Select(a => a.Item).Distinct().Count());
        TestContext.Current.TestOutputHelper?.WriteLine($"{actions.Count} of {inFlight.Count} actions made before the kill ({answeredActions.Count} answered)");
        await AssertAuditVerifiesAsync(app);

        // The rest can be made; every item then has its minutes and the chain still verifies.
        foreach (var s in states.Except(saved))
            Assert.Equal(HttpStatusCode.OK, (await chair.PostAsync($"/api/v1/meetings/{meetingId}/agenda/{s.Id}", ItemBody(inFlight.IndexOf(s.Id) + 1), Ct)).StatusCode);
        Assert.Equal(count, await app.WithDbAsync(db => db.AgendaItems.CountAsync(i => i.MeetingId == meetingId && i.Minutes != null && i.Decision == PanelDecision.Close, Ct)));
        foreach (var id in inFlight.Where(id => !actions.Any(a => a.Item == id)))
            Assert.Equal(HttpStatusCode.Created, (await chair.PostAsync($"/api/v1/meetings/{meetingId}/actions", ActionBody(id), Ct)).StatusCode);
        Assert.Equal(inFlight.Count, await app.WithDbAsync(db => db.PanelActions.CountAsync(a => a.MeetingId == meetingId, Ct)));
        await AssertAuditVerifiesAsync(app);
    }

    private static StringContent ItemBody(int index) => JsonContent($"{{\"minutes\":\"Minutes of item {index}\",\"riskLevel\":\"Medium\",\"decision\":\"close\"}}");

    private static StringContent ActionBody(Guid item) => JsonContent($"{{\"title\":\"Follow up item {item}\",\"ownerAgency\":\"Police\",\"dueDate\":\"2026-12-15\",\"agendaItemId\":\"{item}\"}}");

    private static StringContent JsonContent(string json) => new(json, Encoding.UTF8, "application/json");

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
