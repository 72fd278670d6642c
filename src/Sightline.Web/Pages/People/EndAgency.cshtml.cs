using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Sightline.Core.Data;
using Sightline.Core.People;

namespace Sightline.Web.Pages.People;

public sealed class EndAgencyModel(PersonRecords records, SightlineDb db, TimeProvider clock) : EndDatedItemPage(records, clock)
{
    [BindProperty(SupportsGet = true)] public Guid InvolvementId { get; set; }

    protected override Task<string?> FindItemNameAsync(CancellationToken cancellationToken) =>
        db.AgencyInvolvements.Where(a => a.Id == InvolvementId && a.PersonId == Id).Select(a => a.Agency!.Name).FirstOrDefaultAsync(cancellationToken);

    protected override async Task<IActionResult?> EndAsync(DateOnly? endDate, CancellationToken cancellationToken) =>
        FailureOf(await Records.EndAgencyAsync(Me, Id, InvolvementId, endDate, cancellationToken));

    /// <summary>Ending your own agency's involvement can end your access: go back to search rather than to a 404.</summary>
    protected override async Task<IActionResult> AfterEndingAsync(CancellationToken cancellationToken) =>
        (await Records.DecideAsync(Me, Id, cancellationToken)).Allowed ? Redirect($"/people/{Id}") : Redirect("/people");
}
