using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Sightline.Core.Data;

namespace Sightline.Core.Performance;

/// <summary>
/// What the performance figures were at when they were read, so cached figures (<see cref="PerformanceCountsCache"/>)
/// can tell they are out of date. Every import, on any app instance, leaves an <see cref="ImportRun"/> committed with
/// the rows it wrote, so the number of runs and the latest finish time (one small query) change whenever imported
/// data does. Counts, estimates or areas written through EF in this process without a run (tests, tools) bump
/// <see cref="LocalWrites"/> instead.
/// </summary>
public readonly record struct PerformanceDataVersion(int Runs, DateTime? LatestRun, long LocalWrites)
{
    private static long _localWrites;

    /// <summary>Reads the version. The local counter is read first, so figures read after it are never older than it.</summary>
    public static async Task<PerformanceDataVersion> ReadAsync(SightlineDb db, CancellationToken cancellationToken)
    {
        var local = Interlocked.Read(ref _localWrites);
        var runs = await db.ImportRuns.AsNoTracking().GroupBy(_ => 1)
            .Select(g => new { Count = g.Count(), Latest = g.Max(r => (DateTime?)r.FinishedAt) })
            .FirstOrDefaultAsync(cancellationToken);
        return new PerformanceDataVersion(runs?.Count ?? 0, runs?.Latest, local);
    }

    /// <summary>Whether a save is about to change what the dashboard reads (counts, estimates, areas).</summary>
    internal static bool Touches(ChangeTracker changes) =>
        changes.Entries().Any(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted
                                   && e.Entity is CrimeCount or PopulationEstimate or HouseholdEstimate or Area);

    /// <summary>Called after such a save.</summary>
    internal static void NoteLocalWrite() => Interlocked.Increment(ref _localWrites);
}
