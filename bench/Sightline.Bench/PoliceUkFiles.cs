using System.Globalization;

namespace Sightline.Bench;

/// <summary>
/// The police.uk street-level files the import benchmark reads: every CSV under the data folder's
/// <c>police-uk/</c>, and optionally copies of them with the months shifted past the real ones, so a
/// larger set has the same shape (same LSOAs, crime types and row mix) but new months.
/// </summary>
public static class PoliceUkFiles
{
    public static string DataFolder(string root) =>
        Sightline.Core.Demo.DemoDashboardData.FindDataFolder(null, root)
        ?? throw new InvalidOperationException("No shared/data folder found above the repository (or set SIGHTLINE_DATA).");

    public static IReadOnlyList<string> Real(string dataFolder)
    {
        var folder = Path.Combine(dataFolder, "police-uk");
        if (!Directory.Exists(folder)) throw new InvalidOperationException($"There is no {folder}.");
        return Directory.EnumerateFiles(folder, "*.csv", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// The real files, then <paramref name="repeat"/> − 1 copies written to <paramref name="into"/>, copy k with
    /// every month moved k × (the real files' span) months later. Deterministic: the same input gives the same files.
    /// </summary>
    public static async Task<IReadOnlyList<string>> WithShiftedCopiesAsync(IReadOnlyList<string> real, int repeat, string into, CancellationToken cancellationToken)
    {
        var files = new List<string>(real);
        if (repeat <= 1) return files;
        var months = new List<int>();
        foreach (var file in real)
        {
            using var reader = new StreamReader(file);
            await reader.ReadLineAsync(cancellationToken);
            if (await reader.ReadLineAsync(cancellationToken) is { } line && MonthAt(line, out _, out var month)) months.Add(month);
        }
        var span = months.Count == 0 ? 12 : months.Max() - months.Min() + 1;
        for (var copy = 1; copy < repeat; copy++)
        {
            var folder = Path.Combine(into, $"copy-{copy:D2}");
            Directory.CreateDirectory(folder);
            foreach (var file in real)
            {
                var target = Path.Combine(folder, $"{Path.GetFileName(Path.GetDirectoryName(file))}-{Path.GetFileName(file)}");
                await ShiftAsync(file, target, copy * span, cancellationToken);
                files.Add(target);
            }
        }
        return files;
    }

    private static async Task ShiftAsync(string source, string target, int monthsLater, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(source);
        await using var writer = new StreamWriter(target);
        writer.NewLine = "\n";
        if (await reader.ReadLineAsync(cancellationToken) is { } header) await writer.WriteLineAsync(header);
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            if (MonthAt(line, out var at, out var month))
            {
                var shifted = month + monthsLater; // months counted from year 0
                line = string.Create(CultureInfo.InvariantCulture, $"{line[..at]}{shifted / 12:D4}-{shifted % 12 + 1:D2}{line[(at + 7)..]}");
            }
            await writer.WriteLineAsync(line);
        }
    }

    /// <summary>The Month column (the second; the first, Crime ID, is never quoted in police.uk files) as months since year 0.</summary>
    private static bool MonthAt(string line, out int at, out int month)
    {
        at = line.IndexOf(',') + 1;
        month = 0;
        if (at == 0 || line.Length < at + 7 || line[at + 4] != '-') return false;
        if (!int.TryParse(line.AsSpan(at, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            || !int.TryParse(line.AsSpan(at + 5, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var m) || m is < 1 or > 12) return false;
        month = year * 12 + m - 1;
        return true;
    }
}
