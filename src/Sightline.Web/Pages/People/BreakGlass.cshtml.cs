using Microsoft.AspNetCore.Mvc;
using Sightline.Core.People;

namespace Sightline.Web.Pages.People;

public sealed class BreakGlassModel(PersonRecords records) : SightlinePage
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty] public string? Reason { get; set; }
    public bool IsRestricted { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var decision = await records.DecideAsync(Me, Id, cancellationToken);
        if (!decision.Exists) return NotFound();
        if (decision.Allowed) return Redirect($"/people/{Id}");
        IsRestricted = decision.IsRestricted;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var outcome = await records.BreakGlassAsync(Me, Id, Reason, cancellationToken);
        if (outcome.NotFound) return NotFound();
        if (outcome.Errors is not null)
        {
            AddErrors(outcome.Errors);
            IsRestricted = (await records.DecideAsync(Me, Id, cancellationToken)).IsRestricted;
            return Page();
        }
        return Redirect($"/people/{Id}");
    }
}
