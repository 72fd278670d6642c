using Sightline.Core.Panels;

namespace Sightline.Web.Pages.Panels;

public sealed class IndexModel(PanelRecords panels) : SightlinePage
{
    public List<Panel> Panels { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Panels = await panels.ListAsync(cancellationToken);
}
