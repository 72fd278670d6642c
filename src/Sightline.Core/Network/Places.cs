using Microsoft.EntityFrameworkCore;
using Sightline.Core.Access;
using Sightline.Core.Audit;
using Sightline.Core.Data;

namespace Sightline.Core.Network;

public sealed record PlaceInput(string? Name, PlaceType? Type, string? Address, string? Postcode, double? Latitude, double? Longitude, string? Notes);

public sealed record PlaceRecord(Place Place, IReadOnlyList<DisruptionActivity> Disruption);

/// <summary>
/// Places of concern. They name no one, so every user who works with records may see them; the
/// young people linked to a place are shown only through the network, under need-to-know.
/// </summary>
public sealed class Places(SightlineDb db, TimeProvider clock)
{
    public async Task<IReadOnlyList<Place>> ListAsync(CurrentUser user, CancellationToken cancellationToken = default) =>
        user.ReadsRecords
            ? await db.Places.AsNoTracking().OrderBy(p => p.Name).ThenBy(p => p.Id).Take(1000).ToListAsync(cancellationToken)
            : [];

    public Task<bool> CanSeeAsync(CurrentUser user, Guid id, CancellationToken cancellationToken = default) =>
        user.ReadsRecords ? db.Places.AnyAsync(p => p.Id == id, cancellationToken) : Task.FromResult(false);

    public async Task<PlaceRecord?> ViewAsync(CurrentUser user, Guid id, CancellationToken cancellationToken = default)
    {
        if (!user.ReadsRecords) return null;
        var place = await db.Places.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (place is null) return null;
        var disruption = await Disruption.ForAsync(db, NodeKind.Place, id, cancellationToken);
        db.Audit!.Record(AuditAction.View, "place", id.ToString());
        await db.SaveChangesAsync(cancellationToken);
        return new PlaceRecord(place, disruption);
    }

    public async Task<Outcome<Place>> CreateAsync(CurrentUser user, PlaceInput input, CancellationToken cancellationToken = default)
    {
        if (!user.ReadsRecords) return Outcome<Place>.Refused("Your role does not record places");
        var errors = Validate(input);
        if (errors.Any) return Outcome<Place>.Invalid(errors);
        var now = clock.GetUtcNow().UtcDateTime;
        var place = new Place { Name = "", CreatedAt = now, CreatedByUserId = user.UserId };
        Apply(place, input, now);
        db.Places.Add(place);
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<Place>.Ok(place);
    }

    public async Task<Outcome<Place>> UpdateAsync(CurrentUser user, Guid id, PlaceInput input, Guid version, CancellationToken cancellationToken = default)
    {
        var place = user.ReadsRecords ? await db.Places.FirstOrDefaultAsync(p => p.Id == id, cancellationToken) : null;
        if (place is null) return Outcome<Place>.Missing();
        if (place.Version != version) return Outcome<Place>.Stale();
        var errors = Validate(input);
        if (errors.Any) return Outcome<Place>.Invalid(errors);
        Apply(place, input, clock.GetUtcNow().UtcDateTime);
        place.Version = Guid.NewGuid();
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear(); // the page goes on to read what is saved now: nothing half-done may be saved with it
            return Outcome<Place>.Stale();
        }
        return Outcome<Place>.Ok(place);
    }

    private static void Apply(Place place, PlaceInput input, DateTime now)
    {
        place.Name = input.Name!.Trim();
        place.Type = input.Type!.Value;
        place.Address = Text.Blank(input.Address);
        place.Postcode = Text.Blank(input.Postcode)?.ToUpperInvariant();
        place.Latitude = input.Latitude;
        place.Longitude = input.Longitude;
        place.Notes = Text.Blank(input.Notes);
        place.UpdatedAt = now;
    }

    public static ValidationErrors Validate(PlaceInput input)
    {
        var errors = new ValidationErrors();
        var name = input.Name?.Trim();
        if (string.IsNullOrEmpty(name)) errors.Add("name", "Enter the place's name");
        else if (name.Length > 200) errors.Add("name", "The name must be 200 characters or fewer");
        if (input.Type is null) errors.Add("type", "Select the type of place");
        if (input.Address?.Length > 500) errors.Add("address", "The address must be 500 characters or fewer");
        if (input.Postcode?.Trim().Length > 10) errors.Add("postcode", "The postcode must be 10 characters or fewer");
        if (input.Latitude is < -90 or > 90) errors.Add("latitude", "The latitude must be between -90 and 90");
        if (input.Longitude is < -180 or > 180) errors.Add("longitude", "The longitude must be between -180 and 180");
        if ((input.Latitude is null) != (input.Longitude is null)) errors.Add(input.Latitude is null ? "latitude" : "longitude", "Enter both the latitude and the longitude, or neither");
        if (input.Notes?.Length > 4000) errors.Add("notes", "Notes must be 4000 characters or fewer");
        return errors;
    }
}
