using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Sightline.Core.Audit;
using Sightline.Core.Data;
using Sightline.Core.Performance;

namespace Sightline.Bench;

/// <summary>Options of <c>-- import</c>: <c>[--provider sqlite|postgres] [--repeat N] [--runs R] [--quiet-wait S] [--keep]</c>.</summary>
public sealed record ImportOptions
{
    public string Provider { get; init; } = "sqlite";
    public int Repeat { get; init; } = 1;
    public int Runs { get; init; } = 3;
    public int QuietWait { get; init; } = 60;
    public bool Keep { get; init; }

    public const string Usage = """
        Usage: dotnet run -c Release --project bench/Sightline.Bench -- import [OPTIONS]

          --provider sqlite|postgres   Sightline's database (default sqlite; postgres starts a throwaway PostgreSQL 15)
          --repeat N                   the real police.uk files plus N-1 copies with later months (default 1: the real files only)
          --runs R                     measured runs of each importer, each into a fresh database (default 3; the median is reported)
          --quiet-wait S               before each run, wait up to S s for other work on the machine to stop (default 60)
          --keep                       keep the temporary folder
        """;

    public static ImportOptions Parse(string[] args)
    {
        var options = new ImportOptions();
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{arg} needs a value");
            int Number(int min, int max) => int.TryParse(Value(), out var n) && n >= min && n <= max ? n : throw new ArgumentException($"{arg} must be a whole number from {min} to {max}");
            options = arg switch
            {
                "--provider" => options with { Provider = Value().ToLowerInvariant() is var p && p is "sqlite" or "postgres" ? p : throw new ArgumentException("--provider must be sqlite or postgres") },
                "--repeat" => options with { Repeat = Number(1, 50) },
                "--runs" => options with { Runs = Number(1, 20) },
                "--quiet-wait" => options with { QuietWait = Number(0, 3600) },
                "--keep" => options with { Keep = true },
                _ => throw new ArgumentException($"Unknown option '{arg}'"),
            };
        }
        return options;
    }
}

/// <summary>
/// Issue 5's import target: Sightline's police.uk importer (<see cref="PerformanceImports.ImportPoliceUkAsync"/>,
/// in process, into a fresh migrated database each run) against DuckDB reading the same files and grouping
/// them the same way, in the same run. Both must produce the same counts, or the run fails.
/// </summary>
public static class ImportBenchmark
{
    private sealed record SightlineRun(TimeSpan Total, TimeSpan ParseAndAggregate, long AllocatedBytes, ImportOutcome Outcome, double BusyCores, TimeSpan Cpu, Totals Totals);

    private sealed record DuckRun(TimeSpan Inside, TimeSpan Wall, string Version, double BusyCores, TimeSpan Cpu, Totals Totals);

    /// <summary>What both must agree on: rows read, every area count, and the LSOA-level counts' number, sum and sum of squares.</summary>
    private sealed record Totals(long RowsRead, IReadOnlyList<AreaCount> Areas, long LsoaGroups, long LsoaTotal, long LsoaSquares)
    {
        public static IReadOnlyList<AreaCount> Sorted(IEnumerable<AreaCount> rows) =>
            rows.OrderBy(r => r.Area, StringComparer.Ordinal).ThenBy(r => r.Month).ThenBy(r => r.CrimeType, StringComparer.Ordinal).ToList();

        public IEnumerable<string> Differences(Totals other)
        {
            if (RowsRead != other.RowsRead) yield return $"rows read {RowsRead:N0} vs {other.RowsRead:N0}";
            if (LsoaGroups != other.LsoaGroups || LsoaTotal != other.LsoaTotal || LsoaSquares != other.LsoaSquares)
                yield return $"LSOA counts {LsoaGroups:N0}/{LsoaTotal:N0}/{LsoaSquares:N0} vs {other.LsoaGroups:N0}/{other.LsoaTotal:N0}/{other.LsoaSquares:N0} (groups/sum/sum of squares)";
            if (Areas.Count != other.Areas.Count) yield return $"{Areas.Count:N0} area counts vs {other.Areas.Count:N0}";
            foreach (var (a, b) in Areas.Zip(other.Areas).Where(p => p.First != p.Second).Take(5)) yield return $"{a} vs {b}";
        }
    }

    private sealed class StampedProgress(Stopwatch clock) : IProgress<int>
    {
        public TimeSpan Last { get; private set; }
        public void Report(int value) => Last = clock.Elapsed;
    }

    public static Task<int> RunAsync(string[] args, CancellationToken cancel) =>
        BenchRun.RunAsync(args, ImportOptions.Parse, ImportOptions.Usage, "import", o => o.Keep, (options, work) => RunAsync(options, work, cancel), cancel);

    private static async Task<int> RunAsync(ImportOptions options, string work, CancellationToken cancel)
    {
        var root = SightlineApp.FindRepositoryRoot();
        var exitCode = 0;
        var step = BenchRun.Step;
        ThrowawayPostgres? postgres = null;
        try
        {
            var real = PoliceUkFiles.Real(PoliceUkFiles.DataFolder(root));
            step($"Preparing the files: {real.Count} real police.uk files{(options.Repeat > 1 ? $" and {options.Repeat - 1} copies with later months" : "")}...");
            var files = await PoliceUkFiles.WithShiftedCopiesAsync(real, options.Repeat, Path.Combine(work, "csv"), cancel);
            var bytes = files.Sum(f => new FileInfo(f).Length);

            var duck = new DuckDbBaseline(root);
            step("Installing DuckDB (npm ci in bench/duckdb)...");
            await duck.InstallAsync(cancel);

            Func<int, Task<DatabaseSettings>> freshDatabase;
            string databaseVersion;
            if (options.Provider == "postgres")
            {
                step("Starting a throwaway PostgreSQL 15 on 127.0.0.1...");
                postgres = await ThrowawayPostgres.StartAsync(Path.Combine(work, "pg"), maxConnections: 20, [], cancel);
                databaseVersion = postgres.Version + " (default durability)";
                var server = postgres;
                freshDatabase = async run => new DatabaseSettings(DatabaseProvider.Postgres, await CreatePostgresDatabaseAsync(server, $"import_{run}", cancel));
            }
            else
            {
                databaseVersion = $"SQLite (a new file per run, WAL, Microsoft.Data.Sqlite {typeof(Microsoft.Data.Sqlite.SqliteConnection).Assembly.GetName().Version})";
                freshDatabase = run => Task.FromResult(new DatabaseSettings(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(work, $"import-{run}.db")}"));
            }
            var postmaster = postgres?.ServerProcessId();
            var machine = new MachineLoad(() => (postmaster is { } pid ? MachineLoad.WithChildren(pid) : []).Append(Environment.ProcessId));

            step("Warming up (unmeasured): one import of the real files each...");
            await duck.RunAsync(real, Path.Combine(work, "warmup.duckdb"), cancel);
            await ImportWithSightlineAsync(await freshDatabase(0), real, machine, cancel);

            var duckRuns = new List<DuckRun>();
            var sightlineRuns = new List<SightlineRun>();
            for (var run = 1; run <= options.Runs; run++)
            {
                if (options.QuietWait > 0) await machine.WaitForQuietAsync(Report.QuietThreshold, TimeSpan.FromSeconds(options.QuietWait), step, cancel);
                var before = machine.Take();
                var (result, wall) = await duck.RunAsync(files, Path.Combine(work, $"run-{run}.duckdb"), cancel);
                var busy = MachineLoad.BusyCores(before, machine.Take());
                duckRuns.Add(new DuckRun(TimeSpan.FromSeconds(result.Seconds), wall, result.Duckdb, busy, TimeSpan.FromSeconds(result.CpuSeconds),
                    new Totals(result.RowsRead, Totals.Sorted(result.Areas()), result.LsoaGroups, result.LsoaTotal, result.LsoaSquares)));
                step($"  run {run}: DuckDB {result.Seconds:N2} s ({result.RowsRead / result.Seconds:N0} rows/s; process {wall.TotalSeconds:N2} s)");

                if (options.QuietWait > 0) await machine.WaitForQuietAsync(Report.QuietThreshold, TimeSpan.FromSeconds(options.QuietWait), step, cancel);
                var sightline = await ImportWithSightlineAsync(await freshDatabase(run), files, machine, cancel);
                sightlineRuns.Add(sightline);
                step($"  run {run}: Sightline {sightline.Total.TotalSeconds:N2} s ({sightline.Outcome.RowsRead / sightline.Total.TotalSeconds:N0} rows/s; parse and aggregate {sightline.ParseAndAggregate.TotalSeconds:N2} s)");
            }

            var differences = sightlineRuns.SelectMany(s => duckRuns.Take(1).SelectMany(d => s.Totals.Differences(d.Totals))).Distinct().ToList();
            foreach (var difference in differences) Console.Error.WriteLine($"Totals differ: {difference}");
            if (differences.Count > 0) exitCode = 3;


            var report = Markdown(options, files.Count, bytes, databaseVersion, duckRuns, sightlineRuns, differences, Report.GitCommit(root));
            await BenchRun.WriteReportAsync(root, $"import-{options.Provider}{(options.Repeat > 1 ? $"-repeat{options.Repeat}" : "")}.md", report, cancel);
            return exitCode;
        }
        finally
        {
            if (postgres is not null) await postgres.DisposeAsync();
        }
    }

    private static async Task<string> CreatePostgresDatabaseAsync(ThrowawayPostgres server, string name, CancellationToken cancellationToken)
    {
        var admin = new NpgsqlConnectionStringBuilder(server.ConnectionString) { Database = "postgres", Pooling = false };
        await using (var connection = new NpgsqlConnection(admin.ConnectionString))
        {
            await connection.OpenAsync(cancellationToken);
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await create.ExecuteNonQueryAsync(cancellationToken);
        }
        return new NpgsqlConnectionStringBuilder(server.ConnectionString) { Database = name }.ConnectionString;
    }

    private static SightlineDb Context(DatabaseSettings settings)
    {
        var builder = new DbContextOptionsBuilder<SightlineDb>();
        settings.Configure(builder);
        return new SightlineDb(builder.Options, new AuditTrail(FixedAuditActor.System, TimeProvider.System));
    }

    /// <summary>Migrates (not timed), then times the importer alone; then reads back what it stored (not timed).</summary>
    private static async Task<SightlineRun> ImportWithSightlineAsync(DatabaseSettings settings, IReadOnlyList<string> files, MachineLoad machine, CancellationToken cancellationToken)
    {
        await using (var db = Context(settings)) await new DatabaseMigrator(db).MigrateAsync(cancellationToken);
        ImportOutcome outcome;
        var clock = new Stopwatch();
        var progress = new StampedProgress(clock);
        var before = machine.Take();
        long allocated;
        TimeSpan cpu;
        await using (var db = Context(settings))
        {
            var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
            var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            clock.Start();
            outcome = await new PerformanceImports(db, TimeProvider.System).ImportPoliceUkAsync(files, progress, cancellationToken);
            clock.Stop();
            cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
            allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        }
        var busy = MachineLoad.BusyCores(before, machine.Take());
        if (!outcome.Succeeded || outcome.FilesRefused > 0) throw new InvalidOperationException($"Sightline's import failed: {outcome.Describe()}");

        await using var read = Context(settings);
        var areas = await (from c in read.CrimeCounts.AsNoTracking()
                           where c.Source == PerformanceImports.PoliceUkSource
                           join a in read.Areas on c.AreaId equals a.Id
                           select new { a.Name, c.Month, c.Category, c.Count }).ToListAsync(cancellationToken);
        var lsoa = await read.LsoaCrimeCounts.AsNoTracking().Where(c => c.Source == PerformanceImports.PoliceUkSource).Select(c => (long)c.Count).ToListAsync(cancellationToken);
        var totals = new Totals(outcome.RowsRead, Totals.Sorted(areas.Select(a => new AreaCount(a.Name.ToUpperInvariant(), a.Month, a.Category, a.Count))),
            lsoa.Count, lsoa.Sum(), lsoa.Sum(c => c * c));
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        NpgsqlConnection.ClearAllPools();
        return new SightlineRun(clock.Elapsed, progress.Last, allocated, outcome, busy, cpu, totals);
    }

    private static T Median<T>(IEnumerable<T> values, Func<T, double> by)
    {
        var sorted = values.OrderBy(by).ToList();
        return sorted[(sorted.Count - 1) / 2];
    }

    private static string Markdown(ImportOptions options, int fileCount, long bytes, string database, List<DuckRun> duckRuns, List<SightlineRun> sightlineRuns,
        List<string> differences, string commit)
    {
        var inv = CultureInfo.InvariantCulture;
        var duck = Median(duckRuns, r => r.Inside.TotalSeconds);
        var ours = Median(sightlineRuns, r => r.Total.TotalSeconds);
        var rows = ours.Outcome.RowsRead;
        var md = new StringBuilder();
        md.AppendLine(inv, $"# police.uk import: Sightline ({(options.Provider == "postgres" ? "PostgreSQL" : "SQLite")}) against DuckDB");
        md.AppendLine();
        md.AppendLine(inv, $"- When: {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, commit {commit}");
        md.AppendLine(inv, $"- Machine: {Report.MachineDescription()}");
        md.AppendLine(inv, $"- Files: {fileCount} police.uk street-level CSVs, {bytes / 1024.0 / 1024.0:N1} MB, {rows:N0} rows{(options.Repeat > 1 ? $" (the real files and {options.Repeat - 1} copies with later months)" : " (every police.uk file in shared/data)")}");
        md.AppendLine(inv, $"- Sightline: `PerformanceImports.ImportPoliceUkAsync` in process into a fresh migrated database per run: {database}");
        md.AppendLine(inv, $"- DuckDB: {duck.Version} via npm `@duckdb/node-api` (bench/duckdb/police-uk.mjs): `read_csv` of the same files into a new DuckDB file, the same checks and grouping, `CHECKPOINT`; timed inside the script (the process's wall time, with Node start-up, beside it)");
        md.AppendLine(inv, $"- Runs: one unmeasured warm-up of each on the real files, then {options.Runs} measured runs of each, alternating; the median is reported");
        md.AppendLine(inv, $"- Command: `dotnet run -c Release --project bench/Sightline.Bench -- import --provider {options.Provider} --repeat {options.Repeat} --runs {options.Runs}`");
        md.AppendLine();
        md.AppendLine("| Importer | Median s | Rows/s | vs DuckDB (time) | All runs s | CPU s (its own) | Rows per CPU s | vs DuckDB (CPU) | Machine busy (cores) |");
        md.AppendLine("| --- | ---: | ---: | ---: | --- | ---: | ---: | ---: | ---: |");
        md.AppendLine(inv, $"| DuckDB (baseline) | {duck.Inside.TotalSeconds:N2} | {rows / duck.Inside.TotalSeconds:N0} | 1.00× | {string.Join(", ", duckRuns.Select(r => r.Inside.TotalSeconds.ToString("N2", inv)))} (process: {string.Join(", ", duckRuns.Select(r => r.Wall.TotalSeconds.ToString("N2", inv)))}) | {duck.Cpu.TotalSeconds:N2} | {rows / duck.Cpu.TotalSeconds:N0} | 1.00× | {duck.BusyCores:N2} |");
        md.AppendLine(inv, $"| Sightline | {ours.Total.TotalSeconds:N2} | {rows / ours.Total.TotalSeconds:N0} | {ours.Total.TotalSeconds / duck.Inside.TotalSeconds:N2}× | {string.Join(", ", sightlineRuns.Select(r => r.Total.TotalSeconds.ToString("N2", inv)))} | {ours.Cpu.TotalSeconds:N2} | {rows / ours.Cpu.TotalSeconds:N0} | {ours.Cpu.TotalSeconds / duck.Cpu.TotalSeconds:N2}× | {ours.BusyCores:N2} |");
        md.AppendLine();
        var target = ours.Total <= duck.Inside;
        md.AppendLine(inv, $"Issue 5 target, Sightline at least as fast as DuckDB: {(target ? "**met**" : "**not met**")} ({ours.Total.TotalSeconds / duck.Inside.TotalSeconds:N2}× DuckDB's time, {ours.Cpu.TotalSeconds / duck.Cpu.TotalSeconds:N2}× its CPU time). DuckDB runs its query on every core; Sightline reads the files on every core and writes on one. On a machine shared with other work, CPU time is the steadier comparison.");
        md.AppendLine();
        md.AppendLine(inv, $"Same totals: {(differences.Count == 0 ? $"**yes**: {rows:N0} rows read, {ours.Totals.Areas.Count:N0} area counts (area, month, crime type) identical, {ours.Totals.LsoaGroups:N0} LSOA counts with the same sum ({ours.Totals.LsoaTotal:N0}) and sum of squares" : "**NO** (the run fails): " + string.Join("; ", differences))}.");
        md.AppendLine();
        md.AppendLine("Where Sightline's time goes (median run; parse and aggregate ends at the importer's last progress report, after the last row):");
        md.AppendLine();
        md.AppendLine("| Phase | s | share |");
        md.AppendLine("| --- | ---: | ---: |");
        var total = ours.Total.TotalSeconds;
        md.AppendLine(inv, $"| Read, hash, split, check and count every file (files in parallel, one per core), then add up in file order | {ours.ParseAndAggregate.TotalSeconds:N2} | {ours.ParseAndAggregate.TotalSeconds / total:P0} |");
        md.AppendLine(inv, $"| Compare with stored counts and write ({ours.Outcome.Imported:N0} rows inserted) and commit | {total - ours.ParseAndAggregate.TotalSeconds:N2} | {(total - ours.ParseAndAggregate.TotalSeconds) / total:P0} |");
        md.AppendLine(inv, $"| **Import in all** | {total:N2} | 100 % |");
        md.AppendLine();
        md.AppendLine(inv, $"Allocated during the import: {ours.AllocatedBytes / 1024.0 / 1024.0:N0} MB ({(double)ours.AllocatedBytes / rows:N0} bytes a row).");
        return md.ToString();
    }
}
