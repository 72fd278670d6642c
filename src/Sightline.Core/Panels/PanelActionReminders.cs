using Microsoft.EntityFrameworkCore;
using Sightline.Core.Actions;
using Sightline.Core.Data;
using Sightline.Core.Notifications;

namespace Sightline.Core.Panels;

/// <summary>
/// Reminds the owners of panel actions a few days before the due date and again once overdue.
/// The owner is the named user, or for an agency's action the panel's chair and its members from
/// that agency. Each reminder is claimed with a conditional update in the transaction that writes
/// it (as <see cref="Missing.RhiReminders"/> does), so it goes once however many instances run.
/// </summary>
public sealed class PanelActionReminders(SightlineDb db, Notifier notifier, TimeProvider clock)
{
    public const int DaysBefore = 3;

    public async Task<int> RunOnceAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var today = clock.LondonToday();
        var soon = today.AddDays(DaysBefore);
        var candidates = await db.PanelActions.AsNoTracking()
            .Where(a => (a.Status == ActionStatus.NotStarted || a.Status == ActionStatus.InProgress) && a.DueOn <= soon
                && (a.DueSoonReminderAt == null || (a.OverdueReminderAt == null && a.DueOn < today)))
            .Select(a => new { a.Id, a.Title, a.DueOn, a.OwnerUserId, a.OwnerAgencyId, a.MeetingId, a.Meeting!.Panel!.ChairUserId, PanelId = a.Meeting.PanelId, PanelName = a.Meeting.Panel.Name })
            .Take(200).ToListAsync(cancellationToken);
        var sent = 0;
        foreach (var action in candidates)
        {
            var overdue = action.DueOn < today;
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var claimed = overdue
                ? await db.PanelActions.Where(a => a.Id == action.Id && a.OverdueReminderAt == null)
                    .ExecuteUpdateAsync(s => s.SetProperty(a => a.OverdueReminderAt, now).SetProperty(a => a.DueSoonReminderAt, a => a.DueSoonReminderAt ?? now), cancellationToken)
                : await db.PanelActions.Where(a => a.Id == action.Id && a.DueSoonReminderAt == null)
                    .ExecuteUpdateAsync(s => s.SetProperty(a => a.DueSoonReminderAt, now), cancellationToken);
            if (claimed == 0) continue;
            var recipients = action.OwnerUserId is { } owner
                ? [owner]
                : await db.PanelMembers.Where(m => m.PanelId == action.PanelId && m.User!.AgencyId == action.OwnerAgencyId && m.User.IsActive)
                    .Select(m => m.UserId).ToListAsync(cancellationToken);
            if (action.OwnerUserId is null) recipients.Add(action.ChairUserId);
            // Titles can name a young person: the notification says which panel and when, and links to the tracker.
            notifier.Notify(recipients, overdue ? "panel-action-overdue" : "panel-action-due-soon",
                overdue ? $"Panel action overdue ({action.PanelName})" : $"Panel action due soon ({action.PanelName})",
                overdue
                    ? $"An action agreed at {action.PanelName} was due by {action.DueOn.Display()} and is not done."
                    : $"An action agreed at {action.PanelName} is due by {action.DueOn.Display()}.",
                $"/panels/actions/{action.Id}");
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            sent++;
        }
        return sent;
    }
}
