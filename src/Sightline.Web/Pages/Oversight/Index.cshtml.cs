using Microsoft.EntityFrameworkCore;
using Sightline.Core.Data;

namespace Sightline.Web.Pages.Oversight;

public sealed class IndexModel(SightlineDb db, TimeProvider clock) : SightlinePage
{
    public sealed record Access(DateTime StartedAt, Guid UserId, string UserName, string Reference, string Reason, bool Active);
    public List<Access> Accesses { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var since = now.AddDays(-30);
        // Managers see break-glass by staff of their own agency; the person is shown by reference only.
        Accesses = await db.BreakGlassAccesses.AsNoTracking()
            .Where(b => b.StartedAt >= since && b.User!.AgencyId == Me.AgencyId)
            .OrderByDescending(b => b.StartedAt)
            .Select(b => new Access(b.StartedAt, b.UserId, b.User!.DisplayName,
                db.People.Where(p => p.Id == b.PersonId).Select(p => p.Reference).First(), b.Reason, b.ExpiresAt > now))
            .Take(200).ToListAsync(cancellationToken);
    }
}
