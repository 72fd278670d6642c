using Microsoft.AspNetCore.Mvc;
using Sightline.Core;
using Sightline.Core.Network;

namespace Sightline.Web.Pages.Places;

public sealed class RecordModel(Sightline.Core.Network.Places places, NetworkQuery network, TimeProvider clock) : SightlinePage
{
    public PlaceRecord Record { get; private set; } = null!;
    public NetworkGraph Links { get; private set; } = new([], [], []);

    public async Task<IActionResult> OnGetAsync(Guid placeId, CancellationToken cancellationToken)
    {
        var record = await places.ViewAsync(Me, placeId, cancellationToken);
        if (record is null) return NotFound();
        Record = record;
        // What this place is linked to, one step out: only what the viewer may see (audited with the view).
        Links = (await network.ForAsync(Me, new NodeRef(NodeKind.Place, placeId), new NetworkFilter(1), clock.LondonToday().AddMonths(-1), cancellationToken))!;
        return Page();
    }
}
