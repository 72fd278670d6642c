using Microsoft.AspNetCore.Mvc;
using Sightline.Core.Data;
using Sightline.Core.Network;
using Sightline.Web.Pages.Network;

namespace Sightline.Web.Pages.Places;

public sealed class AddDisruptionModel(Disruption disruption, DisruptionTactics tactics, SightlineDb db, Sightline.Core.Network.Places places)
    : DisruptionForm(disruption, tactics, db)
{
    [BindProperty(SupportsGet = true)] public Guid PlaceId { get; set; }
    protected override NodeKind TargetKind => NodeKind.Place;
    protected override Guid TargetId => PlaceId;
    protected override string TargetHref => $"/places/{PlaceId}";
    protected override Task<bool> CanSeeAsync(CancellationToken cancellationToken) => places.CanSeeAsync(Me, PlaceId, cancellationToken);
}
