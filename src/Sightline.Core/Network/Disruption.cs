using Microsoft.EntityFrameworkCore;
using Sightline.Core.Access;
using Sightline.Core.Data;

namespace Sightline.Core.Network;

public sealed record DisruptionInput(Guid? TacticId, Guid? LeadAgencyId, DateOnly? StartDate, DateOnly? EndDate, DisruptionStatus? Status, string? Outcome);

/// <summary>Disruption activity against a person of concern or a place, recorded by anyone who may see the target.</summary>
public sealed class Disruption(SightlineDb db, PersonsOfConcern persons, Places places, TimeProvider clock)
{
    public static async Task<IReadOnlyList<DisruptionActivity>> ForAsync(SightlineDb db, NodeKind kind, Guid id, CancellationToken cancellationToken) =>
        await db.DisruptionActivities.AsNoTracking().Include(d => d.Tactic).Include(d => d.LeadAgency)
            .Where(d => d.TargetKind == kind && d.TargetId == id)
            .OrderByDescending(d => d.StartDate).ThenByDescending(d => d.RecordedAt).ToListAsync(cancellationToken);

    public async Task<Outcome<DisruptionActivity>> AddAsync(CurrentUser user, NodeKind kind, Guid targetId, DisruptionInput input, CancellationToken cancellationToken = default)
    {
        var visible = kind switch
        {
            NodeKind.PersonOfConcern => await persons.CanSeeAsync(user, targetId, cancellationToken),
            NodeKind.Place => await places.CanSeeAsync(user, targetId, cancellationToken),
            _ => false,
        };
        if (!visible) return Outcome<DisruptionActivity>.Missing();
        var errors = new ValidationErrors();
        if (input.TacticId is null || !await db.DisruptionTactics.AnyAsync(t => t.Id == input.TacticId && t.IsActive, cancellationToken))
            errors.Add("tactic", "Select the disruption tactic");
        if (input.LeadAgencyId is null || !await db.Agencies.AnyAsync(a => a.Id == input.LeadAgencyId && a.IsActive, cancellationToken))
            errors.Add("leadAgency", "Select the lead agency");
        if (input.StartDate is null) errors.Add("startDate", "Enter the start date");
        if (input.EndDate < input.StartDate) errors.Add("endDate", "The end date must be on or after the start date");
        if (input.Status is null) errors.Add("status", "Select the status");
        if (input.Outcome?.Length > 4000) errors.Add("outcome", "The outcome must be 4000 characters or fewer");
        if (errors.Any) return Outcome<DisruptionActivity>.Invalid(errors);
        var activity = new DisruptionActivity
        {
            TargetKind = kind, TargetId = targetId, TacticId = input.TacticId!.Value, LeadAgencyId = input.LeadAgencyId!.Value,
            StartDate = input.StartDate!.Value, EndDate = input.EndDate, Status = input.Status!.Value, Outcome = Text.Blank(input.Outcome),
            RecordedAt = clock.GetUtcNow().UtcDateTime, RecordedByUserId = user.UserId,
        };
        db.DisruptionActivities.Add(activity);
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<DisruptionActivity>.Ok(activity);
    }
}
