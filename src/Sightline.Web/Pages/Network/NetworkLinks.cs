using Sightline.Core.Network;

namespace Sightline.Web.Pages.Network;

/// <summary>Where each kind of node's page is, and a node of a graph by its reference, for the tables of links.</summary>
public static class NetworkLinks
{
    public static string Href(NetworkNode node) => node.Kind switch
    {
        NodeKind.Person => $"/people/{node.Id}",
        NodeKind.PersonOfConcern => $"/persons-of-concern/{node.Id}",
        _ => $"/places/{node.Id}",
    };

    public static NetworkNode NodeOf(this NetworkGraph graph, NodeRef node) => graph.Nodes.First(n => n.Ref == node);
}
