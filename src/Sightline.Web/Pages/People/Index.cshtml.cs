using Microsoft.AspNetCore.Mvc;
using Sightline.Core.People;

namespace Sightline.Web.Pages.People;

public sealed class IndexModel(PersonRecords records) : SightlinePage
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public DateParts Dob { get; set; } = new();
    // From the query string only: Razor Pages keeps the page's own name in the route value "page"
    // (e.g. "/People/Index"), which would otherwise be bound here and fail as a number.
    [FromQuery(Name = "page")] public int PageNumber { get; set; } = 1;
    public Page<PersonSummary>? Results { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(Q) && Dob.IsEmpty) return Page();
        var dob = ReadDate("dob", Dob, "a date of birth", required: false);
        if (Q?.Length > 200) ModelState.AddModelError("q", "Enter 200 characters or fewer");
        if (!ModelState.IsValid) return Page();
        Results = await records.FindAsync(Me, new PersonQuery(Q, dob, PageNumber), cancellationToken);
        return Page();
    }

    public string PageLink(int page) =>
        $"/people?q={Uri.EscapeDataString(Q ?? "")}&dob.Day={Dob.Day}&dob.Month={Dob.Month}&dob.Year={Dob.Year}&page={page}#results";
}
