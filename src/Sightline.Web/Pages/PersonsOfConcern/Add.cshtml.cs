using Microsoft.AspNetCore.Mvc;
using Sightline.Core.Network;

namespace Sightline.Web.Pages.PersonsOfConcern;

public sealed class AddModel(Sightline.Core.Network.PersonsOfConcern persons) : PersonOfConcernForm
{
    public void OnGet() => Category = "not-known";

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var input = ReadInput();
        if (!ModelState.IsValid)
        {
            MergeErrors(await persons.ValidateAsync(input, cancellationToken));
            return Page();
        }
        var outcome = await persons.CreateAsync(Me, input, cancellationToken);
        if (FailureOf(outcome) is { } failure) return failure;
        if (outcome.Refusal is not null) return Forbid();
        return Redirect($"/persons-of-concern/{outcome.Value!.Id}");
    }
}
