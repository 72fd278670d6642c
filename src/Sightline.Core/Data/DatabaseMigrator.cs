using Microsoft.EntityFrameworkCore;
using Sightline.Core.People;
using Sightline.Core.Performance;

namespace Sightline.Core.Data;

/// <summary>Applies the versioned migrations, then makes sure the shipped reference data is present.</summary>
public sealed class DatabaseMigrator(SightlineDb db)
{
    public async Task<IReadOnlyList<string>> MigrateAsync(CancellationToken cancellationToken = default)
    {
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        await db.Database.MigrateAsync(cancellationToken);
        await EnsureReferenceDataAsync(cancellationToken);
        return pending;
    }

    private async Task EnsureReferenceDataAsync(CancellationToken cancellationToken)
    {
        var existing = await db.FlagTypes.Select(t => t.Key).ToListAsync(cancellationToken);
        foreach (var type in FlagTypes.Standard.Where(t => !existing.Contains(t.Key)))
        {
            db.FlagTypes.Add(new FlagType
            {
                Key = type.Key, Name = type.Name, Description = type.Description, HasLevel = type.HasLevel, SortOrder = type.SortOrder,
            });
        }
        var tactics = await db.DisruptionTactics.Select(t => t.Key).ToListAsync(cancellationToken);
        Network.DisruptionTactics.EnsureStandard(db, tactics);
        await db.SaveWithoutAuditAsync(cancellationToken);
        await EnsureAreasAsync(cancellationToken);
    }

    /// <summary>The 32 boroughs, the MPS files' non-borough rows, the "london" group and Barnet's most similar group.</summary>
    private async Task EnsureAreasAsync(CancellationToken cancellationToken)
    {
        var areas = await db.Areas.ToDictionaryAsync(a => a.Name, StringComparer.OrdinalIgnoreCase, cancellationToken);
        Area Ensure(string name, string? code, AreaKind kind)
        {
            if (areas.TryGetValue(name, out var area)) return area;
            area = new Area { Name = name, Code = code, Kind = kind };
            db.Areas.Add(area);
            areas[name] = area;
            return area;
        }
        foreach (var (name, code) in ReferenceAreas.LondonBoroughs) Ensure(name, code, AreaKind.LondonBorough);
        foreach (var name in ReferenceAreas.MpsNonBoroughs) Ensure(name, null, AreaKind.Other);
        foreach (var name in ReferenceAreas.BarnetMostSimilar) Ensure(name, null, AreaKind.Other);

        var groups = await db.AreaGroups.Include(g => g.Members).ToDictionaryAsync(g => g.Key, cancellationToken);
        void EnsureGroup(string key, string name, IEnumerable<string> members)
        {
            if (groups.ContainsKey(key)) return; // administrators may have changed it since: leave it be
            var group = new AreaGroup { Key = key, Name = name };
            foreach (var member in members) group.Members.Add(new AreaGroupMember { GroupId = group.Id, AreaId = areas[member].Id });
            db.AreaGroups.Add(group);
        }
        EnsureGroup(ReferenceAreas.LondonGroup, "London boroughs", ReferenceAreas.LondonBoroughs.Select(b => b.Name));
        EnsureGroup(ReferenceAreas.BarnetMostSimilarGroup, "Barnet's most similar group", ReferenceAreas.BarnetMostSimilar);
        await db.SaveWithoutAuditAsync(cancellationToken);
    }
}
