using Microsoft.EntityFrameworkCore;
using Sightline.Core.Access;
using Sightline.Core.Audit;
using Sightline.Core.Data;
using Sightline.Core.People;

namespace Sightline.Core.Network;

public sealed record AssociationInput(NodeRef? From, NodeRef? To, AssociationType? Type, string? Source, DateOnly? Date, Confidence? Confidence, string? Notes);

/// <summary>
/// Recording links of the network. Both ends must be visible to the recorder (a young person under
/// need-to-know, a person of concern under <see cref="PersonOfConcernVisibility"/>); an end out of
/// sight is not found, exactly as if it did not exist.
/// </summary>
public sealed class Associations(SightlineDb db, NetworkVisibility visibility, TimeProvider clock)
{
    /// <summary>The rules on which kinds each type may join, so the network reads the same way round everywhere.</summary>
    public static ValidationErrors Validate(AssociationInput input, DateOnly today)
    {
        var errors = new ValidationErrors();
        if (input.From is null) errors.Add("from", "from is required: {\"kind\": \"person\", \"id\": \"...\"}");
        if (input.To is null) errors.Add("to", "to is required: {\"kind\": \"place\", \"id\": \"...\"}");
        if (input.Type is null) errors.Add("type", "Select the type of association");
        if (input.Date > today) errors.Add("date", "The date must be today or in the past");
        if (input.Source?.Length > 200) errors.Add("source", "The source must be 200 characters or fewer");
        if (input.Notes?.Length > 2000) errors.Add("notes", "Notes must be 2000 characters or fewer");
        if (input is not { From: { } from, To: { } to, Type: { } type }) return errors;
        if (from == to) errors.Add("to", "A person or place cannot be associated with itself");
        else if (from.Kind == NodeKind.Place && to.Kind == NodeKind.Place) errors.Add("to", "Two places cannot be associated: link the young people or persons of concern to each place");
        else if (type is AssociationType.Frequents or AssociationType.FoundAtWhenMissing && (to.Kind != NodeKind.Place || from.Kind == NodeKind.Place))
            errors.Add("to", "Frequents and found at when missing link a person to a place: give the place as to");
        else if (type is not (AssociationType.Frequents or AssociationType.FoundAtWhenMissing or AssociationType.Associate) && (to.Kind == NodeKind.Place || from.Kind == NodeKind.Place))
            errors.Add("type", "A place can only be frequented, where someone was found when missing, or associated");
        else if (type == AssociationType.Sibling && (from.Kind == NodeKind.Place || to.Kind == NodeKind.Place))
            errors.Add("type", "Siblings are people");
        return errors;
    }

    public async Task<Outcome<Association>> CreateAsync(CurrentUser user, AssociationInput input, CancellationToken cancellationToken = default)
    {
        if (!user.ReadsRecords) return Outcome<Association>.Refused("Your role does not record associations");
        var today = clock.LondonToday();
        var errors = Validate(input, today);
        if (errors.Any) return Outcome<Association>.Invalid(errors);
        var (from, to) = (input.From!.Value, input.To!.Value);
        if (!await visibility.CanSeeAsync(user, from, cancellationToken) || !await visibility.CanSeeAsync(user, to, cancellationToken))
            return Outcome<Association>.Missing();
        var association = new Association
        {
            FromKind = from.Kind, FromId = from.Id, ToKind = to.Kind, ToId = to.Id, Type = input.Type!.Value,
            Source = Text.Blank(input.Source), Date = input.Date ?? today, Confidence = input.Confidence ?? Confidence.Medium,
            Notes = Text.Blank(input.Notes), RecordedAt = clock.GetUtcNow().UtcDateTime, RecordedByUserId = user.UserId,
        };
        db.Associations.Add(association);
        // The change itself is filed under the first young person; a link between two young people is part of both records.
        if (from.Kind == NodeKind.Person && to.Kind == NodeKind.Person)
            db.Audit!.Record(AuditAction.Create, "association", association.Id.ToString(), to.Id, new { with = from.Id, type = association.Type.Kebab() });
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<Association>.Ok(association);
    }
}
