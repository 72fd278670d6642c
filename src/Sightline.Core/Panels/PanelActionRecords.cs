using Microsoft.EntityFrameworkCore;
using Sightline.Core.Access;
using Sightline.Core.Actions;
using Sightline.Core.Audit;
using Sightline.Core.Data;

namespace Sightline.Core.Panels;

/// <summary>A new action: owner by id (pages) or by email / agency name (API); the agenda item when it is about one.</summary>
public sealed record PanelActionInput(string? Title, Guid? OwnerUserId, string? OwnerUserEmail, Guid? OwnerAgencyId, string? OwnerAgencyName, DateOnly? DueOn, Guid? AgendaItemId);

/// <summary>An action with the panel and meeting it came from, for the tracker.</summary>
public sealed record TrackedPanelAction(PanelAction Action, Guid PanelId, string PanelName, DateOnly MeetingDate);

public enum ActionFilter { Open, Overdue, Done, All }

/// <summary>How well a panel's actions get done: of those due by today (cancelled ones aside), how many are done, and how many on time.</summary>
public sealed record CompletionRate(string Group, int Due, int Done, int DoneOnTime, int Overdue)
{
    public double? Rate => Due == 0 ? null : (double)Done / Due;

    /// <summary>Per group (a panel, an agency): pure arithmetic over the actions' states.</summary>
    public static IReadOnlyList<CompletionRate> Of<T>(IEnumerable<T> actions, Func<T, string> group, Func<T, PanelAction> action, DateOnly today) =>
        actions.GroupBy(group).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g =>
        {
            var due = g.Select(action).Where(a => a.Status != ActionStatus.Cancelled && (a.DueOn <= today || a.Status == ActionStatus.Done)).ToList();
            var done = due.Where(a => a.Status == ActionStatus.Done).ToList();
            return new CompletionRate(g.Key, due.Count, done.Count,
                done.Count(a => a.CompletedAt is { } at && London.DateOf(at) <= a.DueOn), due.Count(a => a.IsOverdueOn(today)));
        }).ToList();
}

/// <summary>
/// Actions agreed at meetings. The panel's chair and members add them; the owner (or, for an
/// agency's action, anyone in that agency) and the panel progress them. The tracker shows a user
/// the actions of the panels they sit on and the ones they or their agency own.
/// </summary>
public sealed class PanelActionRecords(SightlineDb db, TimeProvider clock)
{
    private const int MaxText = 2000;
    private DateOnly Today => clock.LondonToday();

    public async Task<Outcome<PanelAction>> AddAsync(CurrentUser user, Guid meetingId, PanelActionInput input, CancellationToken cancellationToken = default)
    {
        var meeting = await db.Meetings.AsNoTracking().Include(m => m.Panel).ThenInclude(p => p!.Members).FirstOrDefaultAsync(m => m.Id == meetingId, cancellationToken);
        if (meeting is null || !meeting.Panel!.IsMember(user.UserId)) return Outcome<PanelAction>.Missing();
        if (meeting.Status == MeetingStatus.Draft)
            return meeting.Panel.ChairUserId == user.UserId ? Outcome<PanelAction>.Refused("Issue the agenda before agreeing actions.") : Outcome<PanelAction>.Missing();
        var errors = new ValidationErrors();
        if (string.IsNullOrWhiteSpace(input.Title)) errors.Add("title", "Enter the action");
        else if (input.Title.Length > MaxText) errors.Add("title", $"The action must be {MaxText:N0} characters or fewer");
        var ownerUserId = input.OwnerUserId;
        var ownerAgencyId = input.OwnerAgencyId;
        var byUser = ownerUserId is not null || !string.IsNullOrWhiteSpace(input.OwnerUserEmail);
        var byAgency = ownerAgencyId is not null || !string.IsNullOrWhiteSpace(input.OwnerAgencyName);
        if (byUser && byAgency) errors.Add("owner", "Give one owner: a person or an agency, not both");
        else if (!byUser && !byAgency) errors.Add("owner", "Select who will do it: a person or an agency");
        else if (byUser)
        {
            var email = input.OwnerUserEmail?.Trim().ToUpperInvariant();
            ownerUserId = await db.Users.Where(u => u.IsActive && (ownerUserId != null ? u.Id == ownerUserId : u.NormalizedEmail == email)).Select(u => (Guid?)u.Id).FirstOrDefaultAsync(cancellationToken);
            if (ownerUserId is null) errors.Add(input.OwnerUserEmail is null ? "owner" : "ownerUserEmail", "There is no active user with this email address");
        }
        else
        {
            var name = input.OwnerAgencyName?.Trim();
            ownerAgencyId = await db.Agencies.Where(a => a.IsActive && (ownerAgencyId != null ? a.Id == ownerAgencyId : a.Name == name)).Select(a => (Guid?)a.Id).FirstOrDefaultAsync(cancellationToken);
            if (ownerAgencyId is null) errors.Add(input.OwnerAgencyName is null ? "owner" : "ownerAgency", "There is no active agency with this name");
        }
        if (input.DueOn is not { } due) errors.Add("dueDate", "Enter the date it is due by");
        else if (due < meeting.Date) errors.Add("dueDate", "The due date must be on or after the date of the meeting");
        Guid? personId = null;
        if (input.AgendaItemId is { } itemId)
        {
            var item = await db.AgendaItems.AsNoTracking().FirstOrDefaultAsync(i => i.Id == itemId && i.MeetingId == meetingId && i.RemovedAt == null, cancellationToken);
            if (item is null) errors.Add("agendaItemId", "Select an item of this meeting's agenda");
            personId = item?.PersonId;
        }
        if (errors.Any) return Outcome<PanelAction>.Invalid(errors);
        var action = new PanelAction
        {
            MeetingId = meetingId, AgendaItemId = input.AgendaItemId, PersonId = personId, Title = input.Title!.Trim(),
            OwnerUserId = ownerUserId, OwnerAgencyId = ownerUserId is null ? ownerAgencyId : null, DueOn = input.DueOn!.Value,
            CreatedByUserId = user.UserId, CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.PanelActions.Add(action);
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<PanelAction>.Ok(action);
    }

    /// <summary>Who may see and progress an action: its panel's chair and members, its owner, and the owner agency's people.</summary>
    private static System.Linq.Expressions.Expression<Func<PanelAction, bool>> Concerns(CurrentUser user)
    {
        var (userId, agencyId) = (user.UserId, user.AgencyId);
        return a => a.OwnerUserId == userId || a.OwnerAgencyId == agencyId
            || a.Meeting!.Panel!.ChairUserId == userId || a.Meeting.Panel.Members.Any(m => m.UserId == userId);
    }

    public async Task<Outcome<PanelAction>> ProgressAsync(CurrentUser user, Guid actionId, ActionProgress input, Guid expectedVersion, CancellationToken cancellationToken = default)
    {
        var action = await db.PanelActions.Where(Concerns(user)).FirstOrDefaultAsync(a => a.Id == actionId, cancellationToken);
        if (action is null) return Outcome<PanelAction>.Missing();
        var errors = OwnedAction.Check(input);
        if (errors.Any) return Outcome<PanelAction>.Invalid(errors);
        if (action.Version != expectedVersion) return Outcome<PanelAction>.Stale();
        action.Apply(input, clock.GetUtcNow().UtcDateTime);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome<PanelAction>.Stale();
        }
        return Outcome<PanelAction>.Ok(action);
    }

    public async Task<TrackedPanelAction?> FindAsync(CurrentUser user, Guid actionId, CancellationToken cancellationToken = default) =>
        (await TrackAsync(user, ActionFilter.All, actionId, cancellationToken)).FirstOrDefault();

    /// <summary>The tracker: actions the user may see, filtered; audited as a list (no personal data in the titles is assumed, but who looked is kept).</summary>
    public async Task<List<TrackedPanelAction>> TrackAsync(CurrentUser user, ActionFilter filter, Guid? actionId = null, CancellationToken cancellationToken = default)
    {
        var today = Today;
        var query = db.PanelActions.AsNoTracking().Include(a => a.OwnerUser).Include(a => a.OwnerAgency).Where(Concerns(user));
        if (actionId is { } id) query = query.Where(a => a.Id == id);
        query = filter switch
        {
            ActionFilter.Open => query.Where(a => a.Status == ActionStatus.NotStarted || a.Status == ActionStatus.InProgress),
            ActionFilter.Overdue => query.Where(a => (a.Status == ActionStatus.NotStarted || a.Status == ActionStatus.InProgress) && a.DueOn < today),
            ActionFilter.Done => query.Where(a => a.Status == ActionStatus.Done),
            _ => query,
        };
        var rows = await query.OrderBy(a => a.DueOn).ThenBy(a => a.CreatedAt)
            .Select(a => new { a, a.Meeting!.PanelId, PanelName = a.Meeting.Panel!.Name, a.Meeting.Date }).Take(2000).ToListAsync(cancellationToken);
        db.Audit!.Record(AuditAction.View, "panel-action", actionId?.ToString(), null, new { list = "panel-actions", filter = filter.ToString(), count = rows.Count });
        await db.SaveChangesAsync(cancellationToken);
        return rows.Select(r => new TrackedPanelAction(r.a, r.PanelId, r.PanelName, r.Date)).ToList();
    }
}
