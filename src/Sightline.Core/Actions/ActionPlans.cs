using Microsoft.EntityFrameworkCore;
using Sightline.Core.Access;
using Sightline.Core.Assessments;
using Sightline.Core.Audit;
using Sightline.Core.Data;

namespace Sightline.Core.Actions;

public sealed record ActionInput(string? DomainKey, string? AreaOfNeed, string? DesiredOutcome, string? Action, Guid? OwnerUserId, Guid? OwnerAgencyId, DateOnly? DueOn);

public sealed record ActionProgress(ActionStatus? Status, string? CompletionNote);

/// <summary>One action as its page shows it: the young person, and the form of the assessment it belongs to (for the domain's title).</summary>
public sealed record ActionView(ActionItem Item, PersonSummaryLine Person, string? FormVersion);

/// <summary>An open action with the young person it is for, for the trackers.</summary>
public sealed record TrackedAction(ActionItem Item, string PersonReference, string PersonName);

/// <summary>Action plans: rows added to a SEAM assessment, progressed by anyone who can see the record.</summary>
public sealed class ActionPlans(SightlineDb db, NeedToKnow needToKnow, TimeProvider clock)
{
    private const int MaxText = 2000;
    private DateOnly Today => clock.LondonToday();

    public async Task<Outcome<ActionItem>> AddToSeamAsync(CurrentUser user, Guid assessmentId, ActionInput input, CancellationToken cancellationToken = default)
    {
        var assessment = await db.SeamAssessments.AsNoTracking().FirstOrDefaultAsync(s => s.Id == assessmentId, cancellationToken);
        if (assessment is null || !(await needToKnow.DecideAsync(user, assessment.PersonId, cancellationToken)).Allowed) return Outcome<ActionItem>.Missing();
        if (assessment.Status == SeamStatus.Superseded) return Outcome<ActionItem>.Refused("This assessment has been superseded by a review: add actions to the review.");
        var errors = new ValidationErrors();
        if (input.DomainKey is { Length: > 0 } key && assessment.Form.Domain(key) is null) errors.Add("domainKey", "Select an area of the assessment from the list");
        Require(errors, "areaOfNeed", input.AreaOfNeed, "Enter the area of need or risk", 500);
        Require(errors, "desiredOutcome", input.DesiredOutcome, "Enter the desired outcome", MaxText);
        Require(errors, "action", input.Action, "Enter the action", MaxText);
        if (input.OwnerUserId is null && input.OwnerAgencyId is null) errors.Add("owner", "Select who will do it: a person or an agency");
        if (input.OwnerUserId is { } ownerId && !await db.Users.AnyAsync(u => u.Id == ownerId && u.IsActive, cancellationToken)) errors.Add("owner", "Select a person from the list");
        if (input.OwnerAgencyId is { } agencyId && !await db.Agencies.AnyAsync(a => a.Id == agencyId && a.IsActive, cancellationToken)) errors.Add("owner", "Select an agency from the list");
        if (input.DueOn is not { } due) errors.Add("dueOn", "Enter the date it is due by");
        else if (due < Today) errors.Add("dueOn", "The due date must be today or in the future");
        if (errors.Any) return Outcome<ActionItem>.Invalid(errors);
        var item = new ActionItem
        {
            PersonId = assessment.PersonId, SeamAssessmentId = assessment.Id, DomainKey = string.IsNullOrWhiteSpace(input.DomainKey) ? null : input.DomainKey,
            AreaOfNeed = input.AreaOfNeed!.Trim(), DesiredOutcome = input.DesiredOutcome!.Trim(), Action = input.Action!.Trim(),
            OwnerUserId = input.OwnerUserId, OwnerAgencyId = input.OwnerUserId is null ? input.OwnerAgencyId : null,
            DueOn = input.DueOn!.Value, CreatedByUserId = user.UserId, CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.ActionItems.Add(item);
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<ActionItem>.Ok(item);
    }

    public async Task<Outcome<ActionItem>> ProgressAsync(CurrentUser user, Guid actionId, ActionProgress input, Guid expectedVersion, CancellationToken cancellationToken = default)
    {
        var item = await db.ActionItems.FirstOrDefaultAsync(a => a.Id == actionId, cancellationToken);
        if (item is null || !(await needToKnow.DecideAsync(user, item.PersonId, cancellationToken)).Allowed) return Outcome<ActionItem>.Missing();
        var errors = OwnedAction.Check(input);
        if (errors.Any) return Outcome<ActionItem>.Invalid(errors);
        if (item.Version != expectedVersion) return Outcome<ActionItem>.Stale();
        item.Apply(input, clock.GetUtcNow().UtcDateTime);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome<ActionItem>.Stale();
        }
        return Outcome<ActionItem>.Ok(item);
    }

    /// <summary>One action with its young person; null when the user may not see the record. Audited.</summary>
    public async Task<ActionView?> ViewAsync(CurrentUser user, Guid actionId, CancellationToken cancellationToken = default)
    {
        var item = await db.ActionItems.AsNoTracking().Include(a => a.OwnerUser).Include(a => a.OwnerAgency).FirstOrDefaultAsync(a => a.Id == actionId, cancellationToken);
        if (item is null || !(await needToKnow.DecideAsync(user, item.PersonId, cancellationToken)).Allowed) return null;
        var person = await db.People.AsNoTracking().Where(p => p.Id == item.PersonId)
            .Select(p => new PersonSummaryLine(p.Id, p.Reference, p.FirstName + " " + p.LastName, p.DateOfBirth)).FirstAsync(cancellationToken);
        var form = item.SeamAssessmentId is { } seamId
            ? await db.SeamAssessments.Where(s => s.Id == seamId).Select(s => s.FormVersion).FirstOrDefaultAsync(cancellationToken)
            : null;
        await db.Audit!.RecordNowAsync(AuditAction.View, "action-item", actionId.ToString(), item.PersonId, cancellationToken: cancellationToken);
        return new ActionView(item, person, form);
    }

    /// <summary>The plan of one assessment (the caller has already checked, and audited, the view of the assessment).</summary>
    public Task<List<ActionItem>> ForSeamAsync(Guid assessmentId, CancellationToken cancellationToken = default) =>
        db.ActionItems.AsNoTracking().Include(a => a.OwnerUser).Include(a => a.OwnerAgency)
            .Where(a => a.SeamAssessmentId == assessmentId).OrderBy(a => a.DueOn).ThenBy(a => a.CreatedAt).ToListAsync(cancellationToken);

    /// <summary>Open actions for the user: theirs by name, and their agency's where no one is named.</summary>
    public Task<List<TrackedAction>> MineAsync(CurrentUser user, CancellationToken cancellationToken = default) =>
        Tracked(user, a => a.OwnerUserId == user.UserId || a.OwnerAgencyId == user.AgencyId, cancellationToken);

    /// <summary>For a manager: overdue actions owned by their team, their agency, or named people in their agency.</summary>
    public async Task<List<TrackedAction>> OverdueForManagerAsync(CurrentUser user, CancellationToken cancellationToken = default)
    {
        if (!user.IsManager) return [];
        var today = Today;
        var agencyId = user.AgencyId;
        return await Tracked(user, a => a.DueOn < today && (a.OwnerAgencyId == agencyId || a.OwnerUser!.AgencyId == agencyId), cancellationToken);
    }

    private async Task<List<TrackedAction>> Tracked(CurrentUser user, System.Linq.Expressions.Expression<Func<ActionItem, bool>> filter, CancellationToken cancellationToken)
    {
        var visible = needToKnow.VisiblePeople(user);
        var rows = await (from a in db.ActionItems.AsNoTracking().Include(a => a.OwnerUser).Include(a => a.OwnerAgency).Where(filter)
                          where (a.Status == ActionStatus.NotStarted || a.Status == ActionStatus.InProgress) && visible.Contains(a.PersonId)
                          join p in db.People on a.PersonId equals p.Id
                          orderby a.DueOn
                          select new { a, p.Reference, Name = p.FirstName + " " + p.LastName }).Take(500).ToListAsync(cancellationToken);
        return rows.Select(r => new TrackedAction(r.a, r.Reference, r.Name)).ToList();
    }

    private static void Require(ValidationErrors errors, string field, string? value, string message, int max)
    {
        if (string.IsNullOrWhiteSpace(value)) errors.Add(field, message);
        else if (value.Length > max) errors.Add(field, $"This must be {max:N0} characters or fewer");
    }
}
