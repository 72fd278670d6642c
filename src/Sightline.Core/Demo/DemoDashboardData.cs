using Sightline.Core.Performance;

namespace Sightline.Core.Demo;

/// <summary>
/// The demo's dashboard data is real: the MPS borough files, the ONS mid-2019 population and the GLA
/// borough profiles (households), imported with the ordinary importers from a data folder
/// (<c>Demo:DataPath</c>; by default <c>../shared/data</c> beside the repository). When the folder or a
/// file is missing, nothing is imported and one line says how to import it later; the demo goes on.
/// </summary>
public sealed class DemoDashboardData(PerformanceImports imports)
{
    public const string MpsHistorical = "mps-borough/MPS Borough Level Crime (Historical).csv";
    public const string MpsRecent = "mps-borough/MPS Borough Level Crime (most recent 24 months).csv";
    public const string OnsPopulation = "population/UK_Population_Data_xAge_xRegion.csv";
    public const string GlaProfiles = "population/london-borough-profiles_2015.csv";

    /// <summary>The files imported, in order: the historical MPS file unless <paramref name="recentOnly"/>, then the recent one, population, households.</summary>
    public static IReadOnlyList<string> Files(bool recentOnly) =>
        recentOnly ? [MpsRecent, OnsPopulation, GlaProfiles] : [MpsHistorical, MpsRecent, OnsPopulation, GlaProfiles];

    /// <summary>
    /// The data folder: <paramref name="configured"/> when given (relative paths from the current
    /// directory), else the <c>SIGHTLINE_DATA</c> environment variable, else the first <c>shared/data</c>
    /// folder in or above one of <paramref name="startDirectories"/> — which finds <c>../shared/data</c>
    /// beside the repository wherever the repository was cloned below it. Null when there is none.
    /// </summary>
    public static string? FindDataFolder(string? configured, params string?[] startDirectories)
    {
        if (!string.IsNullOrWhiteSpace(configured)) return Path.GetFullPath(configured);
        if (Environment.GetEnvironmentVariable("SIGHTLINE_DATA") is { Length: > 0 } fromEnvironment) return Path.GetFullPath(fromEnvironment);
        foreach (var start in startDirectories)
        {
            if (string.IsNullOrWhiteSpace(start)) continue;
            for (var dir = new DirectoryInfo(Path.GetFullPath(start)); dir is not null; dir = dir.Parent)
            {
                var data = Path.Combine(dir.FullName, "shared", "data");
                if (Directory.Exists(data)) return data;
            }
        }
        return null;
    }

    /// <summary>
    /// Imports the files from <paramref name="folder"/>. Returns false, after one line to
    /// <paramref name="log"/>, when the folder or a file is missing or a file is refused.
    /// </summary>
    public async Task<bool> ImportAsync(string? folder, bool recentOnly, Action<string> log, CancellationToken cancellationToken = default)
    {
        const string how = "import it with ./sightline import mps-borough FILE... and ./sightline import population FILE (see README, Performance data), or set Demo:DataPath to the data folder";
        if (folder is null || !Directory.Exists(folder))
        {
            log($"Dashboard data was not loaded: no data folder ({(folder is null ? "Demo:DataPath is not set and ../shared/data was not found beside the repository" : $"'{folder}' does not exist")}); {how}.");
            return false;
        }
        var paths = Files(recentOnly).Select(f => Path.Combine(folder, f)).ToList();
        var missing = paths.Where(p => !File.Exists(p)).ToList();
        if (missing.Count > 0)
        {
            log($"Dashboard data was not loaded: {string.Join(", ", missing.Select(m => $"'{m}'"))} not found; {how}.");
            return false;
        }
        foreach (var path in paths)
        {
            var outcome = path.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) && path.Contains("mps-borough", StringComparison.Ordinal)
                ? await imports.ImportMpsBoroughAsync(path, cancellationToken: cancellationToken)
                : await imports.ImportPopulationAsync(path, cancellationToken: cancellationToken);
            if (!outcome.Succeeded)
            {
                log($"Dashboard data was not fully loaded: {outcome.Describe()}; {how}.");
                return false;
            }
        }
        log($"Dashboard data loaded from {folder}: {(recentOnly ? "the recent MPS borough file" : "the MPS borough files")}, ONS population and GLA households.");
        return true;
    }
}
