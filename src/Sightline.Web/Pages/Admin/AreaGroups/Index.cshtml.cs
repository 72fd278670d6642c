using Microsoft.AspNetCore.Mvc;
using Sightline.Core.Performance;

namespace Sightline.Web.Pages.Admin.AreaGroups;

public sealed class IndexModel(AreaGroupAdministration groups) : SightlinePage
{
    [FromQuery(Name = "done")] public string? DoneKey { get; set; }
    public IReadOnlyList<AreaGroupSummary> Groups { get; private set; } = [];

    public string? Done => DoneKey switch
    {
        "added" => "Area group added",
        "changed" => "Area group saved",
        "deleted" => "Area group deleted",
        _ => null,
    };

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Groups = await groups.ListAsync(cancellationToken);
}
