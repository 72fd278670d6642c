using Sightline.Core.Access;

namespace Sightline.Web.Pages.Admin.Agencies;

public sealed class IndexModel(UserAdministration admin) : SightlinePage
{
    public IReadOnlyList<AgencySummary> Agencies { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Agencies = await admin.ListAgenciesAsync(cancellationToken);
}
