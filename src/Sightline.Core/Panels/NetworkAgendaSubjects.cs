using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Sightline.Core.Access;
using Sightline.Core.Data;
using Sightline.Core.Network;

namespace Sightline.Core.Panels;

/// <summary>
/// What a panel tracks besides young people (contextual safeguarding, seed 002 §4.5): the persons of concern and
/// places linked directly to the young people it holds (accepted referrals, and people on its open agenda items),
/// and those already on one of its open agenda items, so a subject stays tracked until the panel closes it.
/// </summary>
public sealed class NetworkAgendaSubjects(SightlineDb db) : IAgendaSubjects
{
    public async Task<(IReadOnlyList<Guid> PersonsOfConcern, IReadOnlyList<Guid> Places)> TrackedByAsync(Guid panelId, CancellationToken cancellationToken)
    {
        var openItems = from i in db.AgendaItems
                        join m in db.Meetings on i.MeetingId equals m.Id
                        where m.PanelId == panelId && i.ClosedAt == null && i.RemovedAt == null
                        select i;
        var held = db.PanelReferrals.Where(r => r.PanelId == panelId && r.Status == ReferralStatus.Accepted).Select(r => r.PersonId)
            .Union(openItems.Where(i => i.PersonId != null).Select(i => i.PersonId!.Value));

        var linked = await db.Associations.AsNoTracking()
            .Where(a => (a.FromKind == NodeKind.Person && held.Contains(a.FromId) && a.ToKind != NodeKind.Person)
                        || (a.ToKind == NodeKind.Person && held.Contains(a.ToId) && a.FromKind != NodeKind.Person))
            .Select(a => a.FromKind == NodeKind.Person ? new { Kind = a.ToKind, Id = a.ToId } : new { Kind = a.FromKind, Id = a.FromId })
            .ToListAsync(cancellationToken);
        var onAgenda = await openItems.AsNoTracking().Where(i => i.SubjectId != null && (i.Kind == AgendaKind.PersonOfConcern || i.Kind == AgendaKind.Place))
            .Select(i => new { Kind = i.Kind == AgendaKind.PersonOfConcern ? NodeKind.PersonOfConcern : NodeKind.Place, Id = i.SubjectId!.Value })
            .ToListAsync(cancellationToken);

        var all = linked.Concat(onAgenda).Distinct().ToList();
        return (all.Where(s => s.Kind == NodeKind.PersonOfConcern).Select(s => s.Id).Order().ToList(),
                all.Where(s => s.Kind == NodeKind.Place).Select(s => s.Id).Order().ToList());
    }
}

/// <summary>
/// Panel members see the persons of concern on their panel's issued agenda, for the life of the item — the same
/// rule as young people (<see cref="PanelAccess"/>).
/// </summary>
public sealed class PanelPersonOfConcernGrant(SightlineDb db) : IPersonOfConcernGrant
{
    public Expression<Func<PersonOfConcern, bool>> Grants(CurrentUser user)
    {
        var items = PanelAccess.OpenItemsSeenBy(db, user.UserId);
        return p => items.Any(i => i.Kind == AgendaKind.PersonOfConcern && i.SubjectId == p.Id);
    }
}
