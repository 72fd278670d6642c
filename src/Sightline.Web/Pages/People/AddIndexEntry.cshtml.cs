using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Sightline.Core;
using Sightline.Core.Data;
using Sightline.Core.People;
using Sightline.Core.VulnerableAdolescents;

namespace Sightline.Web.Pages.People;

/// <summary>A practitioner puts a young person on the Vulnerable Adolescents Index, saying why.</summary>
public sealed class AddIndexEntryModel(PersonRecords records, IndexRecords index, SightlineDb db, TimeProvider clock) : SightlinePage
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public DateParts StartDate { get; set; } = new();
    public string Name { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken)) return NotFound();
        StartDate = DateParts.From(clock.LondonToday());
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken)) return NotFound();
        // An unreadable date is said here; an empty one, and everything else, by the core.
        var start = ReadDate("startDate", StartDate, "the start date", required: false);
        var outcome = await index.AddAsync(Me, Id, Reason, start, cancellationToken);
        if (outcome.NotFound) return NotFound();
        if (outcome.Errors is { } errors)
        {
            foreach (var (field, message) in errors.All)
            {
                // "Already on the index" belongs to no field: the summary shows it without a link.
                var key = field == "personId" ? "" : field;
                if (!ModelState.TryGetValue(key, out var entry) || entry.Errors.Count == 0) ModelState.AddModelError(key, message);
            }
            return Page();
        }
        return Redirect($"/people/{Id}#index");
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        if (!(await records.DecideAsync(Me, Id, cancellationToken)).Allowed) return false;
        Name = await db.People.Where(p => p.Id == Id).Select(p => p.FirstName + " " + p.LastName).FirstAsync(cancellationToken);
        return true;
    }
}
