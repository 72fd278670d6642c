using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Sightline.Core;
using Sightline.Core.Data;
using Sightline.Core.People;

namespace Sightline.Web.Pages.People;

public sealed class EndFlagModel(PersonRecords records, SightlineDb db, TimeProvider clock) : SightlinePage
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty(SupportsGet = true)] public Guid FlagId { get; set; }
    [BindProperty] public DateParts EndDate { get; set; } = new();
    public string FlagName { get; private set; } = "";

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
        var outcome = await records.EndFlagAsync(Me, Id, FlagId, end, cancellationToken);
        if (FailureOf(outcome) is { } failure) return failure;
        return Redirect($"/people/{Id}");
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        if (!(await records.DecideAsync(Me, Id, cancellationToken)).Allowed) return false;
        FlagName = await db.PersonFlags.Where(f => f.Id == FlagId && f.PersonId == Id).Select(f => f.FlagType!.Name).FirstOrDefaultAsync(cancellationToken) ?? "";
        return FlagName != "";
    }
}
