using Microsoft.AspNetCore.Mvc;
using Sightline.Core.People;

namespace Sightline.Web.Pages.Admin.FlagTypes;

public sealed class ChangeModel(FlagTypeAdministration flagTypes) : SightlinePage
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? Description { get; set; }
    [BindProperty] public string? Active { get; set; }
    public FlagType? Type { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Type = await flagTypes.GetAsync(Id, cancellationToken);
        if (Type is null) return NotFound();
        Name = Type.Name;
        Description = Type.Description;
        Active = AdminForm.Write(Type.IsActive);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var outcome = await flagTypes.UpdateAsync(Id, Name, Description, AdminForm.ReadBool(Active), cancellationToken);
        if (outcome.NotFound) return NotFound();
        if (outcome.Succeeded) return Redirect("/admin/flag-types?done=changed");
        Type = await flagTypes.GetAsync(Id, cancellationToken);
        if (Type is null) return NotFound();
        AddErrors(outcome.Errors!);
        return Page();
    }
}
