using Sightline.Core.Network;

namespace Sightline.Web.Pages.Places;

/// <summary>Places of concern. They name nobody, so every user who works with records sees the list.</summary>
public sealed class IndexModel(Sightline.Core.Network.Places places) : SightlinePage
{
    public IReadOnlyList<Place> All { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => All = await places.ListAsync(Me, cancellationToken);
}
