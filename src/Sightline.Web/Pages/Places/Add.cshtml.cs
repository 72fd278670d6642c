using Microsoft.AspNetCore.Mvc;

namespace Sightline.Web.Pages.Places;

public sealed class AddModel(Sightline.Core.Network.Places places) : PlaceForm
{
    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var input = ReadInput();
        if (input is null) return Page();
        var outcome = await places.CreateAsync(Me, input, cancellationToken);
        if (FailureOf(outcome) is { } failure) return failure;
        if (outcome.Refusal is not null) return Forbid();
        return Redirect($"/places/{outcome.Value!.Id}");
    }
}
