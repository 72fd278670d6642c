using Microsoft.AspNetCore.Mvc;
using Sightline.Core.Performance;

namespace Sightline.Web.Pages.Admin.AreaGroups;

public sealed class AddModel(AreaGroupAdministration groups) : AreaGroupFormPage(groups)
{
    public Task OnGetAsync(CancellationToken cancellationToken) => LoadAreasAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken) =>
        await AnswerAsync(await Groups.CreateAsync(Name, MemberIds, cancellationToken), "added", cancellationToken);
}
