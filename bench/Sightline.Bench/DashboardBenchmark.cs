using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Sightline.Core.Dashboard;
using Sightline.Core.Data;
using Sightline.Core.Performance;

namespace Sightline.Bench;

/// <summary>Options of <c>-- dashboard</c>.</summary>
public sealed record DashboardOptions
{
    public string Provider { get; init; } = "sqlite";
    public IReadOnlyList<int> Connections { get; init; } = [1, 16];
    public int Seconds { get; init; } = 15;
    public int Warmup { get; init; } = 3;
    public int Calls { get; init; } = 100;
    public int QuietWait { get; init; } = 60;
    public bool Build { get; init; } = true;
    public bool Keep { get; init; }

    public const string Usage = """
        Usage: dotnet run -c Release --project bench/Sightline.Bench -- dashboard [OPTIONS]

          --provider sqlite|postgres   database (default sqlite; postgres starts a throwaway PostgreSQL 15)
          --connections LIST           closed-loop connections to measure at, comma-separated (default 1,16)
          --seconds S                  measured window per scenario and connection count (default 15)
          --warmup S                   unmeasured warm-up per scenario (default 3)
          --calls N                    in-process calls of DashboardQueries.BuildAsync and of the baseline query (default 100)
          --quiet-wait S               before each scenario, wait up to S s for other work on the machine to stop (default 60)
          --no-build                   use the existing Release build of src/Sightline.Web
          --keep                       keep the temporary database
        """;

    public static DashboardOptions Parse(string[] args)
    {
        var options = new DashboardOptions();
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{arg} needs a value");
            int Number(string text, int min, int max) => int.TryParse(text, out var n) && n >= min && n <= max ? n : throw new ArgumentException($"{arg} must be a whole number from {min} to {max}");
            options = arg switch
            {
                "--provider" => options with { Provider = Value().ToLowerInvariant() is var p && p is "sqlite" or "postgres" ? p : throw new ArgumentException("--provider must be sqlite or postgres") },
                "--connections" => options with { Connections = Value().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(c => Number(c, 1, 512)).ToList() },
                "--seconds" => options with { Seconds = Number(Value(), 1, 600) },
                "--warmup" => options with { Warmup = Number(Value(), 0, 120) },
                "--calls" => options with { Calls = Number(Value(), 10, 100_000) },
                "--quiet-wait" => options with { QuietWait = Number(Value(), 0, 3600) },
                "--no-build" => options with { Build = false },
                "--keep" => options with { Keep = true },
                _ => throw new ArgumentException($"Unknown option '{arg}'"),
            };
        }
        return options;
    }
}

/// <summary>
/// Issue 5's dashboard target: the whole dashboard of one borough, with every London borough's 15+ years of
/// real MPS counts loaded (the demo data: both MPS files, 2010-04 to 2025-11, and ONS population), measured
/// (1) in process, <see cref="DashboardQueries.BuildAsync"/> called one at a time, against one indexed lookup on the
/// same database, and (2) through the app over loopback, <c>GET /api/v1/dashboard</c>, against the
/// baseline endpoint (one indexed lookup), at each connection count.
/// </summary>
public static class DashboardBenchmark
{
    /// <summary>The issue's target for the whole dashboard of one area.</summary>
    public const double MaximumP95 = 50;

    private sealed record Loaded(long Counts, int Boroughs, int FirstMonth, int LastMonth, IReadOnlyList<string> Areas, IReadOnlyList<Guid> People);

    /// <summary>Latencies of calls made one at a time, and this process's CPU time per call (on a machine shared with
    /// other work the CPU time is what the call costs; the latency also has the waits for a core in it).</summary>
    private sealed record InProcess(string Title, long[] Micros, double CpuMillisPerCall)
    {
        public double Percentile(double p) => Micros[Math.Clamp((int)Math.Ceiling(p / 100 * Micros.Length) - 1, 0, Micros.Length - 1)] / 1000.0;
    }

    public static Task<int> RunAsync(string[] args, CancellationToken cancel) =>
        BenchRun.RunAsync(args, DashboardOptions.Parse, DashboardOptions.Usage, "dashboard", o => o.Keep, (options, work) => RunAsync(options, work, cancel), cancel);

    private static async Task<int> RunAsync(DashboardOptions options, string work, CancellationToken cancel)
    {
        var root = SightlineApp.FindRepositoryRoot();
        var step = BenchRun.Step;
        ThrowawayPostgres? postgres = null;
        SightlineApp.Server? server = null;
        try
        {
            if (options.Build)
            {
                step("Building the app (Release)...");
                await SightlineApp.BuildAsync(root, cancel);
            }
            DatabaseSettings settings;
            string databaseVersion;
            if (options.Provider == "postgres")
            {
                step("Starting a throwaway PostgreSQL 15 on 127.0.0.1...");
                postgres = await ThrowawayPostgres.StartAsync(Path.Combine(work, "pg"), maxConnections: 200, [], cancel);
                settings = new DatabaseSettings(DatabaseProvider.Postgres, postgres.ConnectionString);
                databaseVersion = postgres.Version + " (default settings)";
            }
            else
            {
                settings = new DatabaseSettings(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(work, "sightline.db")}");
                databaseVersion = "SQLite (one file, WAL)";
            }
            var dataFolder = PoliceUkFiles.DataFolder(root);
            var app = new SightlineApp(root, new Dictionary<string, string>
            {
                ["Database__Provider"] = settings.Provider.ToString(),
                ["ConnectionStrings__Sightline"] = settings.ConnectionString,
                ["Demo__Enabled"] = "false",
                ["SIGHTLINE_DATA"] = dataFolder,
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
                ["Logging__LogLevel__Default"] = "Warning",
            }, Path.Combine(work, "app.log"));

            step("Creating the database and the demo partnership with its real dashboard data (both MPS borough files, ONS population)...");
            await app.CommandAsync(cancel, "migrate");
            var seeded = await app.CommandAsync(cancel, "demo", "seed", "--people", "1000");
            if (!seeded.Contains("Dashboard data loaded", StringComparison.Ordinal)) throw new InvalidOperationException($"The demo did not load the dashboard data:\n{seeded}");
            var token = SightlineApp.LastLine(await app.CommandAsync(cancel, "api-token", "create", "--user", "manager@sightline.example"));
            if (!token.StartsWith("sl_", StringComparison.Ordinal)) throw new InvalidOperationException("api-token create did not print a token last.");
            if (postgres is not null)
            {
                step("VACUUM (ANALYZE) after the bulk load...");
                await postgres.VacuumAnalyzeAsync(cancel);
            }
            var loaded = await DescribeAsync(settings, cancel);
            var years = (YearMonth.FromYyyyMm(loaded.FirstMonth).MonthsUntil(YearMonth.FromYyyyMm(loaded.LastMonth)) + 1) / 12.0;
            step($"  {loaded.Counts:N0} MPS counts, {loaded.Boroughs} London boroughs, {YearMonth.FromYyyyMm(loaded.FirstMonth)} to {YearMonth.FromYyyyMm(loaded.LastMonth)} ({years:N1} years)");
            if (loaded.Boroughs < 32 || years < 15) throw new InvalidOperationException("The loaded data does not cover 15 years of all 32 London boroughs.");

            // Months a dashboard can be asked for: those with 5 earlier years for the exception ranges.
            var firstAsked = YearMonth.FromYyyyMm(loaded.FirstMonth).AddMonths(12 * 5 + 2);
            var months = Enumerable.Range(0, 1000).Select(firstAsked.AddMonths).TakeWhile(m => m.ToYyyyMm() <= loaded.LastMonth).ToList();
            var machine0 = new MachineLoad(() => [Environment.ProcessId]);

            step($"In process: {options.Calls} calls each, one at a time...");
            if (options.QuietWait > 0) await machine0.WaitForQuietAsync(Report.QuietThreshold, TimeSpan.FromSeconds(options.QuietWait), step, cancel);
            var inProcess = await MeasureInProcessAsync(settings, loaded, months, options.Calls, cancel);
            foreach (var r in inProcess) step($"  {r.Title}: p50 {r.Percentile(50):N1} ms, p95 {r.Percentile(95):N1} ms, p99 {r.Percentile(99):N1} ms, CPU {r.CpuMillisPerCall:N1} ms a call");

            step("Starting the app (serve) with Benchmark:BaselineEndpoint=true...");
            server = await app.ServeAsync(new Dictionary<string, string> { ["Benchmark__BaselineEndpoint"] = "true" }, cancel);
            var appServer = server;
            var scenarios = Scenarios(token, loaded, months);
            var postmaster = postgres?.ServerProcessId();
            var machine = new MachineLoad(() => (postmaster is { } pid ? MachineLoad.WithChildren(pid) : []).Append(Environment.ProcessId).Append(appServer.ProcessId));
            var results = new List<ScenarioResult>();
            foreach (var connections in options.Connections)
            {
                using var client = LoadGenerator.CreateClient(server.Url, connections);
                foreach (var scenario in scenarios)
                {
                    using var request = scenario.NewRequest(new Random(1));
                    using var response = await client.SendAsync(request, cancel);
                    if (!response.IsSuccessStatusCode)
                        throw new InvalidOperationException($"{scenario.Title}: {request.RequestUri} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(cancel)}");
                }
                var generator = new LoadGenerator(client, connections);
                foreach (var scenario in scenarios)
                {
                    step($"{scenario.Title}, {connections} connection(s): {options.Warmup} s warm-up, {options.Seconds} s measured...");
                    if (options.QuietWait > 0) await machine.WaitForQuietAsync(Report.QuietThreshold, TimeSpan.FromSeconds(options.QuietWait), step, cancel);
                    var result = await generator.RunAsync(scenario, TimeSpan.FromSeconds(options.Warmup), TimeSpan.FromSeconds(options.Seconds), appServer.CpuTime, machine, 2026, cancel);
                    results.Add(result);
                    step($"  {result.RequestsPerSecond:N1} req/s, p50 {Report.Ms(result.Percentile(50))} ms, p95 {Report.Ms(result.Percentile(95))} ms, p99 {Report.Ms(result.Percentile(99))} ms, {result.Errors:N0} errors, other work {result.OtherCores:N2} cores");
                }
            }

            var report = Markdown(options, databaseVersion, loaded, years, months, inProcess, results, Report.GitCommit(root));
            await BenchRun.WriteReportAsync(root, $"dashboard-{options.Provider}.md", report, cancel);
            return results.Any(r => r.Errors > 0) ? 1 : 0;
        }
        finally
        {
            if (server is not null) await server.DisposeAsync();
            if (postgres is not null) await postgres.DisposeAsync();
        }
    }

    private static SightlineDb Context(DatabaseSettings settings)
    {
        var builder = new DbContextOptionsBuilder<SightlineDb>();
        settings.Configure(builder);
        return new SightlineDb(builder.Options);
    }

    private static async Task<Loaded> DescribeAsync(DatabaseSettings settings, CancellationToken cancellationToken)
    {
        await using var db = Context(settings);
        var mps = db.CrimeCounts.AsNoTracking().Where(c => c.Source == PerformanceImports.MpsBoroughSource);
        var boroughs = await db.Areas.AsNoTracking().Where(a => a.Kind == AreaKind.LondonBorough && mps.Any(c => c.AreaId == a.Id)).Select(a => a.Name).OrderBy(n => n).ToListAsync(cancellationToken);
        var people = await db.People.AsNoTracking().Select(p => p.Id).Take(1000).ToListAsync(cancellationToken);
        return new Loaded(await mps.LongCountAsync(cancellationToken), boroughs.Count, await mps.MinAsync(c => c.Month, cancellationToken), await mps.MaxAsync(c => c.Month, cancellationToken), boroughs, people);
    }

    /// <summary>The dashboard of a borough drawn at random (latest month, and a month drawn from the whole history),
    /// and the baseline: one lookup by primary key on the same database, each called one at a time in this process.</summary>
    private static async Task<IReadOnlyList<InProcess>> MeasureInProcessAsync(DatabaseSettings settings, Loaded loaded, IReadOnlyList<YearMonth> months, int callCount, CancellationToken cancellationToken)
    {
        var random = new Random(2026);
        // One cache shared by every call, as the app's singleton is; the warm-up calls fill it.
        var cache = new PerformanceCountsCache();
        async Task<InProcess> Time(string title, Func<SightlineDb, Task> call, int? times = null, int warmUp = WarmUpCalls)
        {
            var calls = times ?? callCount;
            for (var i = 0; i < Math.Min(warmUp, calls); i++)
            {
                await using var warm = Context(settings);
                await call(warm);
            }
            // Each measure starts without the garbage of the one before (the cold cache reads every borough's history).
            GC.Collect();
            GC.WaitForPendingFinalizers();
            var micros = new long[calls];
            var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            for (var i = 0; i < calls; i++)
            {
                await using var db = Context(settings); // a fresh context per call, as per request in the app
                var started = Stopwatch.GetTimestamp();
                await call(db);
                micros[i] = (long)Stopwatch.GetElapsedTime(started).TotalMicroseconds;
            }
            var cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalMilliseconds / calls;
            Array.Sort(micros);
            return new InProcess(title, micros, cpu);
        }
        string Area() => loaded.Areas[random.Next(loaded.Areas.Count)];
        var results = new List<InProcess>
        {
            await Time("Baseline: one indexed lookup", async db =>
            {
                var id = loaded.People[random.Next(loaded.People.Count)];
                _ = await db.People.AsNoTracking().Where(p => p.Id == id).Select(p => p.Reference).FirstOrDefaultAsync(cancellationToken);
            }),
            await Time("Dashboard, latest month (BuildAsync)", async db =>
            {
                var dashboard = await new DashboardQueries(db, cache: cache).BuildAsync(Area(), null, cancellationToken);
                if (dashboard?.Indicators.Count is null or 0) throw new InvalidOperationException("An empty dashboard.");
            }),
            await Time("Dashboard, any month of the history (BuildAsync)", async db =>
            {
                var dashboard = await new DashboardQueries(db, cache: cache).BuildAsync(Area(), months[random.Next(months.Count)], cancellationToken);
                if (dashboard?.Indicators.Count is null or 0) throw new InvalidOperationException("An empty dashboard.");
            }),
            // Profile: the per-request check that the cached figures are current.
            await Time("  of which: the data-version check", async db => await PerformanceDataVersion.ReadAsync(db, cancellationToken)),
            // The first dashboard after an import (or a restart): every borough's history read into a new cache.
            await Time($"Dashboard after an import: cold cache ({ColdCalls} calls)", async db =>
            {
                var dashboard = await new DashboardQueries(db).BuildAsync(Area(), null, cancellationToken);
                if (dashboard?.Indicators.Count is null or 0) throw new InvalidOperationException("An empty dashboard.");
            }, ColdCalls, warmUp: 1),
        };
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Npgsql.NpgsqlConnection.ClearAllPools();
        return results;
    }

    /// <summary>Unmeasured calls before each measure: enough for the JIT's optimised code and a filled cache.</summary>
    private const int WarmUpCalls = 50;

    /// <summary>Cold-cache calls each read every borough's history: a few are enough.</summary>
    private const int ColdCalls = 5;

    private static IReadOnlyList<Scenario> Scenarios(string token, Loaded loaded, IReadOnlyList<YearMonth> months)
    {
        var bearer = new AuthenticationHeaderValue("Bearer", token);
        HttpRequestMessage Api(string path)
        {
            var request = new HttpRequestMessage(HttpMethod.Get, path);
            request.Headers.Authorization = bearer;
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
            return request;
        }
        string Area(Random r) => Uri.EscapeDataString(loaded.Areas[r.Next(loaded.Areas.Count)]);
        return
        [
            new("baseline", "Baseline: one indexed lookup", "`GET /api/v1/baseline/{id}`: API-token authentication, then one primary-key lookup",
                r => Api($"/api/v1/baseline/{loaded.People[r.Next(loaded.People.Count)]}")),
            new("dashboard", "Dashboard (API), latest month", "`GET /api/v1/dashboard?area=<borough>`: a borough drawn at random, the latest complete month found from its counts, every indicator with ranks over 32 boroughs",
                r => Api($"/api/v1/dashboard?area={Area(r)}")),
            new("dashboard-history", "Dashboard (API), any month", "`GET /api/v1/dashboard?area=<borough>&month=<YYYY-MM>`: a borough and a month drawn at random from the whole history (months with five earlier years)",
                r => Api($"/api/v1/dashboard?area={Area(r)}&month={months[r.Next(months.Count)]}")),
        ];
    }

    private static string Markdown(DashboardOptions options, string database, Loaded loaded, double years, IReadOnlyList<YearMonth> months,
        IReadOnlyList<InProcess> inProcess, IReadOnlyList<ScenarioResult> results, string commit)
    {
        var inv = CultureInfo.InvariantCulture;
        var md = new StringBuilder();
        md.AppendLine(inv, $"# Performance dashboard: {(options.Provider == "postgres" ? "PostgreSQL" : "SQLite")}");
        md.AppendLine();
        md.AppendLine(inv, $"- When: {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, commit {commit}");
        md.AppendLine(inv, $"- Machine: {Report.MachineDescription()}");
        md.AppendLine(inv, $"- Database: {database}; the demo's real data: {loaded.Counts:N0} MPS borough counts, {loaded.Boroughs} London boroughs, {YearMonth.FromYyyyMm(loaded.FirstMonth)} to {YearMonth.FromYyyyMm(loaded.LastMonth)} ({years:N1} years, both MPS files), ONS population and GLA households");
        md.AppendLine(inv, $"- Requests: a borough drawn at random; \"any month\" draws from {months.Count} months ({months[0]} to {months[^1]})");
        md.AppendLine(inv, $"- Command: `dotnet run -c Release --project bench/Sightline.Bench -- dashboard --provider {options.Provider} --connections {string.Join(',', options.Connections)} --seconds {options.Seconds} --calls {options.Calls}`");
        md.AppendLine();
        md.AppendLine(inv, $"In process, one call at a time ({options.Calls} calls each after {WarmUpCalls} unmeasured, a new `SightlineDb` per call, one `PerformanceCountsCache` shared as in the app):");
        md.AppendLine();
        md.AppendLine("| Call | p50 ms | p95 ms | p99 ms | max ms | p50 vs baseline | CPU ms a call |");
        md.AppendLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
        var baseline = inProcess[0];
        foreach (var r in inProcess)
            md.AppendLine(inv, $"| {r.Title} | {r.Percentile(50):N2} | {r.Percentile(95):N2} | {r.Percentile(99):N2} | {r.Micros[^1] / 1000.0:N1} | {r.Percentile(50) / baseline.Percentile(50):N0}× | {r.CpuMillisPerCall:N2} |");
        md.AppendLine();
        md.AppendLine("Through the app over loopback (closed loop):");
        md.AppendLine();
        md.AppendLine("| Scenario | Connections | Req/s | vs baseline | p50 ms | p95 ms | p99 ms | max ms | Errors | App CPU ms/req | CPU busy (cores) | Other load (cores) |");
        md.AppendLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var r in results)
        {
            var same = results.First(b => b.Scenario.Key == "baseline" && b.Connections == r.Connections);
            md.AppendLine(inv, $"| {r.Scenario.Title} | {r.Connections} | {r.RequestsPerSecond:N1} | {r.RequestsPerSecond / same.RequestsPerSecond:P1} | {Report.Ms(r.Percentile(50))} | {Report.Ms(r.Percentile(95))} | {Report.Ms(r.Percentile(99))} | {Report.Ms(r.Max, "N0")} | {r.Errors:N0} | {Report.Ms(r.AppCpuMillisPerRequest, "N2")} | {r.BusyCores:N2} of {Environment.ProcessorCount} | {r.OtherCores:N2}{(r.OtherCores >= Report.QuietThreshold ? " ⚠" : "")} |");
        }
        md.AppendLine();
        md.AppendLine("What each scenario does:");
        md.AppendLine();
        foreach (var s in results.Select(r => r.Scenario).DistinctBy(s => s.Key)) md.AppendLine(inv, $"- **{s.Title}**: {s.What}");
        md.AppendLine();
        md.AppendLine(inv, $"Issue 5 target, the whole dashboard for one area in under {MaximumP95} ms at the 95th percentile:");
        md.AppendLine();
        foreach (var r in inProcess.Skip(1).Where(r => !r.Title.StartsWith(' ') && !r.Title.Contains("cold", StringComparison.Ordinal)))
            md.AppendLine(inv, $"- in process, {r.Title.Trim()}: p95 {r.Percentile(95):N1} ms, {(r.Percentile(95) < MaximumP95 ? "**met**" : "**not met**")} (CPU {r.CpuMillisPerCall:N1} ms a call)");
        foreach (var r in results.Where(r => r.Scenario.Key != "baseline"))
            md.AppendLine(inv, $"- over loopback, {r.Scenario.Title}, {r.Connections} connection(s): p95 {Report.Ms(r.Percentile(95))} ms, {(r.Percentile(95) < MaximumP95 ? "**met**" : "**not met**")}");
        return md.ToString();
    }
}
