using Microsoft.AspNetCore.Mvc;
using Sightline.Core.Data;
using Sightline.Core.Network;
using Sightline.Web.Pages.Network;

namespace Sightline.Web.Pages.PersonsOfConcern;

public sealed class AddDisruptionModel(Disruption disruption, DisruptionTactics tactics, SightlineDb db, Sightline.Core.Network.PersonsOfConcern persons)
    : DisruptionForm(disruption, tactics, db)
{
    [BindProperty(SupportsGet = true)] public Guid PersonOfConcernId { get; set; }
    protected override NodeKind TargetKind => NodeKind.PersonOfConcern;
    protected override Guid TargetId => PersonOfConcernId;
    protected override string TargetHref => $"/persons-of-concern/{PersonOfConcernId}";
    protected override Task<bool> CanSeeAsync(CancellationToken cancellationToken) => persons.CanSeeAsync(Me, PersonOfConcernId, cancellationToken);
}
