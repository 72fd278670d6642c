using Microsoft.EntityFrameworkCore;
using Sightline.Core.Access;
using Sightline.Core.Audit;
using Sightline.Core.Data;

namespace Sightline.Core.Panels;

/// <summary>Referrals to panels, filtered by need-to-know. Panels take them up in a later piece of work.</summary>
public sealed class Referrals(SightlineDb db, NeedToKnow needToKnow)
{
    public async Task<List<PanelReferral>> ListAsync(CurrentUser user, Guid? personId, ReferralStatus? status = null, CancellationToken cancellationToken = default)
    {
        var visible = needToKnow.VisiblePeople(user);
        var query = db.PanelReferrals.AsNoTracking().Where(r => visible.Contains(r.PersonId));
        if (personId is { } id) query = query.Where(r => r.PersonId == id);
        if (status is { } s) query = query.Where(r => r.Status == s);
        var list = await query.OrderByDescending(r => r.CreatedAt).Take(500).ToListAsync(cancellationToken);
        db.Audit!.Record(AuditAction.View, "panel-referral", null, personId, new { list = "panel-referrals", count = list.Count });
        await db.SaveChangesAsync(cancellationToken);
        return list;
    }
}
