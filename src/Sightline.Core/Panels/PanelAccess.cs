using Sightline.Core.Data;

namespace Sightline.Core.Panels;

/// <summary>
/// The one rule of what a panel seat opens: the items of an issued agenda that are still open (not closed, not
/// removed), on an active panel the user chairs or sits on as a named member. Young people
/// (<see cref="Access.NeedToKnow"/>) and persons of concern (<see cref="PanelPersonOfConcernGrant"/>) both filter
/// with it, inside their own SQL.
/// </summary>
public static class PanelAccess
{
    public static IQueryable<AgendaItem> OpenItemsSeenBy(SightlineDb db, Guid userId)
    {
        var meetings = db.Meetings;
        return db.AgendaItems.Where(i => i.IssuedAt != null && i.ClosedAt == null && i.RemovedAt == null
            && meetings.Any(m => m.Id == i.MeetingId && m.Panel!.IsActive
                && (m.Panel.ChairUserId == userId || m.Panel.Members.Any(x => x.UserId == userId))));
    }
}
