using Microsoft.EntityFrameworkCore;
using Sightline.Core.People;

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
        await db.SaveWithoutAuditAsync(cancellationToken);
    }
}
