using Microsoft.AspNetCore.Mvc;
using Sightline.Core.Notifications;

namespace Sightline.Web.Pages.Notifications;

/// <summary>The signed-in user's own notifications, for every role (the default signed-in policy).</summary>
public sealed class IndexModel(NotificationInbox inbox) : SightlinePage
{
    public List<Notification> Items { get; private set; } = [];
    [BindProperty(SupportsGet = true)] public bool Cleared { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Items = await inbox.ListAsync(Me, cancellationToken: cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await inbox.MarkReadAsync(Me, cancellationToken: cancellationToken);
        return Redirect("/notifications?cleared=true");
    }
}
