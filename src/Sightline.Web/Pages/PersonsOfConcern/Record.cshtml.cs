using Microsoft.AspNetCore.Mvc;
using Sightline.Core;
using Sightline.Core.Network;

namespace Sightline.Web.Pages.PersonsOfConcern;

/// <summary>One person of concern, with their disruption. Out of sight is not found; the view is audited.</summary>
public sealed class RecordModel(Sightline.Core.Network.PersonsOfConcern persons, NetworkQuery network, TimeProvider clock) : SightlinePage
{
    public PersonOfConcernRecord Record { get; private set; } = null!;
    public NetworkGraph Links { get; private set; } = new([], [], []);

    public async Task<IActionResult> OnGetAsync(Guid personOfConcernId, CancellationToken cancellationToken)
    {
        var record = await persons.ViewAsync(Me, personOfConcernId, cancellationToken);
        if (record is null) return NotFound();
        Record = record;
        // What this person is linked to, one step out: only what the viewer may see (audited with the view).
        Links = (await network.ForAsync(Me, new NodeRef(NodeKind.PersonOfConcern, personOfConcernId), new NetworkFilter(1), clock.LondonToday().AddMonths(-1), cancellationToken))!;
        return Page();
    }
}
