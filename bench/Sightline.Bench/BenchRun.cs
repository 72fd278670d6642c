using System.Data.Common;
using Microsoft.EntityFrameworkCore;

namespace Sightline.Bench;

/// <summary>
/// What the <c>import</c> and <c>dashboard</c> commands share: their options parsed (the usage and exit 64 on a
/// bad one), a temporary folder (kept on failure or with --keep), the failures that end a run with exit 1, and
/// where the report goes.
/// </summary>
public static class BenchRun
{
    public static void Step(string text) => Console.WriteLine($"[{DateTime.Now:HH:mm:ss}] {text}");

    public static async Task<int> RunAsync<TOptions>(string[] args, Func<string[], TOptions> parse, string usage, string name, Func<TOptions, bool> keep,
        Func<TOptions, string, Task<int>> body, CancellationToken cancel)
    {
        TOptions options;
        try
        {
            options = parse(args);
        }
        catch (ArgumentException ex)
        {
            Console.Error.WriteLine(ex.Message);
            Console.Error.WriteLine(usage);
            return 64;
        }
        var work = Path.Combine(Path.GetTempPath(), $"sightline-{name}-bench-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(work);
        var exitCode = 0;
        try
        {
            exitCode = await body(options, work);
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
            exitCode = 130;
        }
        catch (Exception ex) when (ex is InvalidOperationException or TimeoutException or HttpRequestException or IOException or DbUpdateException or DbException)
        {
            Console.Error.WriteLine($"Benchmark failed: {ex.Message}");
            exitCode = 1;
        }
        finally
        {
            if (keep(options) || exitCode == 1) Console.WriteLine($"Kept {work}");
            else
            {
                try { Directory.Delete(work, recursive: true); }
                catch (IOException) { Console.Error.WriteLine($"Could not delete {work}"); }
            }
        }
        return exitCode;
    }

    /// <summary>Writes the report to bench/results/<paramref name="fileName"/> and prints it.</summary>
    public static async Task WriteReportAsync(string root, string fileName, string report, CancellationToken cancel)
    {
        var folder = Path.Combine(root, "bench", "results");
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, fileName);
        await File.WriteAllTextAsync(file, report, cancel);
        Console.WriteLine();
        Console.WriteLine(report);
        Console.WriteLine($"Written to {Path.GetRelativePath(root, file)}");
    }
}
