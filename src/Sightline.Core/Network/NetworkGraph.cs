namespace Sightline.Core.Network;

/// <summary>A node's identity: its kind and id (ids are unique within a kind).</summary>
public readonly record struct NodeRef(NodeKind Kind, Guid Id);

/// <summary>A node the viewer may see, with the label to show and its distance from the young person in hops.</summary>
public sealed record NetworkNode(NodeKind Kind, Guid Id, string Label, string? Detail, int Depth)
{
    public NodeRef Ref => new(Kind, Id);
    public bool IsHub => Kind is NodeKind.PersonOfConcern or NodeKind.Place;
}

public sealed record NetworkEdge(Guid Id, NodeRef From, NodeRef To, AssociationType Type, DateOnly Date, Confidence Confidence, string? Source);

public enum LinkKind { SharedConnection, GroupGrew }

/// <summary>
/// Something in the network a practitioner should look at. <see cref="People"/> are the young
/// people concerned: for a shared connection, those linked to the hub; for a group that grew,
/// the members (of any kind) who joined since the date.
/// </summary>
public sealed record LinkWorthALook(LinkKind Kind, NetworkNode Hub, IReadOnlyList<NetworkNode> People, string Summary);

/// <summary>What the viewer may see of a young person's network: only visible nodes, and links between them.</summary>
public sealed record NetworkGraph(IReadOnlyList<NetworkNode> Nodes, IReadOnlyList<NetworkEdge> Edges, IReadOnlyList<LinkWorthALook> LinksWorthALook);
