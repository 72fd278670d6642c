using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Sightline.Core.Data;
using Sightline.Core.People;

namespace Sightline.Web.Pages.People;

public sealed class EndFlagModel(PersonRecords records, SightlineDb db, TimeProvider clock) : EndDatedItemPage(records, clock)
{
    [BindProperty(SupportsGet = true)] public Guid FlagId { get; set; }

    protected override Task<string?> FindItemNameAsync(CancellationToken cancellationToken) =>
        db.PersonFlags.Where(f => f.Id == FlagId && f.PersonId == Id).Select(f => f.FlagType!.Name).FirstOrDefaultAsync(cancellationToken);

    protected override async Task<IActionResult?> EndAsync(DateOnly? endDate, CancellationToken cancellationToken) =>
        FailureOf(await Records.EndFlagAsync(Me, Id, FlagId, endDate, cancellationToken));
}
