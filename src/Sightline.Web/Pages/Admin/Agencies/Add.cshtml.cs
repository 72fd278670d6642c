using Microsoft.AspNetCore.Mvc;
using Sightline.Core.Access;

namespace Sightline.Web.Pages.Admin.Agencies;

public sealed class AddModel(UserAdministration admin) : SightlinePage
{
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? Kind { get; set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var outcome = await admin.CreateAgencyAsync(Name, AdminForm.ReadKind(Kind), cancellationToken);
        if (outcome.Errors is not null)
        {
            AddErrors(outcome.Errors);
            return Page();
        }
        return Redirect($"/admin/agencies/{outcome.Value!.Id}?done=added");
    }
}
