using Microsoft.AspNetCore.Mvc;
using Sightline.Core.Network;

namespace Sightline.Web.Pages.PersonsOfConcern;

/// <summary>The persons of concern the user may see (police, named users), searchable by name or alias. The list is audited.</summary>
public sealed class IndexModel(Sightline.Core.Network.PersonsOfConcern persons) : SightlinePage
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    public IReadOnlyList<PersonOfConcernSummary> People { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        People = await persons.ListAsync(Me, Q?.Length > 200 ? Q[..200] : Q, cancellationToken);
}
