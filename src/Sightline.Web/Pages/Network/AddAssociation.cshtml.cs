using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Sightline.Core.Data;
using Sightline.Core.Network;
using Sightline.Core.People;

namespace Sightline.Web.Pages.Network;

/// <summary>
/// Links a young person to another young person (by reference), a person of concern or a place.
/// The link runs from the young person; an end the user may not see is refused as not found.
/// </summary>
public sealed class AddAssociationModel(Associations associations, Sightline.Core.Network.PersonsOfConcern persons, Sightline.Core.Network.Places places, PersonRecords records, SightlineDb db) : SightlinePage
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty] public string? Kind { get; set; }
    [BindProperty] public string? Reference { get; set; }
    [BindProperty] public Guid? PersonOfConcernId { get; set; }
    [BindProperty] public Guid? PlaceId { get; set; }
    [BindProperty] public string? Type { get; set; }
    [BindProperty] public DateParts Date { get; set; } = new();
    [BindProperty] public string? Confidence { get; set; }
    [BindProperty] public string? Source { get; set; }
    [BindProperty] public string? Notes { get; set; }

    public IReadOnlyList<PersonOfConcernSummary> Concerns { get; private set; } = [];
    public IReadOnlyList<Place> KnownPlaces { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!(await records.DecideAsync(Me, Id, cancellationToken)).Allowed) return NotFound();
        await LoadOptionsAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!(await records.DecideAsync(Me, Id, cancellationToken)).Allowed) return NotFound();
        NodeRef? to = null;
        if (!NetworkLabels.TryParse<NodeKind>(Kind, out var kind)) ModelState.AddModelError("kind", "Select who or what the young person is linked to");
        else if (kind == NodeKind.Person)
        {
            var reference = Reference?.Trim().ToUpperInvariant();
            var id = string.IsNullOrEmpty(reference) ? (Guid?)null : await db.People.Where(p => p.Reference == reference).Select(p => (Guid?)p.Id).FirstOrDefaultAsync(cancellationToken);
            if (string.IsNullOrEmpty(reference)) ModelState.AddModelError("reference", "Enter the other young person's reference, like SL-AB12CD34");
            else to = new NodeRef(NodeKind.Person, id ?? Guid.NewGuid()); // an unknown reference is refused below, as one out of sight is
        }
        else if (kind == NodeKind.PersonOfConcern)
        {
            if (PersonOfConcernId is null) ModelState.AddModelError("personOfConcernId", "Select the person of concern");
            else to = new NodeRef(kind, PersonOfConcernId.Value);
        }
        else if (PlaceId is null) ModelState.AddModelError("placeId", "Select the place");
        else to = new NodeRef(kind, PlaceId.Value);
        AssociationType? type = NetworkLabels.TryParse<AssociationType>(Type, out var t) ? t : null;
        if (type is null) ModelState.AddModelError("type", "Select the type of link");
        DateOnly? date = Date.IsEmpty ? null : ReadDate("date", Date, "the date of the link", required: false);
        Sightline.Core.Network.Confidence? confidence = NetworkLabels.TryParse<Sightline.Core.Network.Confidence>(Confidence, out var c) ? c : null;
        if (confidence is null) ModelState.AddModelError("confidence", "Select how confident you are in the link");
        if (!ModelState.IsValid)
        {
            await LoadOptionsAsync(cancellationToken);
            return Page();
        }
        var outcome = await associations.CreateAsync(Me, new AssociationInput(new NodeRef(NodeKind.Person, Id), to, type, Source, date, confidence, Notes), cancellationToken);
        if (outcome.NotFound)
        {
            var field = kind switch { NodeKind.Person => "reference", NodeKind.PersonOfConcern => "personOfConcernId", _ => "placeId" };
            ModelState.AddModelError(field, kind == NodeKind.Person ? "No young person you can see has that reference" : "Select one from the list");
        }
        else if (outcome.Errors is not null)
        {
            foreach (var (field, message) in outcome.Errors.All) ModelState.AddModelError(field == "to" ? "kind" : field, message);
        }
        else return Redirect($"/people/{Id}/network");
        await LoadOptionsAsync(cancellationToken);
        return Page();
    }

    private async Task LoadOptionsAsync(CancellationToken cancellationToken)
    {
        Concerns = await persons.ListAsync(Me, null, cancellationToken);
        KnownPlaces = await places.ListAsync(Me, cancellationToken);
    }
}
