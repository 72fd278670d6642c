using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Sightline.Core.Data;
using Sightline.Core.People;

namespace Sightline.Web.Pages.People;

public sealed class AddFlagModel(PersonRecords records, SightlineDb db) : SightlinePage
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty] public string? Type { get; set; }
    [BindProperty] public string? Level { get; set; }
    [BindProperty] public DateParts StartDate { get; set; } = new();
    [BindProperty] public string? Notes { get; set; }
    public string Name { get; private set; } = "";
    public List<FlagType> Types { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken)) return NotFound();
        var start = ReadDate("startDate", StartDate, "the start date");
        if (string.IsNullOrEmpty(Type)) ModelState.AddModelError("type", "Select a flag type");
        if (!ModelState.IsValid) return Page();
        FlagLevel? level = Enum.TryParse<FlagLevel>(Level, out var l) ? l : null;
        var outcome = await records.AddFlagAsync(Me, Id, new FlagInput(Type, start, level, Notes: Notes), cancellationToken);
        if (FailureOf(outcome) is { } failure) return failure;
        return Redirect($"/people/{Id}#chronology");
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        var decision = await records.DecideAsync(Me, Id, cancellationToken);
        if (!decision.Allowed) return false;
        Name = await db.People.Where(p => p.Id == Id).Select(p => p.FirstName + " " + p.LastName).FirstAsync(cancellationToken);
        Types = await db.FlagTypes.Where(t => t.IsActive).OrderBy(t => t.SortOrder).ThenBy(t => t.Name).ToListAsync(cancellationToken);
        return true;
    }
}
