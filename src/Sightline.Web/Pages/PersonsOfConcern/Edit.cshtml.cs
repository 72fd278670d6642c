using Microsoft.AspNetCore.Mvc;

namespace Sightline.Web.Pages.PersonsOfConcern;

public sealed class EditModel(Sightline.Core.Network.PersonsOfConcern persons) : PersonOfConcernForm
{
    [BindProperty(SupportsGet = true)] public Guid PersonOfConcernId { get; set; }
    [BindProperty] public Guid Version { get; set; }
    public bool Conflict { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var record = await persons.ViewAsync(Me, PersonOfConcernId, cancellationToken);
        if (record is null) return NotFound();
        Fill(record);
        Version = record.Person.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var input = ReadInput();
        if (!ModelState.IsValid)
        {
            MergeErrors(await persons.ValidateAsync(input, cancellationToken));
            return Page();
        }
        var outcome = await persons.UpdateAsync(Me, PersonOfConcernId, input, Version, cancellationToken);
        if (outcome.Conflict && await persons.ViewAsync(Me, PersonOfConcernId, cancellationToken) is { } current)
        {
            Conflict = true;
            Version = current.Person.Version;
            ModelState.Remove(nameof(Version));
            return Page();
        }
        if (FailureOf(outcome) is { } failure) return failure;
        return Redirect($"/persons-of-concern/{PersonOfConcernId}");
    }
}
