using Microsoft.AspNetCore.Mvc;
using Sightline.Core;
using Sightline.Core.Panels;
using Sightline.Web.Api;
using Sightline.Web.Pages.Network;

namespace Sightline.Web.Pages.Panels;

/// <summary>
/// A panel's network, for its chair and members: the same list, graph and links worth a look as a young person's,
/// starting from everyone and everywhere the panel holds. Anyone else is told it does not exist.
/// </summary>
public sealed class NetworkModel(PanelNetwork network, TimeProvider clock) : SightlinePage
{
    [BindProperty(SupportsGet = true)] public Guid PanelId { get; set; }
    public PanelNetworkView View { get; private set; } = null!;
    public NetworkRequest Query { get; private set; } = null!;
    public NetworkBody Body { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Query = NetworkRequest.Read(Request.Query, clock.LondonToday());
        foreach (var (field, message) in Query.Errors.All) ModelState.AddModelError(field, message);
        var view = await network.ForAsync(Me, PanelId, Query.Filter, Query.SinceGiven ? Query.Since : null, cancellationToken);
        if (view is null) return NotFound();
        View = view;
        Body = NetworkBody.For(PanelId, view.Graph, Query, view.Since, $"/panels/{PanelId}/network",
            "The panel's last meeting unless you change it.", "The panel's young people, persons of concern and places are outlined.");
        return Page();
    }
}
