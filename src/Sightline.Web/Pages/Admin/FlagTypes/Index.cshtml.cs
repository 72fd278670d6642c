using Microsoft.AspNetCore.Mvc;
using Sightline.Core.People;

namespace Sightline.Web.Pages.Admin.FlagTypes;

public sealed class IndexModel(FlagTypeAdministration flagTypes) : SightlinePage
{
    [FromQuery(Name = "done")] public string? DoneKey { get; set; }
    public IReadOnlyList<FlagType> Types { get; private set; } = [];

    public string? Done => DoneKey switch
    {
        "added" => "Flag type added",
        "changed" => "Flag type saved",
        _ => null,
    };

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Types = await flagTypes.ListAsync(cancellationToken);
}
