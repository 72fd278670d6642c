using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Sightline.Core.Data;
using Sightline.Core.Notifications;

namespace Sightline.Core.Missing;

/// <summary>
/// Reminds the responsible worker and their managers when a return home interview is due soon
/// and again when it is overdue. Each reminder is claimed with a conditional update in the
/// transaction that writes it, so with several app instances running this, each goes exactly once.
/// </summary>
public sealed class RhiReminders(SightlineDb db, Notifier notifier, MissingRecords missing, TimeProvider clock, IOptions<MissingSettings> settings)
{
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var window = MissingRules.RhiWindow;
        var dueSoonFrom = now - window + TimeSpan.FromHours(settings.Value.DueSoonHours); // returned before this: due within DueSoonHours
        var overdueFrom = now - window;                                                   // returned before this: overdue
        var candidates = await db.MissingEpisodes.AsNoTracking()
            .Where(e => e.ReturnedAt != null && e.ReturnedAt <= dueSoonFrom
                && (e.Interview == null || (e.Interview.CompletedAt == null && e.Interview.Accepted != false))
                && (e.RhiDueSoonReminderAt == null || (e.RhiOverdueReminderAt == null && e.ReturnedAt <= overdueFrom)))
            .Select(e => new { e.Id, e.PersonId, ReturnedAt = e.ReturnedAt!.Value, e.ResponsibleUserId, e.RecordedByUserId, e.RhiDueSoonReminderAt })
            .Take(200).ToListAsync(cancellationToken);
        var sent = 0;
        foreach (var episode in candidates)
        {
            var overdue = episode.ReturnedAt <= overdueFrom;
            // Claim and notify in one transaction: only the instance whose update changes the row writes
            // the reminder, and a crash between the two leaves neither.
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var claimed = overdue
                ? await db.MissingEpisodes.Where(e => e.Id == episode.Id && e.RhiOverdueReminderAt == null)
                    .ExecuteUpdateAsync(s => s.SetProperty(e => e.RhiOverdueReminderAt, now).SetProperty(e => e.RhiDueSoonReminderAt, e => e.RhiDueSoonReminderAt ?? now), cancellationToken)
                : await db.MissingEpisodes.Where(e => e.Id == episode.Id && e.RhiDueSoonReminderAt == null)
                    .ExecuteUpdateAsync(s => s.SetProperty(e => e.RhiDueSoonReminderAt, now), cancellationToken);
            if (claimed == 0) continue;
            var reference = await db.People.Where(p => p.Id == episode.PersonId).Select(p => p.Reference).FirstAsync(cancellationToken);
            var worker = episode.ResponsibleUserId ?? episode.RecordedByUserId;
            var recipients = new List<Guid> { worker };
            recipients.AddRange(await missing.ManagersOfAsync(worker, cancellationToken));
            var due = episode.ReturnedAt + window;
            notifier.Notify(recipients, overdue ? "rhi-overdue" : "rhi-due-soon",
                overdue ? $"Return home interview overdue: {reference}" : $"Return home interview due soon: {reference}",
                overdue
                    ? $"The return home interview for {reference} was due by {due.Display()} (72 hours after the return) and is not recorded."
                    : $"The return home interview for {reference} is due by {due.Display()} (72 hours after the return).",
                $"/people/{episode.PersonId}/missing", episode.PersonId);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            sent++;
        }
        return sent;
    }
}
