using Microsoft.AspNetCore.Mvc;
using Sightline.Core;
using Sightline.Core.People;

namespace Sightline.Web.Pages.People;

public sealed class RecordModel(PersonRecords records, TimeProvider clock) : SightlinePage
{
    public PersonRecord? Record { get; private set; }
    public DateOnly Today => clock.LondonToday();
    [BindProperty(SupportsGet = true)] public bool Created { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        Record = await records.ViewAsync(Me, id, cancellationToken);
        if (Record is not null) return Page();
        var decision = await records.DecideAsync(Me, id, cancellationToken);
        // Only an existing record outside need-to-know offers break-glass; anything else is simply not found.
        return decision.Exists ? Redirect($"/people/{id}/break-glass") : NotFound();
    }
}
