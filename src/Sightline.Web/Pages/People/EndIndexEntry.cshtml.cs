using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Sightline.Core;
using Sightline.Core.Data;
using Sightline.Core.People;
using Sightline.Core.VulnerableAdolescents;

namespace Sightline.Web.Pages.People;

/// <summary>Ends a practitioner's index entry, with the date and why. The entry stays in the record's history.</summary>
public sealed class EndIndexEntryModel(PersonRecords records, IndexRecords index, SightlineDb db, TimeProvider clock) : SightlinePage
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty(SupportsGet = true)] public Guid EntryId { get; set; }
    [BindProperty] public DateParts EndDate { get; set; } = new();
    [BindProperty] public string? Reason { get; set; }
    public string Name { get; private set; } = "";
    public IndexEntry Entry { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken)) return NotFound();
        EndDate = DateParts.From(clock.LondonToday());
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken)) return NotFound();
        if (Entry.EndDate is not null) return Page();
        var end = ReadDate("endDate", EndDate, "the end date", required: false);
        var outcome = await index.EndAsync(Me, EntryId, end, Reason, cancellationToken);
        if (outcome.NotFound) return NotFound();
        if (outcome.Errors is { } errors)
        {
            MergeErrors(errors);
            return Page();
        }
        return Redirect($"/people/{Id}#index");
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        if (!(await records.DecideAsync(Me, Id, cancellationToken)).Allowed) return false;
        var entry = await db.IndexEntries.AsNoTracking().FirstOrDefaultAsync(e => e.Id == EntryId && e.PersonId == Id, cancellationToken);
        if (entry is null) return false;
        Entry = entry;
        Name = await db.People.Where(p => p.Id == Id).Select(p => p.FirstName + " " + p.LastName).FirstAsync(cancellationToken);
        return true;
    }
}
