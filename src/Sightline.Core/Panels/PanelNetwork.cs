using Microsoft.EntityFrameworkCore;
using Sightline.Core.Access;
using Sightline.Core.Data;
using Sightline.Core.Network;

namespace Sightline.Core.Panels;

/// <summary>A panel's network: what it is and where it starts from, and the date groups are compared with.</summary>
public sealed record PanelNetworkView(Panel Panel, NetworkGraph Graph, DateOnly Since, DateOnly? LastMeeting);

/// <summary>
/// The network around a panel, for its chair and members: the young people on its open, issued agenda items and
/// the persons of concern and places it tracks (<see cref="IAgendaSubjects"/>), each as far as the viewer may see.
/// "Growing groups" are measured since the panel's last held meeting unless another date is asked for.
/// </summary>
public sealed class PanelNetwork(SightlineDb db, PanelRecords panels, NetworkQuery network, IAgendaSubjects subjects, TimeProvider clock)
{
    /// <summary>Null for a panel that does not exist or that the viewer is not on.</summary>
    public async Task<PanelNetworkView?> ForAsync(CurrentUser user, Guid panelId, NetworkFilter filter, DateOnly? since, CancellationToken cancellationToken = default)
    {
        var panel = await panels.FindAsync(panelId, cancellationToken);
        if (panel is null || !panel.IsMember(user.UserId)) return null;
        var people = await (from i in db.AgendaItems.AsNoTracking()
                            join m in db.Meetings on i.MeetingId equals m.Id
                            where m.PanelId == panelId && i.PersonId != null && i.IssuedAt != null && i.ClosedAt == null && i.RemovedAt == null
                            select i.PersonId!.Value).Distinct().ToListAsync(cancellationToken);
        var (concerns, places) = await subjects.TrackedByAsync(panelId, cancellationToken);
        var starts = people.Select(id => new NodeRef(NodeKind.Person, id))
            .Concat(concerns.Select(id => new NodeRef(NodeKind.PersonOfConcern, id)))
            .Concat(places.Select(id => new NodeRef(NodeKind.Place, id))).ToList();
        var lastMeeting = await db.Meetings.AsNoTracking().Where(m => m.PanelId == panelId && m.Status == MeetingStatus.Held)
            .MaxAsync(m => (DateOnly?)m.Date, cancellationToken);
        var from = since ?? lastMeeting ?? clock.LondonToday().AddMonths(-1);
        var graph = await network.ForManyAsync(user, starts, filter, from, cancellationToken);
        return new PanelNetworkView(panel, graph, from, lastMeeting);
    }
}
