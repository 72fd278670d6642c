using Microsoft.AspNetCore.Mvc;
using Sightline.Core.Network;

namespace Sightline.Web.Pages.Places;

public sealed class RecordModel(Sightline.Core.Network.Places places) : SightlinePage
{
    public PlaceRecord Record { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid placeId, CancellationToken cancellationToken)
    {
        var record = await places.ViewAsync(Me, placeId, cancellationToken);
        if (record is null) return NotFound();
        Record = record;
        return Page();
    }
}
