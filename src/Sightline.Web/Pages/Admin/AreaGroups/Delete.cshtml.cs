using Microsoft.AspNetCore.Mvc;
using Sightline.Core.Performance;

namespace Sightline.Web.Pages.Admin.AreaGroups;

public sealed class DeleteModel(AreaGroupAdministration groups) : SightlinePage
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    public string Name { get; private set; } = "";
    public bool BuiltIn { get; private set; }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        var group = await groups.GetAsync(Id, cancellationToken);
        if (group is null) return false;
        Name = group.Name;
        BuiltIn = AreaGroupAdministration.IsBuiltIn(group.Key);
        return true;
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var outcome = await groups.DeleteAsync(Id, cancellationToken);
        if (outcome.NotFound) return NotFound();
        if (outcome.Succeeded) return Redirect("/admin/area-groups?done=deleted");
        await LoadAsync(cancellationToken);
        ModelState.AddModelError("", outcome.Refusal!);
        return Page();
    }
}
