using Microsoft.EntityFrameworkCore;
using Sightline.Core.Data;

namespace Sightline.Core.Performance;

/// <summary>A peer group as the administration list shows it.</summary>
public sealed record AreaGroupSummary(Guid Id, string Key, string Name, int Members, bool BuiltIn);

/// <summary>
/// Administrators' peer groups: the groups the dashboard can rank an area against ("Compare with"). A group's key is
/// made from its name when it is created and never changes, so links and API calls with <c>group=</c> keep working.
/// The built-in London group cannot be deleted (the London rank needs it). Changes are audited by SaveChanges.
/// </summary>
public sealed class AreaGroupAdministration(SightlineDb db)
{
    public const int MaxNameLength = 200;
    public const int MinMembers = 2;

    public async Task<IReadOnlyList<AreaGroupSummary>> ListAsync(CancellationToken cancellationToken = default)
    {
        var groups = await db.AreaGroups.AsNoTracking()
            .Select(g => new { g.Id, g.Key, g.Name, Members = g.Members.Count }).ToListAsync(cancellationToken);
        return groups.Select(g => new AreaGroupSummary(g.Id, g.Key, g.Name, g.Members, IsBuiltIn(g.Key)))
            .OrderBy(g => g.Name, StringComparer.OrdinalIgnoreCase).ToList();
    }

    public static bool IsBuiltIn(string key) => key == ReferenceAreas.LondonGroup;

    /// <summary>The areas members can be chosen from: London boroughs first, then the others, each by name.</summary>
    public async Task<IReadOnlyList<Area>> AreasAsync(CancellationToken cancellationToken = default) =>
        (await db.Areas.AsNoTracking().ToListAsync(cancellationToken))
            .OrderBy(a => a.Kind).ThenBy(a => a.Name, StringComparer.OrdinalIgnoreCase).ToList();

    public Task<AreaGroup?> GetAsync(Guid id, CancellationToken cancellationToken = default) =>
        db.AreaGroups.AsNoTracking().Include(g => g.Members).FirstOrDefaultAsync(g => g.Id == id, cancellationToken);

    /// <summary>A group's key from its name: "North London boroughs" → "north-london-boroughs".</summary>
    public static string KeyFor(string name)
    {
        var words = new string(name.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : ' ').ToArray())
            .Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var key = string.Join('-', words);
        return key.Length <= 40 ? key : key[..40].TrimEnd('-');
    }

    public async Task<Outcome<AreaGroup>> CreateAsync(string? name, IReadOnlyCollection<Guid> memberIds, CancellationToken cancellationToken = default)
    {
        var errors = new ValidationErrors();
        var trimmed = name?.Trim();
        await ValidateAsync(errors, trimmed, memberIds, null, cancellationToken);
        var key = trimmed is { Length: > 0 } ? KeyFor(trimmed) : "";
        if (!errors.Any)
        {
            if (key.Length == 0) errors.Add("name", "The name must include at least one letter or digit");
            else if (await db.AreaGroups.AnyAsync(g => g.Key == key, cancellationToken)) errors.Add("name", $"A group with the key {key} already exists: choose another name");
        }
        if (errors.Any) return Outcome<AreaGroup>.Invalid(errors);
        var group = new AreaGroup { Key = key, Name = trimmed! };
        group.Members.AddRange(memberIds.Distinct().Select(id => new AreaGroupMember { GroupId = group.Id, AreaId = id }));
        db.AreaGroups.Add(group);
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<AreaGroup>.Ok(group);
    }

    /// <summary>Changes a group's name and members; its key stays.</summary>
    public async Task<Outcome<AreaGroup>> UpdateAsync(Guid id, string? name, IReadOnlyCollection<Guid> memberIds, CancellationToken cancellationToken = default)
    {
        var group = await db.AreaGroups.Include(g => g.Members).FirstOrDefaultAsync(g => g.Id == id, cancellationToken);
        if (group is null) return Outcome<AreaGroup>.Missing();
        var errors = new ValidationErrors();
        var trimmed = name?.Trim();
        await ValidateAsync(errors, trimmed, memberIds, id, cancellationToken);
        if (errors.Any) return Outcome<AreaGroup>.Invalid(errors);
        group.Name = trimmed!;
        var wanted = memberIds.ToHashSet();
        group.Members.RemoveAll(m => !wanted.Contains(m.AreaId));
        foreach (var areaId in wanted.Where(a => group.Members.All(m => m.AreaId != a)))
            group.Members.Add(new AreaGroupMember { GroupId = group.Id, AreaId = areaId });
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<AreaGroup>.Ok(group);
    }

    /// <summary>Deletes a group and its memberships; the built-in London group is refused.</summary>
    public async Task<Outcome<AreaGroup>> DeleteAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var group = await db.AreaGroups.Include(g => g.Members).FirstOrDefaultAsync(g => g.Id == id, cancellationToken);
        if (group is null) return Outcome<AreaGroup>.Missing();
        if (IsBuiltIn(group.Key)) return Outcome<AreaGroup>.Refused("The London group is built in: the London rank needs it, so it cannot be deleted.");
        db.AreaGroups.Remove(group);
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<AreaGroup>.Ok(group);
    }

    private async Task ValidateAsync(ValidationErrors errors, string? name, IReadOnlyCollection<Guid> memberIds, Guid? except, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(name)) errors.Add("name", "Enter the group's name");
        else if (name.Length > MaxNameLength) errors.Add("name", $"The name must be {MaxNameLength} characters or fewer");
        else if ((await db.AreaGroups.AsNoTracking().Where(g => g.Id != except).Select(g => g.Name).ToListAsync(cancellationToken))
                 .Any(n => string.Equals(n, name, StringComparison.OrdinalIgnoreCase)))
            errors.Add("name", $"A group called {name} already exists");
        var distinct = memberIds.Distinct().ToList();
        if (distinct.Count < MinMembers) errors.Add("members", $"Select at least {MinMembers} areas");
        else if (await db.Areas.CountAsync(a => distinct.Contains(a.Id), cancellationToken) != distinct.Count)
            errors.Add("members", "Select areas from the list");
    }
}
