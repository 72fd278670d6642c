using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

namespace Sightline.Bench;

/// <summary>The Markdown written to bench/results/latest-&lt;provider&gt;.md and printed at the end.</summary>
public static class Report
{
    public sealed record Context(string Database, int Sampled, TimeSpan Seeding, long AuditBefore, long AuditAfter, int VerifyExit, string Verify, string Commit);

    /// <summary>Issue 6's targets, checked against the same run's baseline.</summary>
    public const double RecordPageMinimumShare = 0.30;
    public const double RecordPageMaximumP99 = 50;
    public const double FindMaximumP95 = 20;

    /// <summary>Other work on the machine, in cores, above which a scenario's numbers are flagged.</summary>
    public const double QuietThreshold = 0.25;

    public static string Markdown(BenchOptions options, IReadOnlyList<ScenarioResult> results, Context context)
    {
        var inv = CultureInfo.InvariantCulture;
        var baseline = results.First(r => r.Scenario.Key == "baseline");
        var md = new StringBuilder();
        md.AppendLine(inv, $"# Sightline load benchmark: {(options.Provider == "postgres" ? "PostgreSQL" : "SQLite")}");
        md.AppendLine();
        md.AppendLine(inv, $"- When: {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, commit {context.Commit}");
        md.AppendLine(inv, $"- Machine: {MachineDescription()}");
        md.AppendLine(inv, $"- Database: {context.Database}; {options.People:N0} synthetic young people ({(options.London ? "`demo generate`" : "`demo seed`")}, in {context.Seeding.TotalSeconds:N0} s{(options.Provider == "postgres" ? ", then VACUUM (ANALYZE)" : "")})");
        md.AppendLine(inv, $"- Load: closed loop, {options.Connections} concurrent connections and workers on 127.0.0.1, one unmeasured {options.Warmup} s pass over every scenario, then per scenario {options.Warmup} s warm-up and {options.Seconds} s measured; the generator shares the machine with the app and the database");
        md.AppendLine(inv, $"- Requests drawn at random from {context.Sampled:N0} people the practitioner may see (seed {options.Seed})");
        md.AppendLine(inv, $"- Command: `dotnet run -c Release --project bench/Sightline.Bench -- --provider {options.Provider} --people {options.People} --seconds {options.Seconds} --warmup {options.Warmup} --connections {options.Connections}{string.Concat(options.PostgresSettings.Select(s => " --postgres-setting " + s))}{(options.London ? " --london" : "")}{(options.Audit is { } audit ? " --audit " + audit : "")}{(options.IsDefaultScenarios ? "" : " --scenarios " + string.Join(',', options.Scenarios))}`");
        md.AppendLine();
        md.AppendLine("| Scenario | Req/s | vs baseline | p50 ms | p95 ms | p99 ms | max ms | Requests | Errors | App CPU ms/req | CPU busy (cores) | Other load (cores) |");
        md.AppendLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var r in results)
        {
            var share = r.RequestsPerSecond / baseline.RequestsPerSecond;
            md.AppendLine(inv, $"| {r.Scenario.Title} | {r.RequestsPerSecond:N1} | {share:P1} | {Ms(r.Percentile(50))} | {Ms(r.Percentile(95))} | {Ms(r.Percentile(99))} | {Ms(r.Max, "N0")} | {r.Requests:N0} | {Errors(r)} | {Ms(r.AppCpuMillisPerRequest, "N2")} | {r.BusyCores:N2} of {Environment.ProcessorCount} | {r.OtherCores:N2}{(r.OtherCores >= QuietThreshold ? " ⚠" : "")} |");
        }
        md.AppendLine();
        md.AppendLine(inv, $"Req/s counts successful (200) responses completed inside the measured window; latencies are of those responses, measured by the client from send to last byte. \"vs baseline\" is throughput as a share of the baseline's in this run. App CPU is the app process only (not PostgreSQL). CPU busy is the whole machine's (generator, app, database and anything else): well under all cores means the scenario waits on something other than CPU, such as a lock or a disk flush. Other load is CPU used during the window by processes that are not the benchmark, the app or PostgreSQL (⚠ at {QuietThreshold} cores or more: that scenario's numbers are disturbed).");
        md.AppendLine();
        md.AppendLine("What each scenario does:");
        md.AppendLine();
        foreach (var r in results) md.AppendLine(inv, $"- **{r.Scenario.Title}**: {r.Scenario.What}");
        md.AppendLine();
        md.AppendLine(inv, $"Audit trail: {context.AuditAfter - context.AuditBefore:N0} entries written during the run ({context.AuditAfter:N0} in all). After the load, `Sightline audit verify` (exit {context.VerifyExit}): {context.Verify}");
        md.AppendLine();
        md.AppendLine("Issue 6 targets (at this run's connections):");
        md.AppendLine();
        var page = results.FirstOrDefault(r => r.Scenario.Key == "record-page") ?? results.FirstOrDefault(r => r.Scenario.Key == "record-api");
        if (page is not null)
        {
            var share = page.RequestsPerSecond / baseline.RequestsPerSecond;
            md.AppendLine(inv, $"- {page.Scenario.Title} at least {RecordPageMinimumShare:P0} of baseline throughput: {share:P0}, {Verdict(share >= RecordPageMinimumShare)}");
            md.AppendLine(inv, $"- {page.Scenario.Title} p99 under {RecordPageMaximumP99} ms: {Ms(page.Percentile(99))} ms, {Verdict(page.Percentile(99) < RecordPageMaximumP99)}");
        }
        var find = results.FirstOrDefault(r => r.Scenario.Key == "find");
        if (find is not null)
            md.AppendLine(inv, $"- Find a person p95 under {FindMaximumP95} ms: {Ms(find.Percentile(95))} ms, {Verdict(find.Percentile(95) < FindMaximumP95)}");
        return md.ToString();
    }

    public static string MachineDescription() =>
        $"{Environment.ProcessorCount} cores ({CpuModel()}), {MemoryGb()} GB RAM, {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}";

    public static string Ms(double value, string format = "N1") => double.IsNaN(value) ? "—" : value.ToString(format, CultureInfo.InvariantCulture);

    private static string Verdict(bool met) => met ? "**met**" : "**not met**";

    private static string Errors(ScenarioResult r) =>
        r.Errors == 0 ? "0" : $"{r.Errors:N0} ({string.Join(", ", r.ErrorKinds.OrderByDescending(e => e.Value).Select(e => $"{e.Key} ×{e.Value:N0}"))})";

    private static string CpuModel()
    {
        try
        {
            var line = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal));
            return line?.Split(':', 2)[1].Trim() ?? RuntimeInformation.ProcessArchitecture.ToString();
        }
        catch (IOException)
        {
            return RuntimeInformation.ProcessArchitecture.ToString();
        }
    }

    private static string MemoryGb()
    {
        try
        {
            var line = File.ReadLines("/proc/meminfo").First(l => l.StartsWith("MemTotal:", StringComparison.Ordinal));
            var kb = long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
            return (kb / 1024.0 / 1024.0).ToString("N0", CultureInfo.InvariantCulture);
        }
        catch (Exception ex) when (ex is IOException or InvalidOperationException or FormatException)
        {
            return "?";
        }
    }

    public static string GitCommit(string root)
    {
        try
        {
            var (exit, output) = SightlineApp.RunAsync("git", ["-C", root, "describe", "--always", "--dirty"], root, new Dictionary<string, string>(), TimeSpan.FromSeconds(10), CancellationToken.None).GetAwaiter().GetResult();
            return exit == 0 ? output.Trim() : "unknown";
        }
        catch (Exception ex) when (ex is InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            return "unknown";
        }
    }
}
