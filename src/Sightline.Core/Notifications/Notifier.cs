using Microsoft.EntityFrameworkCore;
using Sightline.Core.Access;
using Sightline.Core.Data;

namespace Sightline.Core.Notifications;

/// <summary>Whether notifications also go out by email (set when SMTP is configured).</summary>
public sealed class NotificationOptions
{
    public bool SendEmail { get; set; }
}

/// <summary>
/// Adds notifications to the unit of work of the change that causes them, so they are saved (and
/// audited) in the same transaction: a referral is never made without its notification, or the
/// other way round. Emails are sent afterwards from the outbox (<see cref="EmailState.Pending"/>).
/// </summary>
public sealed class Notifier(SightlineDb db, TimeProvider clock, Microsoft.Extensions.Options.IOptions<NotificationOptions> options)
{
    public void Notify(IEnumerable<Guid> userIds, string kind, string title, string body, string? link = null, Guid? personId = null)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var userId in userIds.Distinct())
        {
            db.Notifications.Add(new Notification
            {
                UserId = userId, Kind = kind, Title = title, Body = body, Link = link, PersonId = personId, CreatedAt = now,
                EmailState = options.Value.SendEmail ? EmailState.Pending : EmailState.NotSent,
            });
        }
    }

    public Task<List<Guid>> SeniorManagersAsync(CancellationToken cancellationToken) =>
        db.Users.Where(u => u.IsActive && u.Role == Role.SeniorManager).Select(u => u.Id).ToListAsync(cancellationToken);
}

/// <summary>A user's own notifications.</summary>
public sealed class NotificationInbox(SightlineDb db, TimeProvider clock)
{
    public Task<List<Notification>> ListAsync(CurrentUser user, int take = 100, CancellationToken cancellationToken = default) =>
        db.Notifications.AsNoTracking().Where(n => n.UserId == user.UserId)
            .OrderByDescending(n => n.CreatedAt).Take(take).ToListAsync(cancellationToken);

    /// <summary>One of the user's own notifications, or null (someone else's is not found).</summary>
    public Task<Notification?> FindAsync(CurrentUser user, Guid id, CancellationToken cancellationToken = default) =>
        db.Notifications.AsNoTracking().FirstOrDefaultAsync(n => n.Id == id && n.UserId == user.UserId, cancellationToken);

    public Task<int> UnreadCountAsync(CurrentUser user, CancellationToken cancellationToken = default) =>
        db.Notifications.CountAsync(n => n.UserId == user.UserId && n.ReadAt == null, cancellationToken);

    /// <summary>Marks the user's own notifications read (all of them when no id is given). Someone else's are left alone.</summary>
    public async Task<int> MarkReadAsync(CurrentUser user, Guid? id = null, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var unread = await db.Notifications
            .Where(n => n.UserId == user.UserId && n.ReadAt == null && (id == null || n.Id == id))
            .ToListAsync(cancellationToken);
        foreach (var notification in unread) notification.ReadAt = now;
        await db.SaveChangesAsync(cancellationToken);
        return unread.Count;
    }
}
