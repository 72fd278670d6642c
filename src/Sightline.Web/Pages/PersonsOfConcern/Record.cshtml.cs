using Microsoft.AspNetCore.Mvc;
using Sightline.Core.Network;

namespace Sightline.Web.Pages.PersonsOfConcern;

/// <summary>One person of concern, with their disruption. Out of sight is not found; the view is audited.</summary>
public sealed class RecordModel(Sightline.Core.Network.PersonsOfConcern persons) : SightlinePage
{
    public PersonOfConcernRecord Record { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid personOfConcernId, CancellationToken cancellationToken)
    {
        var record = await persons.ViewAsync(Me, personOfConcernId, cancellationToken);
        if (record is null) return NotFound();
        Record = record;
        return Page();
    }
}
