using Sightline.Core.Panels;

namespace Sightline.Web.Pages.Panels;

public sealed class FindingsModel(MeetingRecords meetings) : SightlinePage
{
    public List<(DateOnly Date, string PanelName, StrategicNote Note)> Notes { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Notes = await meetings.NotesOverTimeAsync(Me, cancellationToken);
}
