using Sightline.Core.Missing;

namespace Sightline.Web.Pages.Missing;

/// <summary>The return home interviews waiting to be done for young people the user may see: overdue first, then due soon, then due.</summary>
public sealed class IndexModel(MissingRecords missing) : SightlinePage
{
    public List<(EpisodeView View, string Reference, string Name)> Outstanding { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var rows = await missing.InterviewsOutstandingAsync(Me, cancellationToken);
        Outstanding = rows.OrderBy(r => Rank(r.View.RhiState)).ThenBy(r => r.View.Episode.ReturnedAt).ToList();
    }

    private static int Rank(RhiState state) => state switch
    {
        RhiState.Overdue => 0,
        RhiState.DueSoon => 1,
        _ => 2,
    };
}
