using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Sightline.Core.Access;
using Sightline.Core.Data;
using Sightline.Core.People;
using Sightline.Web.Auth;

namespace Sightline.Web.Pages.People;

[Authorize(Policy = Policies.Oversight)]
public sealed class RestrictModel(PersonRecords records, SightlineDb db) : SightlinePage
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty] public bool Restricted { get; set; }
    [BindProperty] public List<Guid> Users { get; set; } = [];
    public sealed record Candidate(Guid Id, string DisplayName, string Agency);
    public List<Candidate> Candidates { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken)) return NotFound();
        var person = await db.People.AsNoTracking().Include(p => p.AccessList).FirstAsync(p => p.Id == Id, cancellationToken);
        Restricted = person.IsRestricted;
        Users = person.AccessList.Select(g => g.UserId).ToList();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken)) return NotFound();
        var outcome = await records.SetRestrictionAsync(Me, Id, Restricted, Users, cancellationToken);
        if (FailureOf(outcome) is { } failure) return failure;
        return Redirect($"/people/{Id}");
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        if (!(await records.DecideAsync(Me, Id, cancellationToken)).Allowed) return false;
        var agencies = db.AgencyInvolvements.Where(a => a.PersonId == Id && a.EndDate == null).Select(a => a.AgencyId);
        Candidates = await db.Users.Where(u => u.IsActive && agencies.Contains(u.AgencyId) && u.Role != Role.Analyst && u.Role != Role.Administrator)
            .OrderBy(u => u.DisplayName).Select(u => new Candidate(u.Id, u.DisplayName, u.Agency!.Name)).ToListAsync(cancellationToken);
        return true;
    }
}
