using System.Text.Json;

namespace Sightline.Bench;

/// <summary>What the DuckDB script (bench/duckdb/police-uk.mjs) printed: its own timing and the totals to compare.</summary>
public sealed record DuckDbResult(string Duckdb, double Seconds, double CpuSeconds, long RowsRead, JsonElement[][] AreaCounts, long LsoaGroups, long LsoaTotal, long LsoaSquares)
{
    public IReadOnlyList<AreaCount> Areas() =>
        AreaCounts.Select(r => new AreaCount(r[0].GetString()!, r[1].GetInt32(), r[2].GetString()!, r[3].GetInt32())).ToList();
}

/// <summary>One dashboard-ready count: area (upper case), month (yyyymm), crime type.</summary>
public sealed record AreaCount(string Area, int Month, string CrimeType, int Count);

/// <summary>
/// The baseline of the police.uk import benchmark: DuckDB (npm <c>@duckdb/node-api</c>, the exact version
/// pinned in bench/duckdb/package.json and its lock file) reading the same files and grouping them the same way.
/// </summary>
public sealed class DuckDbBaseline(string root)
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = true };
    private string Folder => Path.Combine(root, "bench", "duckdb");

    /// <summary><c>npm ci</c> (the lock file's exact versions). This registry mirror serves only the Linux builds of
    /// DuckDB's optional per-platform packages, which <c>npm ci</c> refuses as "out of sync"; then <c>npm install</c>
    /// with the same lock file and exact pin installs the same versions.</summary>
    public async Task InstallAsync(CancellationToken cancellationToken)
    {
        var environment = new Dictionary<string, string>();
        var (exit, output) = await SightlineApp.RunAsync("npm", ["ci", "--no-audit", "--no-fund"], Folder, environment, TimeSpan.FromMinutes(5), cancellationToken);
        if (exit == 0) return;
        (exit, var again) = await SightlineApp.RunAsync("npm", ["install", "--no-audit", "--no-fund", "--no-save"], Folder, environment, TimeSpan.FromMinutes(5), cancellationToken);
        if (exit != 0) throw new InvalidOperationException($"Installing DuckDB in bench/duckdb failed:\n{output}\n{again}");
    }

    /// <summary>Runs the script over <paramref name="files"/> into a new DuckDB file; returns what it printed and the process's wall time.</summary>
    public async Task<(DuckDbResult Result, TimeSpan Wall)> RunAsync(IReadOnlyList<string> files, string databaseFile, CancellationToken cancellationToken)
    {
        var wall = System.Diagnostics.Stopwatch.StartNew();
        var (exit, output) = await SightlineApp.RunAsync("node", ["police-uk.mjs", databaseFile, .. files], Folder, new Dictionary<string, string>(), TimeSpan.FromMinutes(30), cancellationToken);
        wall.Stop();
        if (exit != 0) throw new InvalidOperationException($"The DuckDB baseline failed ({exit}):\n{output}");
        var json = output.Split('\n').LastOrDefault(l => l.StartsWith('{')) ?? throw new InvalidOperationException($"The DuckDB baseline printed no result:\n{output}");
        return (JsonSerializer.Deserialize<DuckDbResult>(json, Json)!, wall.Elapsed);
    }
}
