using Microsoft.EntityFrameworkCore;
using Sightline.Core.Access;
using Sightline.Core.Audit;
using Sightline.Core.Data;

namespace Sightline.Core.Network;

public sealed record VehicleInput(string? Registration, string? Description);

/// <summary>What pages and the API supply for a person of concern. Named users are given by email.</summary>
public sealed record PersonOfConcernInput(
    string? Name, string? Aliases, DateOnly? DateOfBirth, int? ApproximateAge, ConcernCategory? Category, string? Notes,
    IReadOnlyList<VehicleInput> Vehicles, IReadOnlyList<string> NamedUserEmails);

public sealed record PersonOfConcernSummary(Guid Id, string Name, ConcernCategory Category, string? Aliases, int Disruptions);

/// <summary>A person of concern as shown: details, the named users' names, and the disruption against them.</summary>
public sealed record PersonOfConcernRecord(PersonOfConcern Person, IReadOnlyList<(Guid Id, string Name, string Email)> NamedUsers, IReadOnlyList<DisruptionActivity> Disruption);

/// <summary>
/// Persons of concern: every read passes <see cref="PersonOfConcernVisibility"/> and is audited;
/// out of sight is not found, exactly as if missing. The creator is always named, so whoever
/// records a person can see them.
/// </summary>
public sealed class PersonsOfConcern(SightlineDb db, PersonOfConcernVisibility visibility, TimeProvider clock)
{
    public const int MaxVehicles = 20;

    public async Task<IReadOnlyList<PersonOfConcernSummary>> ListAsync(CurrentUser user, string? text, CancellationToken cancellationToken = default)
    {
        var query = db.PersonsOfConcern.AsNoTracking().Where(visibility.VisibleTo(user));
        var term = text?.Trim();
        if (!string.IsNullOrEmpty(term))
        {
            var pattern = "%" + term.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";
            query = query.Where(p => EF.Functions.Like(p.Name, pattern, "\\") || EF.Functions.Like(p.Aliases!, pattern, "\\"));
        }
        var rows = await query.OrderBy(p => p.Name).ThenBy(p => p.Id).Take(500)
            .Select(p => new PersonOfConcernSummary(p.Id, p.Name, p.Category, p.Aliases,
                db.DisruptionActivities.Count(d => d.TargetKind == NodeKind.PersonOfConcern && d.TargetId == p.Id)))
            .ToListAsync(cancellationToken);
        db.Audit!.Record(AuditAction.Search, "person-of-concern", null, details: new { text, shown = rows.Select(r => r.Id).ToArray() });
        await db.SaveChangesAsync(cancellationToken);
        return rows;
    }

    /// <summary>Whether the user may see this person of concern (without auditing a view: for forms and links).</summary>
    public Task<bool> CanSeeAsync(CurrentUser user, Guid id, CancellationToken cancellationToken = default) =>
        db.PersonsOfConcern.Where(p => p.Id == id).AnyAsync(visibility.VisibleTo(user), cancellationToken);

    public async Task<PersonOfConcernRecord?> ViewAsync(CurrentUser user, Guid id, CancellationToken cancellationToken = default)
    {
        var person = await db.PersonsOfConcern.AsNoTracking().AsSplitQuery()
            .Include(p => p.Vehicles).Include(p => p.NamedUsers)
            .Where(p => p.Id == id).Where(visibility.VisibleTo(user)).FirstOrDefaultAsync(cancellationToken);
        if (person is null) return null;
        var userIds = person.NamedUsers.Select(n => n.UserId).ToList();
        var named = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id)).OrderBy(u => u.DisplayName)
            .Select(u => new { u.Id, u.DisplayName, u.Email }).ToListAsync(cancellationToken);
        var disruption = await Disruption.ForAsync(db, NodeKind.PersonOfConcern, id, cancellationToken);
        db.Audit!.Record(AuditAction.View, "person-of-concern", id.ToString());
        await db.SaveChangesAsync(cancellationToken);
        return new PersonOfConcernRecord(person, named.Select(u => (u.Id, u.DisplayName, u.Email ?? "")).ToList(), disruption);
    }

    public async Task<Outcome<PersonOfConcern>> CreateAsync(CurrentUser user, PersonOfConcernInput input, CancellationToken cancellationToken = default)
    {
        if (!user.ReadsRecords) return Outcome<PersonOfConcern>.Refused("Your role does not record persons of concern");
        var (errors, namedIds) = await CheckAsync(input, cancellationToken);
        if (errors.Any) return Outcome<PersonOfConcern>.Invalid(errors);
        var now = clock.GetUtcNow().UtcDateTime;
        var person = new PersonOfConcern { Name = "", CreatedAt = now, CreatedByUserId = user.UserId };
        Apply(person, input, namedIds.Append(user.UserId), now);
        db.PersonsOfConcern.Add(person);
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<PersonOfConcern>.Ok(person);
    }

    public async Task<Outcome<PersonOfConcern>> UpdateAsync(CurrentUser user, Guid id, PersonOfConcernInput input, Guid version, CancellationToken cancellationToken = default)
    {
        var person = await db.PersonsOfConcern.Include(p => p.Vehicles).Include(p => p.NamedUsers)
            .Where(p => p.Id == id).Where(visibility.VisibleTo(user)).FirstOrDefaultAsync(cancellationToken);
        if (person is null) return Outcome<PersonOfConcern>.Missing();
        if (person.Version != version) return Outcome<PersonOfConcern>.Stale();
        var (errors, namedIds) = await CheckAsync(input, cancellationToken);
        if (errors.Any) return Outcome<PersonOfConcern>.Invalid(errors);
        db.RemoveRange(person.Vehicles);
        db.RemoveRange(person.NamedUsers);
        person.Vehicles.Clear();
        person.NamedUsers.Clear();
        Apply(person, input, namedIds.Append(person.CreatedByUserId), clock.GetUtcNow().UtcDateTime);
        person.Version = Guid.NewGuid();
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear(); // the page goes on to read what is saved now: nothing half-done may be saved with it
            return Outcome<PersonOfConcern>.Stale();
        }
        return Outcome<PersonOfConcern>.Ok(person);
    }

    private static void Apply(PersonOfConcern person, PersonOfConcernInput input, IEnumerable<Guid> namedIds, DateTime now)
    {
        person.Name = input.Name!.Trim();
        person.Aliases = Text.Lines(input.Aliases);
        person.DateOfBirth = input.DateOfBirth;
        person.ApproximateAge = input.DateOfBirth is null ? input.ApproximateAge : null;
        person.Category = input.Category ?? ConcernCategory.NotKnown;
        person.Notes = Text.Blank(input.Notes);
        person.UpdatedAt = now;
        foreach (var vehicle in input.Vehicles)
            person.Vehicles.Add(new PersonOfConcernVehicle { PersonOfConcernId = person.Id, Registration = Registration(vehicle.Registration!), Description = Text.Blank(vehicle.Description) });
        foreach (var userId in namedIds.Distinct())
            person.NamedUsers.Add(new PersonOfConcernAccess { PersonOfConcernId = person.Id, UserId = userId });
    }

    /// <summary>Registrations compared and shown as the DVLA writes them: upper case, single spaces.</summary>
    public static string Registration(string text) => string.Join(' ', text.ToUpperInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries));

    /// <summary>The rules' errors alone, for a form that found problems of its own first and shows them all at once.</summary>
    public async Task<ValidationErrors> ValidateAsync(PersonOfConcernInput input, CancellationToken cancellationToken = default) =>
        (await CheckAsync(input, cancellationToken)).Errors;

    private async Task<(ValidationErrors Errors, List<Guid> NamedIds)> CheckAsync(PersonOfConcernInput input, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var name = input.Name?.Trim();
        if (string.IsNullOrEmpty(name)) errors.Add("name", "Enter the person's name, or a description if the name is not known");
        else if (name.Length > 200) errors.Add("name", "The name must be 200 characters or fewer");
        if (input.Aliases?.Length > 1000) errors.Add("aliases", "Aliases must be 1000 characters or fewer");
        var today = clock.LondonToday();
        if (input.DateOfBirth is { } dob && (dob > today || dob.Year < 1900)) errors.Add("dateOfBirth", "The date of birth must be in the past");
        if (input.ApproximateAge is < 8 or > 100) errors.Add("approximateAge", "The approximate age must be between 8 and 100");
        if (input.Notes?.Length > 4000) errors.Add("notes", "Notes must be 4000 characters or fewer");
        if (input.Vehicles.Count > MaxVehicles) errors.Add("vehicles", $"Record at most {MaxVehicles} vehicles");
        else if (input.Vehicles.Any(v => string.IsNullOrWhiteSpace(v.Registration))) errors.Add("vehicles", "Enter each vehicle's registration");
        else if (input.Vehicles.Any(v => v.Registration!.Trim().Length > 16 || v.Description?.Length > 200))
            errors.Add("vehicles", "Registrations must be 16 characters or fewer and descriptions 200 or fewer");
        var emails = input.NamedUserEmails.Select(e => e.Trim().ToUpperInvariant()).Where(e => e.Length > 0).Distinct().ToList();
        var found = await db.Users.Where(u => emails.Contains(u.NormalizedEmail!)).Select(u => new { u.Id, u.NormalizedEmail }).ToListAsync(cancellationToken);
        var unknown = emails.Except(found.Select(f => f.NormalizedEmail!)).ToList();
        if (unknown.Count > 0) errors.Add("namedUsers", $"There is no user with the email address {unknown[0].ToLowerInvariant()}");
        return (errors, found.Select(f => f.Id).ToList());
    }
}

/// <summary>Tidying free text as forms and the API send it.</summary>
public static class Text
{
    public static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>Non-blank lines, trimmed, joined with a newline; null when there are none.</summary>
    public static string? Lines(string? value)
    {
        var lines = (value ?? "").Replace("\r", "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return lines.Length == 0 ? null : string.Join('\n', lines);
    }
}
