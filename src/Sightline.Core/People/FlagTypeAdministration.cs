using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Sightline.Core.Data;

namespace Sightline.Core.People;

/// <summary>What an administrator enters for a new flag type. Null means "not answered" and is refused.</summary>
public sealed record FlagTypeInput(string? Key, string? Name, string? Description, bool? HasLevel);

/// <summary>
/// The list of flag types. Administrators add types and change their names, descriptions and whether
/// they can be chosen; a key never changes once made, because API clients send and read it.
/// Types are deactivated, never deleted: past flags keep pointing at them.
/// </summary>
public sealed partial class FlagTypeAdministration(SightlineDb db)
{
    public const int MaxKeyLength = 40;

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex KeyPattern();

    /// <summary>True for keys like <c>child-in-need</c>: lower-case letters, digits and single hyphens between them.</summary>
    public static bool IsValidKey(string? key) => key is { Length: > 0 and <= MaxKeyLength } && KeyPattern().IsMatch(key);

    public async Task<IReadOnlyList<FlagType>> ListAsync(CancellationToken cancellationToken = default) =>
        await db.FlagTypes.AsNoTracking().OrderBy(t => t.SortOrder).ThenBy(t => t.Name).ToListAsync(cancellationToken);

    public Task<FlagType?> GetAsync(Guid id, CancellationToken cancellationToken = default) =>
        db.FlagTypes.AsNoTracking().FirstOrDefaultAsync(t => t.Id == id, cancellationToken);

    public async Task<Outcome<FlagType>> CreateAsync(FlagTypeInput input, CancellationToken cancellationToken = default)
    {
        var errors = new ValidationErrors();
        var key = input.Key?.Trim();
        if (string.IsNullOrEmpty(key)) errors.Add("key", "Enter a key");
        else if (key.Length > MaxKeyLength) errors.Add("key", $"The key must be {MaxKeyLength} characters or fewer");
        else if (!IsValidKey(key)) errors.Add("key", "The key must only include lower-case letters, digits and hyphens, and start and end with a letter or digit, like child-in-need");
        else if (await db.FlagTypes.AnyAsync(t => t.Key == key, cancellationToken)) errors.Add("key", $"A flag type with the key {key} already exists");
        var name = input.Name?.Trim();
        await ValidateNameAsync(errors, name, null, cancellationToken);
        var description = Blank(input.Description);
        ValidateDescription(errors, description);
        if (input.HasLevel is null) errors.Add("hasLevel", "Select yes if the flag carries a risk level");
        if (errors.Any) return Outcome<FlagType>.Invalid(errors);

        var last = await db.FlagTypes.Select(t => (int?)t.SortOrder).MaxAsync(cancellationToken) ?? 0;
        var type = new FlagType { Key = key!, Name = name!, Description = description, HasLevel = input.HasLevel!.Value, SortOrder = last + 1 };
        db.FlagTypes.Add(type);
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<FlagType>.Ok(type);
    }

    /// <summary>Changes a type's name, description or whether it can be chosen. Its key and risk level setting stay.</summary>
    public async Task<Outcome<FlagType>> UpdateAsync(Guid id, string? name, string? description, bool? isActive, CancellationToken cancellationToken = default)
    {
        var type = await db.FlagTypes.FirstOrDefaultAsync(t => t.Id == id, cancellationToken);
        if (type is null) return Outcome<FlagType>.Missing();
        var errors = new ValidationErrors();
        var trimmed = name?.Trim();
        await ValidateNameAsync(errors, trimmed, id, cancellationToken);
        var blank = Blank(description);
        ValidateDescription(errors, blank);
        if (isActive is null) errors.Add("active", "Select whether practitioners can choose this flag");
        if (errors.Any) return Outcome<FlagType>.Invalid(errors);
        type.Name = trimmed!;
        type.Description = blank;
        type.IsActive = isActive!.Value;
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<FlagType>.Ok(type);
    }

    private async Task ValidateNameAsync(ValidationErrors errors, string? name, Guid? except, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(name)) errors.Add("name", "Enter the flag type's name");
        else if (name.Length > 120) errors.Add("name", "The name must be 120 characters or fewer");
        else if (await db.FlagTypes.AnyAsync(t => t.Name == name && t.Id != except, cancellationToken)) errors.Add("name", $"A flag type called {name} already exists");
    }

    private static void ValidateDescription(ValidationErrors errors, string? description)
    {
        if (description?.Length > 500) errors.Add("description", "The description must be 500 characters or fewer");
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
