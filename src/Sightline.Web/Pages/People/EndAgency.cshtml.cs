using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Sightline.Core;
using Sightline.Core.Data;
using Sightline.Core.People;

namespace Sightline.Web.Pages.People;

public sealed class EndAgencyModel(PersonRecords records, SightlineDb db, TimeProvider clock) : SightlinePage
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty(SupportsGet = true)] public Guid InvolvementId { get; set; }
    [BindProperty] public DateParts EndDate { get; set; } = new();
    public string AgencyName { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken)) return NotFound();
        EndDate = DateParts.From(clock.LondonToday());
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken)) return NotFound();
        var end = ReadDate("endDate", EndDate, "the end date");
        if (!ModelState.IsValid) return Page();
        var outcome = await records.EndAgencyAsync(Me, Id, InvolvementId, end, cancellationToken);
        if (FailureOf(outcome) is { } failure) return failure;
        // Ending your own agency's involvement can end your access: go back to search rather than to a 404.
        return (await records.DecideAsync(Me, Id, cancellationToken)).Allowed ? Redirect($"/people/{Id}") : Redirect("/people");
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        if (!(await records.DecideAsync(Me, Id, cancellationToken)).Allowed) return false;
        AgencyName = await db.AgencyInvolvements.Where(a => a.Id == InvolvementId && a.PersonId == Id).Select(a => a.Agency!.Name).FirstOrDefaultAsync(cancellationToken) ?? "";
        return AgencyName != "";
    }
}
