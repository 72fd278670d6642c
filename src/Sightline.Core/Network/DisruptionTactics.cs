using Microsoft.EntityFrameworkCore;
using Sightline.Core.Data;
using Sightline.Core.People;

namespace Sightline.Core.Network;

/// <summary>
/// The list of disruption tactics: the seed's eight ship with every install (002 §4.6.1);
/// administrators add more and retire them (never delete: past activity points at them).
/// </summary>
public sealed class DisruptionTactics(SightlineDb db)
{
    public static readonly IReadOnlyList<(string Key, string Name)> Standard =
    [
        ("taxi-licensing", "Taxi licensing"),
        ("child-abduction-warning-notice", "Child abduction warning notice"),
        ("sexual-risk-order", "Sexual risk order"),
        ("sexual-harm-prevention-order", "Sexual harm prevention order"),
        ("closure-notice", "Closure notice"),
        ("hotel-notice", "Hotel notice (requirement to disclose information)"),
        ("civil-injunction", "Civil injunction"),
        ("s222-local-government-act-1972", "Section 222 Local Government Act 1972"),
    ];

    public async Task<IReadOnlyList<DisruptionTactic>> ListAsync(bool activeOnly = false, CancellationToken cancellationToken = default) =>
        await db.DisruptionTactics.AsNoTracking().Where(t => !activeOnly || t.IsActive)
            .OrderBy(t => t.SortOrder).ThenBy(t => t.Name).ToListAsync(cancellationToken);

    public async Task<Outcome<DisruptionTactic>> CreateAsync(string? key, string? name, CancellationToken cancellationToken = default)
    {
        var errors = new ValidationErrors();
        key = key?.Trim();
        name = name?.Trim();
        if (string.IsNullOrEmpty(name)) errors.Add("name", "Enter the tactic's name");
        else if (name.Length > 120) errors.Add("name", "The name must be 120 characters or fewer");
        else if (await db.DisruptionTactics.AnyAsync(t => t.Name == name, cancellationToken)) errors.Add("name", $"A tactic called {name} already exists");
        if (string.IsNullOrEmpty(key)) errors.Add("key", "Enter a key");
        else if (!FlagTypeAdministration.IsValidKey(key)) errors.Add("key", "The key must only include lower-case letters, digits and hyphens, like closure-notice");
        else if (await db.DisruptionTactics.AnyAsync(t => t.Key == key, cancellationToken)) errors.Add("key", $"A tactic with the key {key} already exists");
        if (errors.Any) return Outcome<DisruptionTactic>.Invalid(errors);
        var last = await db.DisruptionTactics.Select(t => (int?)t.SortOrder).MaxAsync(cancellationToken) ?? 0;
        var tactic = new DisruptionTactic { Key = key!, Name = name!, SortOrder = last + 1 };
        db.DisruptionTactics.Add(tactic);
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<DisruptionTactic>.Ok(tactic);
    }

    /// <summary>Retires a tactic (it can no longer be chosen) or brings it back.</summary>
    public async Task<Outcome<DisruptionTactic>> SetActiveAsync(Guid id, bool active, CancellationToken cancellationToken = default)
    {
        var tactic = await db.DisruptionTactics.FirstOrDefaultAsync(t => t.Id == id, cancellationToken);
        if (tactic is null) return Outcome<DisruptionTactic>.Missing();
        tactic.IsActive = active;
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<DisruptionTactic>.Ok(tactic);
    }

    /// <summary>Adds the seed's tactics that are missing (the migrator calls this on every start).</summary>
    internal static void EnsureStandard(SightlineDb db, IReadOnlyCollection<string> existingKeys)
    {
        var order = 0;
        foreach (var (key, name) in Standard)
        {
            order++;
            if (!existingKeys.Contains(key)) db.DisruptionTactics.Add(new DisruptionTactic { Key = key, Name = name, SortOrder = order });
        }
    }
}
