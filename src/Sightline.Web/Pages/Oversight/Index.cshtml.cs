using Microsoft.EntityFrameworkCore;
using Sightline.Core.Data;

namespace Sightline.Web.Pages.Oversight;

public sealed class IndexModel(SightlineDb db, TimeProvider clock) : SightlinePage
{
    public sealed record Access(DateTime StartedAt, Guid UserId, string UserName, string Reference, string Reason, bool Active);
    public List<Access> Accesses { get; private set; } = [];
    public sealed record StaffMember(Guid Id, string Name, string Role, DateTime? LastActive);
    public List<StaffMember> Staff { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var since = now.AddDays(-30);
        // Managers see break-glass by their own agency's staff and into records their agency holds; the person is shown by reference only.
        var agencyId = Me.AgencyId;
        var ourRecords = db.AgencyInvolvements.Where(a => a.AgencyId == agencyId).Select(a => a.PersonId);
        Accesses = await db.BreakGlassAccesses.AsNoTracking()
            .Where(b => b.StartedAt >= since && (b.User!.AgencyId == agencyId || ourRecords.Contains(b.PersonId)))
            .OrderByDescending(b => b.StartedAt)
            .Select(b => new Access(b.StartedAt, b.UserId, b.User!.DisplayName,
                db.People.Where(p => p.Id == b.PersonId).Select(p => p.Reference).First(), b.Reason, b.ExpiresAt > now))
            .Take(200).ToListAsync(cancellationToken);
        var staff = await db.Users.AsNoTracking().Where(u => u.AgencyId == agencyId && u.IsActive).OrderBy(u => u.DisplayName)
            .Select(u => new { u.Id, u.DisplayName, u.Role, LastActive = db.AuditEntries.Where(e => e.UserId == u.Id).Max(e => (DateTime?)e.OccurredAt) })
            .ToListAsync(cancellationToken);
        Staff = staff.Select(u => new StaffMember(u.Id, u.DisplayName, Sightline.Core.Access.Roles.DisplayName(u.Role), u.LastActive)).ToList();
    }
}
