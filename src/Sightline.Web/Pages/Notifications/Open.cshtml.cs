using Microsoft.AspNetCore.Mvc;
using Sightline.Core.Notifications;

namespace Sightline.Web.Pages.Notifications;

/// <summary>
/// Opening a notification: marks it read and follows its link. A GET because it is a link in the list;
/// marking one's own notification read is idempotent and harmless, so a forged request gains nothing.
/// Someone else's notification is not found, exactly like a missing one.
/// </summary>
public sealed class OpenModel(NotificationInbox inbox) : SightlinePage
{
    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var notification = await inbox.FindAsync(Me, id, cancellationToken);
        if (notification is null) return NotFound();
        await inbox.MarkReadAsync(Me, id, cancellationToken);
        return Redirect(IsLocal(notification.Link) ? notification.Link! : "/notifications");
    }

    /// <summary>Only paths on this site: never an open redirect.</summary>
    public static bool IsLocal(string? link) => link is { } l && l.StartsWith('/') && !l.StartsWith("//") && !l.StartsWith("/\\");
}
