using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using Npgsql;
using Sightline.Core.Data;

namespace Sightline.Bench;

/// <summary>Options of <c>-- soak</c>.</summary>
public sealed record SoakOptions
{
    public string Provider { get; init; } = "postgres";
    public int Minutes { get; init; } = 10;
    public int People { get; init; } = 10_000;
    public int Connections { get; init; } = 4;
    public bool Build { get; init; } = true;
    public bool Keep { get; init; }

    public const string Usage = """
        Usage: dotnet run -c Release --project bench/Sightline.Bench -- soak [OPTIONS]

          --provider sqlite|postgres   database (default postgres: a throwaway PostgreSQL 15)
          --minutes N                  how long to hold the load (default 10; the first fifth, at most 2 minutes, is warm-up)
          --people N                   synthetic young people to seed (default 10000)
          --connections C              closed-loop workers (default 4: steady, not saturating)
          --no-build                   use the existing Release build of src/Sightline.Web
          --keep                       keep the temporary database
        """;

    public static SoakOptions Parse(string[] args)
    {
        var options = new SoakOptions();
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{arg} needs a value");
            int Number(int min, int max) => int.TryParse(Value(), out var n) && n >= min && n <= max ? n : throw new ArgumentException($"{arg} must be a whole number from {min} to {max}");
            options = arg switch
            {
                "--provider" => options with { Provider = Value().ToLowerInvariant() is var p && p is "sqlite" or "postgres" ? p : throw new ArgumentException("--provider must be sqlite or postgres") },
                "--minutes" => options with { Minutes = Number(1, 24 * 60) },
                "--people" => options with { People = Number(100, 1_000_000) },
                "--connections" => options with { Connections = Number(1, 256) },
                "--no-build" => options with { Build = false },
                "--keep" => options with { Keep = true },
                _ => throw new ArgumentException($"Unknown option '{arg}'"),
            };
        }
        return options;
    }
}

/// <summary>
/// Issue 6's soak: the real app process under steady closed-loop load (find-a-person, the record API and the record
/// page, drawn at random per request) for N minutes, sampled every 10 s: requests, errors, the app's RSS (VmRSS from
/// /proc) and the database connections it holds. Fails (exit 1) on any error, on memory growth after warm-up beyond
/// <see cref="MemoryBound"/>, or on more connections in the second half than in the first.
/// </summary>
public static class SoakBenchmark
{
    private static readonly TimeSpan SampleEvery = TimeSpan.FromSeconds(10);

    /// <summary>Connections the second half may hold beyond the first half's maximum (a pool may open one or two more on a burst).</summary>
    public const int ConnectionSlack = 2;

    /// <summary>Allowed RSS growth from the end of warm-up to the end: 20% or 50 MB, whichever is larger.</summary>
    public static long MemoryBound(long rssAtWarmup) => Math.Max(rssAtWarmup / 5, 50L * 1024 * 1024);

    public sealed record Sample(TimeSpan At, long Requests, long Errors, long RssBytes, long? ManagedBytes, int Connections);

    public static Task<int> RunAsync(string[] args, CancellationToken cancel) =>
        BenchRun.RunAsync(args, SoakOptions.Parse, SoakOptions.Usage, "soak", o => o.Keep, (options, work) => SoakAsync(options, work, cancel), cancel);

    private static async Task<int> SoakAsync(SoakOptions options, string work, CancellationToken cancel)
    {
        var root = SightlineApp.FindRepositoryRoot();
        if (options.Build)
        {
            BenchRun.Step("Building the app (Release)...");
            await SightlineApp.BuildAsync(root, cancel);
        }
        await using var postgres = options.Provider == "postgres"
            ? await ThrowawayPostgres.StartAsync(Path.Combine(work, "pg"), maxConnections: 200, [], cancel) : null;
        var databaseFile = Path.Combine(work, "sightline.db");
        var settings = postgres is null
            ? new DatabaseSettings(DatabaseProvider.Sqlite, $"Data Source={databaseFile}")
            : new DatabaseSettings(DatabaseProvider.Postgres, postgres.ConnectionString);
        var app = new SightlineApp(root, new Dictionary<string, string>
        {
            ["Database__Provider"] = settings.Provider.ToString(),
            ["ConnectionStrings__Sightline"] = settings.ConnectionString,
            ["Demo__Enabled"] = "false",
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["Logging__LogLevel__Default"] = "Warning",
        }, Path.Combine(work, "app.log"));

        BenchRun.Step($"Seeding {options.People:N0} synthetic young people ({options.Provider})...");
        await app.CommandAsync(cancel, "migrate");
        await app.CommandAsync(cancel, "demo", "seed", "--people", options.People.ToString(CultureInfo.InvariantCulture));
        var token = SightlineApp.LastLine(await app.CommandAsync(cancel, "api-token", "create", "--user", Workload.Practitioner));
        var (people, _) = await Workload.SampleAsync(settings, 2000, 2026, cancel);

        BenchRun.Step("Starting the app (serve)...");
        await using var server = await app.ServeAsync(new Dictionary<string, string>(), cancel);
        using var client = LoadGenerator.CreateClient(server.Url, options.Connections);
        var cookie = await Workload.SignInAsync(client, cancel);
        var mix = Workload.Build(people, token, token, cookie).Where(s => s.Key is "find" or "record-api" or "record-page").ToArray();
        Func<Task<int>> connections = postgres is null
            ? () => Task.FromResult(OpenFileDescriptors(server.ProcessId, databaseFile))
            : () => PostgresConnectionsAsync(postgres.ConnectionString, cancel);

        var total = TimeSpan.FromMinutes(options.Minutes);
        var warmup = TimeSpan.FromSeconds(Math.Min(120, total.TotalSeconds / 5));
        BenchRun.Step($"Soak: {options.Connections} closed-loop workers for {options.Minutes} min, sampling every {SampleEvery.TotalSeconds:N0} s (warm-up {warmup.TotalSeconds:N0} s)...");
        long requests = 0, errors = 0;
        var errorKinds = new System.Collections.Concurrent.ConcurrentDictionary<string, long>();
        var clock = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, options.Connections).Select(i => Task.Run(async () =>
        {
            var random = new Random(1000 + i);
            while (clock.Elapsed < total && !cancel.IsCancellationRequested)
            {
                var scenario = mix[random.Next(mix.Length)];
                string? error = null;
                try
                {
                    using var request = scenario.NewRequest(random);
                    using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancel);
                    await response.Content.CopyToAsync(Stream.Null, cancel);
                    if ((int)response.StatusCode >= 400) error = $"{scenario.Key}: HTTP {(int)response.StatusCode}";
                }
                catch (OperationCanceledException) when (cancel.IsCancellationRequested) { break; }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException)
                {
                    error = $"{scenario.Key}: {ex.GetType().Name}";
                }
                Interlocked.Increment(ref requests);
                if (error is not null)
                {
                    Interlocked.Increment(ref errors);
                    errorKinds.AddOrUpdate(error, 1, (_, n) => n + 1);
                }
            }
        }, cancel)).ToArray();

        var samples = new List<Sample>();
        for (var next = SampleEvery; next <= total; next += SampleEvery)
        {
            var wait = next - clock.Elapsed;
            if (wait > TimeSpan.Zero) await Task.Delay(wait, cancel);
            var sample = new Sample(clock.Elapsed, Interlocked.Read(ref requests), Interlocked.Read(ref errors), Rss(server.ProcessId), null, await connections());
            samples.Add(sample);
            BenchRun.Step($"  {sample.At.TotalSeconds,5:N0} s  {sample.Requests,8:N0} requests  {sample.Errors:N0} errors  RSS {Mb(sample.RssBytes)} MB  {sample.Connections} connections");
        }
        await Task.WhenAll(workers);
        var final = (Requests: Interlocked.Read(ref requests), Errors: Interlocked.Read(ref errors));
        await server.DisposeAsync();
        var (verifyExit, verifyOutput) = await app.TryCommandAsync(cancel, "audit", "verify");
        var verdict = Judge(samples, warmup, final.Errors);
        var report = Markdown(options, samples, warmup, final, errorKinds, verdict, SightlineApp.LastLine(verifyOutput), verifyExit, postgres?.Version ?? "SQLite", Report.GitCommit(root));
        await BenchRun.WriteReportAsync(root, $"soak-{options.Provider}.md", report, cancel);
        return verdict.Passed && verifyExit == 0 ? 0 : 1;
    }

    public sealed record Verdict(bool NoErrors, long RssAtWarmup, long RssAtEnd, long Bound, bool MemoryHeld, int FirstHalfConnections, int SecondHalfConnections, bool ConnectionsHeld)
    {
        public bool Passed => NoErrors && MemoryHeld && ConnectionsHeld;
    }

    /// <summary>
    /// Memory: the largest RSS of the last minute (or last three samples) against the first sample after warm-up.
    /// Connections: the largest count in the second half against the largest in the first half plus <see cref="ConnectionSlack"/>.
    /// </summary>
    public static Verdict Judge(IReadOnlyList<Sample> samples, TimeSpan warmup, long errors)
    {
        var afterWarmup = samples.FirstOrDefault(s => s.At >= warmup) ?? samples[^1];
        var tail = samples.TakeLast(Math.Min(6, Math.Max(1, samples.Count / 4))).ToList();
        var rssAtEnd = tail.Max(s => s.RssBytes);
        var bound = MemoryBound(afterWarmup.RssBytes);
        var half = samples.Count / 2;
        var first = samples.Take(Math.Max(1, half)).Max(s => s.Connections);
        var second = samples.Skip(half).Max(s => s.Connections);
        return new Verdict(errors == 0, afterWarmup.RssBytes, rssAtEnd, bound, rssAtEnd - afterWarmup.RssBytes < bound, first, second, second <= first + ConnectionSlack);
    }

    private static string Markdown(SoakOptions options, IReadOnlyList<Sample> samples, TimeSpan warmup, (long Requests, long Errors) final,
        IReadOnlyDictionary<string, long> errorKinds, Verdict verdict, string verify, int verifyExit, string database, string commit)
    {
        static string Mark(bool ok) => ok ? "**pass**" : "**FAIL**";
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"# Soak: {options.Provider}, {options.Minutes} min");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"Commit {commit}, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {database}, {options.People:N0} synthetic people, {options.Connections} closed-loop workers, " +
            $"each request drawn at random from find-a-person (API), the record (API) and the record page (HTML, cookie). {Environment.ProcessorCount} cores shared with other work.");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"`dotnet run -c Release --project bench/Sightline.Bench -- soak --provider {options.Provider} --minutes {options.Minutes} --people {options.People} --connections {options.Connections}`");
        text.AppendLine();
        text.AppendLine("| Check | Result | |");
        text.AppendLine("| --- | --- | --- |");
        text.AppendLine(CultureInfo.InvariantCulture, $"| Errors (non-2xx/3xx or exception) | {final.Errors:N0} of {final.Requests:N0} requests ({final.Requests / (options.Minutes * 60.0):N1} req/s) | {Mark(verdict.NoErrors)} |");
        text.AppendLine(CultureInfo.InvariantCulture, $"| App RSS: after warm-up ({warmup.TotalSeconds:N0} s) → largest of the last samples | {Mb(verdict.RssAtWarmup)} MB → {Mb(verdict.RssAtEnd)} MB ({Mb(verdict.RssAtEnd - verdict.RssAtWarmup)} MB; bound {Mb(verdict.Bound)} MB = max(20%, 50 MB)) | {Mark(verdict.MemoryHeld)} |");
        text.AppendLine(CultureInfo.InvariantCulture, $"| Open database connections: max first half → max second half | {verdict.FirstHalfConnections} → {verdict.SecondHalfConnections} (slack {ConnectionSlack}) | {Mark(verdict.ConnectionsHeld)} |");
        text.AppendLine(CultureInfo.InvariantCulture, $"| `audit verify` afterwards | {verify} | {Mark(verifyExit == 0)} |");
        if (errorKinds.Count > 0) text.AppendLine().AppendLine("Errors: " + string.Join(", ", errorKinds.Select(e => $"{e.Key} × {e.Value}")));
        text.AppendLine();
        text.AppendLine(options.Provider == "postgres"
            ? "Connections: `SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()`, less the sampling connection itself."
            : "Connections: file descriptors of the app process pointing at the database file (not its -wal/-shm), from /proc/PID/fd.");
        text.AppendLine();
        text.AppendLine("| Time (s) | Requests | Errors | RSS (MB) | DB connections |");
        text.AppendLine("| ---: | ---: | ---: | ---: | ---: |");
        foreach (var s in samples)
            text.AppendLine(CultureInfo.InvariantCulture, $"| {s.At.TotalSeconds:N0} | {s.Requests:N0} | {s.Errors:N0} | {Mb(s.RssBytes)} | {s.Connections} |");
        return text.ToString();
    }

    private static string Mb(long bytes) => (bytes / 1024.0 / 1024.0).ToString("N1", CultureInfo.InvariantCulture);

    /// <summary>VmRSS of the process, from /proc/PID/status (in kB there).</summary>
    public static long Rss(int pid)
    {
        var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"/proc/{pid}/status has no VmRSS");
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
    }

    /// <summary>How many of the process's file descriptors point at <paramref name="file"/>.</summary>
    public static int OpenFileDescriptors(int pid, string file)
    {
        var count = 0;
        foreach (var fd in Directory.EnumerateFileSystemEntries($"/proc/{pid}/fd"))
        {
            try
            {
                if (new FileInfo(fd).LinkTarget == file) count++;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException) { } // closed while we looked
        }
        return count;
    }

    private static async Task<int> PostgresConnectionsAsync(string connectionString, CancellationToken cancel)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync(cancel);
        await using var command = new NpgsqlCommand("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()", connection);
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancel), CultureInfo.InvariantCulture);
    }
}
