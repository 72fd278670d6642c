using Microsoft.AspNetCore.Mvc;
using Sightline.Core;
using Sightline.Core.People;

namespace Sightline.Web.Pages.People;

/// <summary>
/// Ending something dated on a record (a flag, an agency's involvement): one form with an end date
/// defaulting to today, the same access check and the same flow. Subclasses say what is ended.
/// </summary>
public abstract class EndDatedItemPage(PersonRecords records, TimeProvider clock) : SightlinePage
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty] public DateParts EndDate { get; set; } = new();

    /// <summary>What is being ended, as the page names it ("Gangs", "Police").</summary>
    public string ItemName { get; private set; } = "";

    protected PersonRecords Records => records;

    /// <summary>The item's name, or null when this record has no such item.</summary>
    protected abstract Task<string?> FindItemNameAsync(CancellationToken cancellationToken);

    /// <summary>Ends the item; null on success, else the page's answer (see <see cref="SightlinePage.FailureOf{T}"/>).</summary>
    protected abstract Task<IActionResult?> EndAsync(DateOnly? endDate, CancellationToken cancellationToken);

    protected virtual Task<IActionResult> AfterEndingAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IActionResult>(Redirect($"/people/{Id}"));

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken)) return NotFound();
        EndDate = DateParts.From(clock.LondonToday());
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken)) return NotFound();
        var end = ReadDate("endDate", EndDate, "the end date");
        if (!ModelState.IsValid) return Page();
        return await EndAsync(end, cancellationToken) ?? await AfterEndingAsync(cancellationToken);
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        if (!(await records.DecideAsync(Me, Id, cancellationToken)).Allowed) return false;
        ItemName = await FindItemNameAsync(cancellationToken) ?? "";
        return ItemName != "";
    }
}
