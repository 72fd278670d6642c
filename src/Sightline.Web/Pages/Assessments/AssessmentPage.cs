using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Sightline.Core.Assessments;
using Sightline.Core.Data;
using Sightline.Core.People;

namespace Sightline.Web.Pages.Assessments;

/// <summary>
/// Pages that start screening or assessment work on one young person's record: the same
/// need-to-know gate as the record page (break-glass for an existing record out of reach, not
/// found otherwise), and the young person's name and reference to head the form.
/// </summary>
public abstract class PersonWorkPage(PersonRecords records, SightlineDb db) : SightlinePage
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }

    public PersonSummaryLine Person { get; protected set; } = new(Guid.Empty, "", "", default);

    protected SightlineDb Db => db;

    /// <summary>Null when the user may work on the record; otherwise the answer to give.</summary>
    protected async Task<IActionResult?> GateAsync(CancellationToken cancellationToken)
    {
        var decision = await records.DecideAsync(Me, Id, cancellationToken);
        if (!decision.Allowed) return decision.Exists ? Redirect($"/people/{Id}/break-glass") : NotFound();
        Person = await db.People.AsNoTracking().Where(p => p.Id == Id)
            .Select(p => new PersonSummaryLine(p.Id, p.Reference, p.FirstName + " " + p.LastName, p.DateOfBirth)).FirstAsync(cancellationToken);
        return null;
    }
}
