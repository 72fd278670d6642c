using Microsoft.EntityFrameworkCore;
using Sightline.Core.Access;
using Sightline.Core.Audit;
using Sightline.Core.Data;
using Sightline.Core.People;

namespace Sightline.Core.Network;

/// <summary>How far and what to follow from the young person. Dates filter the associations' own dates.</summary>
public sealed record NetworkFilter(int Depth = NetworkFilter.DefaultDepth, IReadOnlySet<AssociationType>? Types = null, DateOnly? From = null, DateOnly? To = null)
{
    public const int DefaultDepth = 2;
    public const int MaxDepth = 3;
}

/// <summary>
/// A young person's network, as far as the viewer may see it. Breadth-first, one hop at a time,
/// each hop a set-based query on the indexed ends of <see cref="Association"/> and one visibility
/// query per kind of new node. The walk never passes through a node the viewer may not see, so
/// nothing beyond a hidden node shows either: hidden nodes leave no trace, not even a count.
/// </summary>
public sealed class NetworkQuery(SightlineDb db, NetworkVisibility visibility, NeedToKnow needToKnow)
{
    /// <summary>Null when the young person is out of the viewer's sight (or does not exist).</summary>
    public Task<NetworkGraph?> ForPersonAsync(CurrentUser user, Guid personId, NetworkFilter filter, DateOnly since, CancellationToken cancellationToken = default) =>
        ForAsync(user, new NodeRef(NodeKind.Person, personId), filter, since, cancellationToken);

    /// <summary>The network around any node (a person of concern's or a place's links, say). Null when the node is out of sight or missing.</summary>
    public async Task<NetworkGraph?> ForAsync(CurrentUser user, NodeRef start, NetworkFilter filter, DateOnly since, CancellationToken cancellationToken = default)
    {
        var startVisible = start.Kind == NodeKind.Person
            ? (await needToKnow.DecideAsync(user, start.Id, cancellationToken)).Allowed
            : await visibility.CanSeeAsync(user, start, cancellationToken);
        if (!startVisible) return null;
        return await WalkAsync(user, [start], filter, since, cancellationToken);
    }

    /// <summary>
    /// The network around several nodes at once (a panel's young people, persons of concern and places): each
    /// start the viewer may see is at depth 0; the others are left out without a trace, like any hidden node.
    /// </summary>
    public async Task<NetworkGraph> ForManyAsync(CurrentUser user, IReadOnlyCollection<NodeRef> starts, NetworkFilter filter, DateOnly since, CancellationToken cancellationToken = default)
    {
        var visible = await VisibleAsync(user, starts.ToHashSet(), cancellationToken);
        return await WalkAsync(user, visible, filter, since, cancellationToken);
    }

    private async Task<NetworkGraph> WalkAsync(CurrentUser user, List<NodeRef> starts, NetworkFilter filter, DateOnly since, CancellationToken cancellationToken)
    {
        var depthOf = starts.Distinct().ToDictionary(s => s, _ => 0);
        var edges = new Dictionary<Guid, Association>();
        var frontier = depthOf.Keys.ToList();
        var depth = Math.Clamp(filter.Depth, 1, NetworkFilter.MaxDepth);
        for (var hop = 1; hop <= depth && frontier.Count > 0; hop++)
        {
            var found = await LinksOfAsync(frontier, filter, cancellationToken);
            var candidates = new HashSet<NodeRef>();
            foreach (var link in found)
            {
                var from = new NodeRef(link.FromKind, link.FromId);
                var to = new NodeRef(link.ToKind, link.ToId);
                if (!depthOf.ContainsKey(from)) candidates.Add(from);
                if (!depthOf.ContainsKey(to)) candidates.Add(to);
            }
            var visible = await VisibleAsync(user, candidates, cancellationToken);
            foreach (var node in visible) depthOf[node] = hop;
            foreach (var link in found)
                if (depthOf.ContainsKey(new(link.FromKind, link.FromId)) && depthOf.ContainsKey(new(link.ToKind, link.ToId))) edges[link.Id] = link;
            frontier = visible.ToList();
        }
        var nodes = await LabelAsync(depthOf, cancellationToken);
        var networkEdges = edges.Values.OrderBy(e => e.Date).ThenBy(e => e.Id)
            .Select(e => new NetworkEdge(e.Id, new(e.FromKind, e.FromId), new(e.ToKind, e.ToId), e.Type, e.Date, e.Confidence, e.Source)).ToList();
        if (starts.Count > 0) AuditView(starts, nodes);
        await db.SaveChangesAsync(cancellationToken);
        return new NetworkGraph(nodes, networkEdges, LinkRules.Find(nodes, networkEdges, since));
    }

    /// <summary>Every association with an end in the frontier: two indexed queries (one per end), filters applied in SQL.</summary>
    private async Task<List<Association>> LinksOfAsync(List<NodeRef> frontier, NetworkFilter filter, CancellationToken cancellationToken)
    {
        var ids = frontier.Select(n => n.Id).Distinct().ToList();
        var kinds = frontier.ToHashSet();
        var query = db.Associations.AsNoTracking();
        if (filter.Types is { Count: > 0 } types)
        {
            var list = types.ToList();
            query = query.Where(a => list.Contains(a.Type));
        }
        if (filter.From is { } fromDate) query = query.Where(a => a.Date >= fromDate);
        if (filter.To is { } toDate) query = query.Where(a => a.Date <= toDate);
        var outgoing = await query.Where(a => ids.Contains(a.FromId)).ToListAsync(cancellationToken);
        var incoming = await query.Where(a => ids.Contains(a.ToId)).ToListAsync(cancellationToken);
        // Ids are unique per kind; check the kind too so a link is followed only from the node it names.
        return outgoing.Where(a => kinds.Contains(new(a.FromKind, a.FromId)))
            .Concat(incoming.Where(a => kinds.Contains(new(a.ToKind, a.ToId))))
            .DistinctBy(a => a.Id).ToList();
    }

    private async Task<List<NodeRef>> VisibleAsync(CurrentUser user, IReadOnlySet<NodeRef> candidates, CancellationToken cancellationToken)
    {
        var visible = new List<NodeRef>();
        foreach (var group in candidates.GroupBy(c => c.Kind))
        {
            var ids = await visibility.VisibleAsync(user, group.Key, group.Select(c => c.Id).ToList(), cancellationToken);
            visible.AddRange(ids.Select(id => new NodeRef(group.Key, id)));
        }
        return visible;
    }

    private async Task<List<NetworkNode>> LabelAsync(Dictionary<NodeRef, int> depthOf, CancellationToken cancellationToken)
    {
        List<Guid> Ids(NodeKind kind) => depthOf.Keys.Where(k => k.Kind == kind).Select(k => k.Id).ToList();
        var (personIds, concernIds, placeIds) = (Ids(NodeKind.Person), Ids(NodeKind.PersonOfConcern), Ids(NodeKind.Place));
        var nodes = new List<NetworkNode>();
        var people = await db.People.AsNoTracking().Where(p => personIds.Contains(p.Id))
            .Select(p => new { p.Id, p.FirstName, p.LastName, p.Reference }).ToListAsync(cancellationToken);
        nodes.AddRange(people.Select(p => new NetworkNode(NodeKind.Person, p.Id, $"{p.FirstName} {p.LastName}", p.Reference, depthOf[new(NodeKind.Person, p.Id)])));
        var concerns = await db.PersonsOfConcern.AsNoTracking().Where(p => concernIds.Contains(p.Id))
            .Select(p => new { p.Id, p.Name, p.Category }).ToListAsync(cancellationToken);
        nodes.AddRange(concerns.Select(p => new NetworkNode(NodeKind.PersonOfConcern, p.Id, p.Name, NetworkLabels.Describe(p.Category), depthOf[new(NodeKind.PersonOfConcern, p.Id)])));
        var places = await db.Places.AsNoTracking().Where(p => placeIds.Contains(p.Id))
            .Select(p => new { p.Id, p.Name, p.Type }).ToListAsync(cancellationToken);
        nodes.AddRange(places.Select(p => new NetworkNode(NodeKind.Place, p.Id, p.Name, NetworkLabels.Describe(p.Type), depthOf[new(NodeKind.Place, p.Id)])));
        return nodes.OrderBy(n => n.Depth).ThenBy(n => n.Kind).ThenBy(n => n.Label, StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// The view is filed under each young person it starts from; every other young person and person of concern it
    /// shows is filed once under themselves (naming the first start, so a panel's view is not one entry per pair).
    /// </summary>
    private void AuditView(IReadOnlyList<NodeRef> starts, List<NetworkNode> nodes)
    {
        var startSet = starts.ToHashSet();
        var networkOf = starts[0].Id;
        foreach (var start in starts)
            db.Audit!.Record(AuditAction.View, "network", start.Id.ToString(), start.Kind == NodeKind.Person ? start.Id : null,
                new { kind = start.Kind.Kebab(), nodes = nodes.Count, personsOfConcern = nodes.Where(n => n.Kind == NodeKind.PersonOfConcern).Select(n => n.Id).ToArray() });
        foreach (var other in nodes.Where(n => n.Kind == NodeKind.Person && !startSet.Contains(n.Ref)))
            db.Audit!.Record(AuditAction.View, "network-node", other.Id.ToString(), other.Id, new { networkOf });
        foreach (var concern in nodes.Where(n => n.Kind == NodeKind.PersonOfConcern && !startSet.Contains(n.Ref)))
            db.Audit!.Record(AuditAction.View, "person-of-concern", concern.Id.ToString(), details: new { networkOf });
    }
}
