using Microsoft.AspNetCore.Mvc;
using Sightline.Core.People;

namespace Sightline.Web.Pages.Admin.FlagTypes;

public sealed class AddModel(FlagTypeAdministration flagTypes) : SightlinePage
{
    [BindProperty] public string? Key { get; set; }
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? Description { get; set; }
    [BindProperty] public string? HasLevel { get; set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var outcome = await flagTypes.CreateAsync(new FlagTypeInput(Key, Name, Description, AdminForm.ReadBool(HasLevel)), cancellationToken);
        if (outcome.Errors is not null)
        {
            AddErrors(outcome.Errors);
            return Page();
        }
        return Redirect("/admin/flag-types?done=added");
    }
}
