using Microsoft.AspNetCore.Mvc;
using Sightline.Core;
using Sightline.Core.People;

namespace Sightline.Web.Pages.People;

public sealed class NewModel(PersonRecords records, TimeProvider clock) : SightlinePage
{
    [BindProperty(Name = "")] public PersonForm Form { get; set; } = new();

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var dob = ReadDate("dateOfBirth", Form.DateOfBirth, "a date of birth");
        var input = Form.ToInput(dob);
        if (!ModelState.IsValid)
        {
            MergeErrors(input.Validate(clock.LondonToday()));
            return Page();
        }
        var outcome = await records.CreateAsync(Me, input, cancellationToken);
        if (outcome.Errors is not null)
        {
            AddErrors(outcome.Errors);
            return Page();
        }
        return Redirect($"/people/{outcome.Value!.Id}?created=1");
    }
}
