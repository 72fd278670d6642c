using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Sightline.Core.Audit;
using Sightline.Core.Data;
using Sightline.Core.People;

namespace Sightline.Web.Pages.Oversight;

public sealed class UserActivityModel(SightlineDb db, AuditQueries audit) : SightlinePage
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    // From the query string only: Razor Pages keeps the page's own name in the route value "page"
    // (e.g. "/People/Index"), which would otherwise be bound here and fail as a number.
    [FromQuery(Name = "page")] public int PageNumber { get; set; } = 1;
    public string UserName { get; private set; } = "";
    public Page<AuditLine>? Activity { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == Id, cancellationToken);
        if (user is null) return NotFound();
        UserName = user.DisplayName;
        db.Audit!.Record(AuditAction.View, "user-activity", Id.ToString());
        await db.SaveChangesAsync(cancellationToken);
        Activity = await audit.ForUserAsync(Id, PageNumber, cancellationToken: cancellationToken);
        return Page();
    }
}
