using System.Diagnostics;
using System.Globalization;

namespace Sightline.Bench;

/// <summary>
/// How busy the machine is with work that is not this benchmark's (other builds, tests, services),
/// in cores, from /proc/stat less the CPU of the benchmark, the app and PostgreSQL. The load shares
/// 2 cores with everything else, so a run on a busy machine says so in its report, and a scenario
/// waits (a bounded time) for the machine to be quiet before it starts.
/// </summary>
public sealed class MachineLoad(Func<IEnumerable<int>> ownProcesses)
{
    private const double TicksPerSecond = 100; // USER_HZ

    public readonly record struct Sample(double BusyTicks, double OwnTicks, DateTime At);

    public static bool Available => File.Exists("/proc/stat");

    public Sample Take()
    {
        if (!Available) return new Sample(0, 0, DateTime.UtcNow);
        var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Select(f => double.Parse(f, CultureInfo.InvariantCulture)).ToArray();
        // user nice system idle iowait irq softirq steal: busy is all but idle and iowait.
        var busy = fields.Take(8).Sum() - fields[3] - fields[4];
        var own = ownProcesses().Distinct().Sum(ProcessTicks);
        return new Sample(busy, own, DateTime.UtcNow);
    }

    /// <summary>Cores used by other work between two samples.</summary>
    public static double OtherCores(Sample from, Sample to)
    {
        var seconds = (to.At - from.At).TotalSeconds;
        if (seconds <= 0 || !Available) return 0;
        return Math.Max(0, (to.BusyTicks - from.BusyTicks - (to.OwnTicks - from.OwnTicks)) / TicksPerSecond / seconds);
    }

    /// <summary>Cores busy with anything (this benchmark included) between two samples.</summary>
    public static double BusyCores(Sample from, Sample to)
    {
        var seconds = (to.At - from.At).TotalSeconds;
        return seconds <= 0 || !Available ? 0 : (to.BusyTicks - from.BusyTicks) / TicksPerSecond / seconds;
    }

    /// <summary>Waits until other work uses less than <paramref name="threshold"/> cores over 3 s, at most <paramref name="limit"/>. Returns the last reading.</summary>
    public async Task<double> WaitForQuietAsync(double threshold, TimeSpan limit, Action<string> say, CancellationToken cancellationToken)
    {
        if (!Available) return 0;
        var waited = Stopwatch.StartNew();
        var told = false;
        while (true)
        {
            var from = Take();
            await Task.Delay(TimeSpan.FromSeconds(3), cancellationToken);
            var other = OtherCores(from, Take());
            if (other < threshold) return other;
            if (waited.Elapsed >= limit)
            {
                say($"  the machine is still busy with other work ({other:N2} cores); measuring anyway, and the report says so");
                return other;
            }
            if (!told) say($"  other work is using {other:N2} cores; waiting up to {limit.TotalSeconds:N0} s for the machine to be quiet...");
            told = true;
        }
    }

    /// <summary>A process and its children (for PostgreSQL: the postmaster and its backends and workers).</summary>
    public static IEnumerable<int> WithChildren(int root)
    {
        yield return root;
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid) || pid == root) continue;
            string stat;
            try
            {
                stat = File.ReadAllText(Path.Combine(dir, "stat"));
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                continue;
            }
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            if (fields.Length > 1 && fields[1] == root.ToString(CultureInfo.InvariantCulture)) yield return pid;
        }
    }

    private static double ProcessTicks(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            // After "pid (comm) " the fields start at state (3): utime (14), stime (15) and the reaped children's
            // cutime (16) and cstime (17), so that PostgreSQL backends and parallel workers that exit during a
            // window still count as the benchmark's (the postmaster reaps them).
            return Enumerable.Range(11, 4).Sum(i => double.Parse(fields[i], CultureInfo.InvariantCulture));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
        {
            return 0;
        }
    }
}
