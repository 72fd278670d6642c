using System.Collections.Concurrent;
using Sightline.Core.Data;

namespace Sightline.Core.Performance;

/// <summary>
/// The dashboard's figures per area (<see cref="AreaCounts"/>), read from the counts once and shared by every request
/// (a singleton): ranking one borough needs every borough's series, and reading and matching ~42,000 category rows per
/// request cost ~100 ms. Each use first reads the <see cref="PerformanceDataVersion"/> (one small query); when it
/// differs from the one the cached figures were read at, they are dropped, so an import on any app instance refreshes
/// this one at its next request. Groups and areas are not cached (they are small, and change through admin pages).
/// </summary>
public sealed class PerformanceCountsCache
{
    private sealed record Snapshot(PerformanceDataVersion Version, ConcurrentDictionary<Guid, AreaCounts> Areas);

    private Snapshot _current = new(default, new());

    /// <summary>The figures of <paramref name="areaIds"/> as they are now, reading only the areas not cached yet.</summary>
    public async Task<IReadOnlyDictionary<Guid, AreaCounts>> ForAsync(SightlineDb db, IReadOnlyCollection<Guid> areaIds, CancellationToken cancellationToken)
    {
        // The version is read before any figures: figures read after it are at least as new, never older.
        var version = await PerformanceDataVersion.ReadAsync(db, cancellationToken);
        var snapshot = Volatile.Read(ref _current);
        if (snapshot.Version != version)
        {
            snapshot = new Snapshot(version, new());
            Volatile.Write(ref _current, snapshot);
        }
        var missing = areaIds.Where(id => !snapshot.Areas.ContainsKey(id)).Distinct().ToList();
        if (missing.Count > 0)
        {
            // Two requests may read the same missing areas at once; both get the same figures, one copy is kept.
            foreach (var (id, counts) in await AreaCounts.LoadAsync(db, missing, cancellationToken)) snapshot.Areas.TryAdd(id, counts);
        }
        return areaIds.Distinct().ToDictionary(id => id, id => snapshot.Areas[id]);
    }

    /// <summary>One area's figures as they are now.</summary>
    public async Task<AreaCounts> ForAsync(SightlineDb db, Guid areaId, CancellationToken cancellationToken) =>
        (await ForAsync(db, [areaId], cancellationToken))[areaId];
}
