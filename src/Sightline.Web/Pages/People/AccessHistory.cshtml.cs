using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Sightline.Core.Audit;
using Sightline.Core.People;
using Sightline.Web.Auth;

namespace Sightline.Web.Pages.People;

[Authorize(Policy = Policies.Oversight)]
public sealed class AccessHistoryModel(PersonRecords records, AuditQueries audit) : SightlinePage
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    // From the query string only: Razor Pages keeps the page's own name in the route value "page"
    // (e.g. "/People/Index"), which would otherwise be bound here and fail as a number.
    [FromQuery(Name = "page")] public int PageNumber { get; set; } = 1;
    public Page<AuditLine>? History { get; private set; }
    public string Name { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var record = await records.ViewAsync(Me, Id, cancellationToken);
        if (record is null) return NotFound();
        Name = record.Person.FullName;
        History = await audit.ForPersonAsync(Id, PageNumber, cancellationToken: cancellationToken);
        return Page();
    }
}
