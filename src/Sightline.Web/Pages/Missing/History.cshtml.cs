using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Sightline.Core.Data;
using Sightline.Core.Missing;
using Sightline.Core.People;

namespace Sightline.Web.Pages.Missing;

/// <summary>A young person's missing chronology: the repeat-missing prompt, where they are found and who with, and every episode newest first.</summary>
public sealed class HistoryModel(PersonRecords records, SightlineDb db, MissingRecords missing, TimeProvider clock, IOptions<MissingSettings> settings) : MissingPage(records, db)
{
    public MissingHistory History { get; private set; } = new([], false, [], []);
    public MissingSettings Settings => settings.Value;
    public DateTime Now => clock.GetUtcNow().UtcDateTime;
    [BindProperty(SupportsGet = true)] public Guid? Recorded { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? Saved { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? Interview { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await GateAsync(cancellationToken) is { } refused) return refused;
        var outcome = await missing.HistoryAsync(Me, Id, cancellationToken);
        if (outcome.NotFound || outcome.Value is null) return NotFound();
        History = outcome.Value;
        return Page();
    }
}
