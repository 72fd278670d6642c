using Microsoft.AspNetCore.Mvc;

namespace Sightline.Web.Pages.Places;

public sealed class EditModel(Sightline.Core.Network.Places places) : PlaceForm
{
    [BindProperty(SupportsGet = true)] public Guid PlaceId { get; set; }
    [BindProperty] public Guid Version { get; set; }
    public bool Conflict { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var record = await places.ViewAsync(Me, PlaceId, cancellationToken);
        if (record is null) return NotFound();
        Fill(record.Place);
        Version = record.Place.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var input = ReadInput();
        if (input is null) return Page();
        var outcome = await places.UpdateAsync(Me, PlaceId, input, Version, cancellationToken);
        if (outcome.Conflict && await places.ViewAsync(Me, PlaceId, cancellationToken) is { } current)
        {
            Conflict = true;
            Version = current.Place.Version;
            ModelState.Remove(nameof(Version));
            return Page();
        }
        if (FailureOf(outcome) is { } failure) return failure;
        return Redirect($"/places/{PlaceId}");
    }
}
