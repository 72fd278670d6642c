using Microsoft.AspNetCore.Mvc;
using Sightline.Core;
using Sightline.Core.People;

namespace Sightline.Web.Pages.People;

public sealed class EditModel(PersonRecords records, TimeProvider clock) : SightlinePage
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty(Name = "")] public PersonForm Form { get; set; } = new();
    [BindProperty] public Guid Version { get; set; }
    public string Name { get; private set; } = "";

    /// <summary>The record as someone else saved it, when our save was refused as stale.</summary>
    public Person? Conflict { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var record = await records.ViewAsync(Me, Id, cancellationToken);
        if (record is null) return NotFound();
        Form = PersonForm.From(record.Person);
        Version = record.Person.Version;
        Name = record.Person.FullName;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var dob = ReadDate("dateOfBirth", Form.DateOfBirth, "a date of birth");
        var input = Form.ToInput(dob);
        Name = $"{Form.FirstName} {Form.LastName}";
        if (!ModelState.IsValid)
        {
            MergeErrors(input.Validate(clock.LondonToday()));
            return Page();
        }
        var outcome = await records.UpdateAsync(Me, Id, input, Version, cancellationToken);
        if (FailureOf(outcome) is { } failure) return failure;
        if (outcome.Conflict)
        {
            // Keep what they typed; show what changed; let a second save deliberately win.
            var current = await records.ViewAsync(Me, Id, cancellationToken);
            if (current is null) return NotFound();
            Conflict = current.Person;
            Version = current.Person.Version;
            ModelState.Remove(nameof(Version));
            ModelState.AddModelError("", "Someone else changed this record while you were editing it. Check the differences, then save again.");
            return Page();
        }
        return Redirect($"/people/{Id}");
    }
}
