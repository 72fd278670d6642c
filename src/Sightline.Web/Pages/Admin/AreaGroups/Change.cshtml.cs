using Microsoft.AspNetCore.Mvc;
using Sightline.Core.Performance;

namespace Sightline.Web.Pages.Admin.AreaGroups;

public sealed class ChangeModel(AreaGroupAdministration groups) : AreaGroupFormPage(groups)
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    public string Key { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var group = await Groups.GetAsync(Id, cancellationToken);
        if (group is null) return NotFound();
        Key = group.Key;
        Name = group.Name;
        Members = group.Members.Select(m => m.AreaId.ToString()).ToList();
        await LoadAreasAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Key = (await Groups.GetAsync(Id, cancellationToken))?.Key ?? "";
        return await AnswerAsync(await Groups.UpdateAsync(Id, Name, MemberIds, cancellationToken), "changed", cancellationToken);
    }
}
