using Microsoft.AspNetCore.Mvc;
using Sightline.Core.People;

namespace Sightline.Web.Pages.People;

/// <summary>
/// The young person's whole chronology, filtered by kind and date, newest first, with a version
/// for printing (<c>?print=true</c>) and a PDF. The view is audited by <see cref="PersonRecords.ViewAsync"/>;
/// outside need-to-know it offers break-glass, as the record does.
/// </summary>
public sealed class ChronologyModel(PersonRecords records) : SightlinePage
{
    public PersonRecord Record { get; private set; } = null!;
    public ChronologyFilter Filter { get; private set; } = new();
    /// <summary>The entries shown; empty while the filter has errors.</summary>
    public List<ChronologyEntry> Entries { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var record = await records.ViewAsync(Me, id, cancellationToken);
        // Only an existing record outside need-to-know offers break-glass; anything else is simply not found.
        if (record is null)
            return (await records.DecideAsync(Me, id, cancellationToken)).Exists ? Redirect($"/people/{id}/break-glass") : NotFound();
        Record = record;
        Filter = ChronologyFilter.Read(Request.Query);
        foreach (var (field, message) in Filter.Errors) ModelState.AddModelError(field, message);
        if (Filter.IsValid) Entries = Filter.Apply(record.Chronology);
        return Page();
    }
}
