using Microsoft.AspNetCore.Mvc;
using Sightline.Core;
using Sightline.Core.Performance;

namespace Sightline.Web.Pages.Admin.AreaGroups;

/// <summary>The add and change pages' shared form: a name and the member areas, chosen with checkboxes.</summary>
public abstract class AreaGroupFormPage(AreaGroupAdministration groups) : SightlinePage
{
    protected AreaGroupAdministration Groups => groups;

    [BindProperty] public string? Name { get; set; }
    [BindProperty] public List<string> Members { get; set; } = [];
    public IReadOnlyList<Area> Areas { get; private set; } = [];

    public IEnumerable<(string Value, string Text)> AreaOptions => Areas.Select(a => (a.Id.ToString(), a.Name));

    protected async Task LoadAreasAsync(CancellationToken cancellationToken) => Areas = await groups.AreasAsync(cancellationToken);

    /// <summary>The chosen members; an unreadable value becomes <see cref="Guid.Empty"/>, which matches no area, so it is reported, not dropped.</summary>
    protected IReadOnlyCollection<Guid> MemberIds => Members.Select(m => AdminForm.ReadGuid(m) ?? Guid.Empty).ToList();

    /// <summary>The form again with the outcome's errors, or the list on success.</summary>
    protected async Task<IActionResult> AnswerAsync(Outcome<AreaGroup> outcome, string done, CancellationToken cancellationToken)
    {
        if (outcome.NotFound) return NotFound();
        if (outcome.Succeeded) return Redirect($"/admin/area-groups?done={done}");
        AddErrors(outcome.Errors!);
        await LoadAreasAsync(cancellationToken);
        return Page();
    }
}
