using System.Globalization;

namespace Sightline.Core.Network;

/// <summary>
/// The "links worth a look" (issue 7), as pure rules over the part of the network the viewer may
/// see (so they never hint at hidden nodes):
/// <list type="bullet">
/// <item><b>shared connection</b>: two or more young people linked directly to the same person of
/// concern or place;</item>
/// <item><b>group that grew</b>: a connected group holding a person of concern or a place that has
/// members who joined after a given date (the last meeting), i.e. who have no link dated on or
/// before it.</item>
/// </list>
/// </summary>
public static class LinkRules
{
    public static IReadOnlyList<LinkWorthALook> Find(IReadOnlyList<NetworkNode> nodes, IReadOnlyList<NetworkEdge> edges, DateOnly since)
    {
        var byRef = nodes.ToDictionary(n => n.Ref);
        var usable = edges.Where(e => byRef.ContainsKey(e.From) && byRef.ContainsKey(e.To) && e.From != e.To).ToList();
        return SharedConnections(byRef, usable).Concat(GroupsThatGrew(nodes, byRef, usable, since)).ToList();
    }

    private static IEnumerable<LinkWorthALook> SharedConnections(Dictionary<NodeRef, NetworkNode> byRef, List<NetworkEdge> edges)
    {
        foreach (var hub in byRef.Values.Where(n => n.IsHub).OrderBy(n => n.Kind).ThenBy(n => n.Label, StringComparer.Ordinal))
        {
            var people = edges
                .Select(e => e.From == hub.Ref ? e.To : e.To == hub.Ref ? e.From : (NodeRef?)null)
                .OfType<NodeRef>().Where(r => r.Kind == NodeKind.Person).Distinct()
                .Select(r => byRef[r]).OrderBy(p => p.Label, StringComparer.Ordinal).ToList();
            if (people.Count < 2) continue;
            yield return new LinkWorthALook(LinkKind.SharedConnection, hub, people,
                $"{Names(people)} are {(people.Count == 2 ? "both" : "all")} linked to {hub.Label}");
        }
    }

    private static IEnumerable<LinkWorthALook> GroupsThatGrew(IReadOnlyList<NetworkNode> nodes, Dictionary<NodeRef, NetworkNode> byRef, List<NetworkEdge> edges, DateOnly since)
    {
        var groups = new Groups(nodes.Select(n => n.Ref));
        foreach (var edge in edges) groups.Join(edge.From, edge.To);
        var knownBefore = edges.Where(e => e.Date <= since).SelectMany(e => new[] { e.From, e.To }).ToHashSet();
        var connected = edges.SelectMany(e => new[] { e.From, e.To }).ToHashSet();
        var sinceText = since.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"));
        foreach (var members in nodes.Where(n => connected.Contains(n.Ref)).GroupBy(n => groups.Root(n.Ref)))
        {
            var hub = members.Where(n => n.IsHub).OrderBy(n => n.Kind).ThenBy(n => n.Label, StringComparer.Ordinal).FirstOrDefault();
            if (hub is null) continue;
            var joined = members.Where(n => !knownBefore.Contains(n.Ref)).OrderBy(n => n.Label, StringComparer.Ordinal).ToList();
            if (joined.Count == 0) continue;
            var size = members.Count();
            var summary = joined.Count == size
                ? $"A new group of {size} around {hub.Label} since {sinceText}: {Names(joined)}"
                : $"The group around {hub.Label} grew by {joined.Count} since {sinceText} to {size}: {Names(joined)} joined";
            yield return new LinkWorthALook(LinkKind.GroupGrew, hub, joined, summary);
        }
    }

    private static string Names(IReadOnlyList<NetworkNode> people) =>
        people.Count == 1 ? people[0].Label : string.Join(", ", people.Take(people.Count - 1).Select(p => p.Label)) + " and " + people[^1].Label;

    /// <summary>Union-find over node refs: which nodes are connected, in near-linear time.</summary>
    private sealed class Groups
    {
        private readonly Dictionary<NodeRef, NodeRef> _parent;

        public Groups(IEnumerable<NodeRef> nodes) => _parent = nodes.ToDictionary(n => n, n => n);

        public NodeRef Root(NodeRef node)
        {
            while (_parent[node] != node) node = _parent[node] = _parent[_parent[node]];
            return node;
        }

        public void Join(NodeRef a, NodeRef b)
        {
            var (ra, rb) = (Root(a), Root(b));
            if (ra != rb) _parent[ra] = rb;
        }
    }
}
