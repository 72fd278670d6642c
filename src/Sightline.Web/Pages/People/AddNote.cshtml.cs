using Microsoft.AspNetCore.Mvc;
using Sightline.Core.People;

namespace Sightline.Web.Pages.People;

public sealed class AddNoteModel(PersonRecords records) : SightlinePage
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty] public string? Text { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        (await records.DecideAsync(Me, Id, cancellationToken)).Allowed ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var outcome = await records.AddNoteAsync(Me, Id, Text, cancellationToken);
        if (FailureOf(outcome) is { } failure) return failure;
        return Redirect($"/people/{Id}#chronology");
    }
}
