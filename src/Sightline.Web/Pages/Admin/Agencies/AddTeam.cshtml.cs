using Microsoft.AspNetCore.Mvc;
using Sightline.Core.Access;

namespace Sightline.Web.Pages.Admin.Agencies;

public sealed class AddTeamModel(UserAdministration admin) : SightlinePage
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty] public string? Name { get; set; }
    public string AgencyName { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken)) return NotFound();
        var outcome = await admin.CreateTeamAsync(Id, Name, cancellationToken);
        if (outcome.Errors is not null)
        {
            // The agency is in the address, not the form: show its problems (e.g. it is inactive) at the top.
            foreach (var (field, message) in outcome.Errors.All)
                ModelState.AddModelError(field == "agencyId" ? "" : field, message);
            return Page();
        }
        return Redirect($"/admin/agencies/{Id}?done=team-added");
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        var agency = await admin.GetAgencyAsync(Id, cancellationToken);
        AgencyName = agency?.Name ?? "";
        return agency is not null;
    }
}
