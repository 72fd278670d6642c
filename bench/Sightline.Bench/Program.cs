using System.Diagnostics;
using System.Globalization;
using BenchmarkDotNet.Running;
using Microsoft.Data.Sqlite;
using Sightline.Bench;
using Sightline.Core.Data;

// `-- micro`: BenchmarkDotNet micro-benchmarks (in process). `-- import`: police.uk import against DuckDB.
// `-- dashboard`: the performance dashboard under load. `-- soak`: steady load for minutes, memory and connections watched. `-- network`: the network query at scale.
// Anything else: the load benchmark.
if (args is ["network", ..]) return await NetworkBenchmark.RunAsync(args[1..], CancellationToken.None);
if (args is ["micro", ..])
{
    BenchmarkSwitcher.FromAssembly(typeof(MicroBenchmarks).Assembly).Run(args[1..], MicroBenchmarks.Config);
    return 0;
}
if (args is ["import", ..]) return await ImportBenchmark.RunAsync(args[1..], CancelOnCtrlC());
if (args is ["dashboard", ..]) return await DashboardBenchmark.RunAsync(args[1..], CancelOnCtrlC());
if (args is ["soak", ..]) return await SoakBenchmark.RunAsync(args[1..], CancelOnCtrlC());

BenchOptions options;
try
{
    options = BenchOptions.Parse(args);
}
catch (ArgumentException ex)
{
    Console.Error.WriteLine(ex.Message);
    Console.Error.WriteLine(BenchOptions.Usage);
    return 64;
}

using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    Console.Error.WriteLine("Stopping (Ctrl+C)...");
    stop.Cancel();
};
var cancel = stop.Token;
var root = SightlineApp.FindRepositoryRoot();
var work = Path.Combine(Path.GetTempPath(), "sightline-bench-" + Guid.NewGuid().ToString("N")[..8]);
Directory.CreateDirectory(work);
ThrowawayPostgres? postgres = null;
SightlineApp.Server? server = null;
var exitCode = 0;

void Step(string text) => Console.WriteLine($"[{DateTime.Now:HH:mm:ss}] {text}");

try
{
    if (options.Build)
    {
        Step("Building the app (Release)...");
        await SightlineApp.BuildAsync(root, cancel);
    }

    DatabaseSettings settings;
    string databaseVersion;
    if (options.Provider == "postgres")
    {
        Step("Starting a throwaway PostgreSQL 15 on 127.0.0.1...");
        postgres = await ThrowawayPostgres.StartAsync(Path.Combine(work, "pg"), maxConnections: 200, options.PostgresSettings, cancel);
        settings = new DatabaseSettings(DatabaseProvider.Postgres, postgres.ConnectionString);
        databaseVersion = postgres.Version + " (default durability: fsync and synchronous_commit on"
            + string.Concat(options.PostgresSettings.Select(s => "; " + s)) + ")";
    }
    else
    {
        settings = new DatabaseSettings(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(work, "sightline.db")}");
        await using var probe = new SqliteConnection("Data Source=:memory:");
        await probe.OpenAsync(cancel);
        await using var command = probe.CreateCommand();
        command.CommandText = "select sqlite_version()";
        databaseVersion = $"SQLite {await command.ExecuteScalarAsync(cancel)} (one file, WAL journal as EF Core creates it, Microsoft.Data.Sqlite defaults)";
    }

    var environment = new Dictionary<string, string>
    {
        ["Database__Provider"] = settings.Provider.ToString(),
        ["ConnectionStrings__Sightline"] = settings.ConnectionString,
        ["Demo__Enabled"] = "false",
        ["ASPNETCORE_ENVIRONMENT"] = "Production",
        ["Logging__LogLevel__Default"] = "Warning",
    };
    var app = new SightlineApp(root, environment, Path.Combine(work, "app.log"));

    var seeding = Stopwatch.StartNew();
    await app.CommandAsync(cancel, "migrate");
    var people = options.People.ToString(CultureInfo.InvariantCulture);
    if (options.London)
    {
        string[] generate = ["demo", "generate", "--people", people, .. options.Audit is { } audit ? new[] { "--audit", audit.ToString(CultureInfo.InvariantCulture) } : []];
        Step($"Generating London-scale data: {string.Join(' ', generate)}...");
        foreach (var line in (await app.CommandAsync(cancel, generate)).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(l => !l.StartsWith(' ')))
            Step("  " + line);
    }
    else
    {
        Step($"Creating the database and the demo partnership with {options.People:N0} synthetic young people...");
        await app.CommandAsync(cancel, "demo", "seed", "--people", people);
    }
    seeding.Stop();
    Step($"  done in {seeding.Elapsed.TotalSeconds:N0} s");
    var token = await TokenAsync(Workload.Practitioner);
    // The dashboard is for managers and analysts, not practitioners.
    var managerToken = options.Scenarios.Contains("dashboard") ? await TokenAsync(Workload.Manager) : token;
    async Task<string> TokenAsync(string user)
    {
        var issued = SightlineApp.LastLine(await app.CommandAsync(cancel, "api-token", "create", "--user", user));
        return issued.StartsWith("sl_", StringComparison.Ordinal) ? issued : throw new InvalidOperationException("api-token create did not print a token last.");
    }
    if (postgres is not null)
    {
        Step("VACUUM (ANALYZE) after the bulk load...");
        await postgres.VacuumAnalyzeAsync(cancel);
    }
    var (sample, auditBefore) = await Workload.SampleAsync(settings, 5000, options.Seed, cancel);
    Step($"Drew {sample.Count:N0} people the practitioner can see (of {options.People:N0}).");

    Step("Starting the app (serve) with Benchmark:BaselineEndpoint=true...");
    server = await app.ServeAsync(new Dictionary<string, string> { ["Benchmark__BaselineEndpoint"] = "true" }, cancel);
    var appServer = server;
    using var client = LoadGenerator.CreateClient(server.Url, options.Connections);
    var cookie = options.Scenarios.Contains("record-page") || options.Scenarios.Contains("chronology") ? await Workload.SignInAsync(client, cancel) : "";
    var scenarios = Workload.Build(sample, token, managerToken, cookie).Where(s => options.Scenarios.Contains(s.Key)).ToList();

    foreach (var scenario in scenarios)
    {
        using var request = scenario.NewRequest(new Random(1));
        using var response = await client.SendAsync(request, cancel);
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"{scenario.Title}: {request.RequestUri} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(cancel)}");
    }

    var generator = new LoadGenerator(client, options.Connections);
    var postmaster = postgres?.ServerProcessId();
    var machine = new MachineLoad(() => (postmaster is { } pid ? MachineLoad.WithChildren(pid) : []).Append(Environment.ProcessId).Append(appServer.ProcessId));
    if (options.Warmup > 0)
    {
        // One unmeasured pass over every scenario first, so the first one measured does not pay for JIT and cold caches.
        Step($"Warming up: {options.Warmup} s of each scenario, unmeasured...");
        foreach (var scenario in scenarios)
            await generator.RunAsync(scenario, TimeSpan.Zero, TimeSpan.FromSeconds(options.Warmup), appServer.CpuTime, machine, options.Seed + 1000, cancel);
    }
    var results = new List<ScenarioResult>();
    foreach (var scenario in scenarios)
    {
        Step($"{scenario.Title}: {options.Warmup} s warm-up, then {options.Seconds} s measured, {options.Connections} connections...");
        // The machine is shared: when other work disturbed the window, measure again (at most 3 times) and keep the least disturbed.
        ScenarioResult? result = null;
        for (var attempt = 1; attempt <= (options.QuietWait > 0 ? 3 : 1); attempt++)
        {
            if (options.QuietWait > 0) await machine.WaitForQuietAsync(Report.QuietThreshold, TimeSpan.FromSeconds(options.QuietWait), Step, cancel);
            var run = await generator.RunAsync(scenario, TimeSpan.FromSeconds(options.Warmup), TimeSpan.FromSeconds(options.Seconds), appServer.CpuTime, machine, options.Seed + 100 * attempt, cancel);
            if (result is null || run.OtherCores < result.OtherCores) result = run;
            if (run.OtherCores < Report.QuietThreshold) break;
            Step($"  other work used {run.OtherCores:N2} cores during the window ({run.RequestsPerSecond:N1} req/s){(attempt < 3 ? "; measuring again" : "")}");
        }
        var kept = result!;
        results.Add(kept);
        Step($"  {kept.RequestsPerSecond:N1} req/s, p50 {Report.Ms(kept.Percentile(50))} ms, p95 {Report.Ms(kept.Percentile(95))} ms, p99 {Report.Ms(kept.Percentile(99))} ms, {kept.Errors:N0} errors, CPU busy {kept.BusyCores:N2} cores, other work {kept.OtherCores:N2} cores");
    }

    await server.DisposeAsync();
    server = null;

    Step("Checking the audit trail's hash chain (Sightline audit verify)...");
    var auditAfter = await Workload.CountAuditAsync(settings, cancel);
    var (verifyExit, verifyOutput) = await app.TryCommandAsync(cancel, "audit", "verify");
    var verify = SightlineApp.LastLine(verifyOutput);
    Step($"  {verify}");
    if (verifyExit != 0) exitCode = 2;

    var report = Report.Markdown(options, results, new Report.Context(
        databaseVersion, sample.Count, seeding.Elapsed, auditBefore, auditAfter, verifyExit, verify, Report.GitCommit(root)));
    var resultsFolder = Path.Combine(root, "bench", "results");
    Directory.CreateDirectory(resultsFolder);
    // A run with server settings or a subset of scenarios does not overwrite the full run's file.
    var variant = string.Concat(options.PostgresSettings.Select(s => "-" + s.Replace('=', '-').Replace('_', '-')))
        + (options.IsDefaultScenarios ? "" : "-" + string.Join('-', options.Scenarios));
    var file = Path.Combine(resultsFolder, $"{(options.London ? "london" : "latest")}-{options.Provider}{variant}.md");
    await File.WriteAllTextAsync(file, report, cancel);
    Console.WriteLine();
    Console.WriteLine(report);
    Console.WriteLine($"Written to {Path.GetRelativePath(root, file)}");
    if (results.Any(r => r.Errors > 0)) exitCode = Math.Max(exitCode, 1);
}
catch (OperationCanceledException) when (cancel.IsCancellationRequested)
{
    exitCode = 130;
}
catch (Exception ex) when (ex is InvalidOperationException or TimeoutException or HttpRequestException or IOException)
{
    Console.Error.WriteLine($"Benchmark failed: {ex.Message}");
    Console.Error.WriteLine($"App log: {Path.Combine(work, "app.log")}");
    exitCode = 1;
}
finally
{
    if (server is not null) await server.DisposeAsync();
    if (postgres is not null) await postgres.DisposeAsync();
    if (options.Keep || exitCode == 1) Console.WriteLine($"Kept {work}");
    else
    {
        try { Directory.Delete(work, recursive: true); }
        catch (IOException) { Console.Error.WriteLine($"Could not delete {work}"); }
    }
}
return exitCode;

static CancellationToken CancelOnCtrlC()
{
    var stop = new CancellationTokenSource();
    Console.CancelKeyPress += (_, e) =>
    {
        e.Cancel = true;
        stop.Cancel();
    };
    return stop.Token;
}
