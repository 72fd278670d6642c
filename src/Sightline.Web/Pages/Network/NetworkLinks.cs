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

/// <summary>What the shared network partial (<c>_NetworkBody</c>) shows: the graph, the query it answers, where the filter form goes, and the words that differ by page.</summary>
public sealed record NetworkBody(NetworkGraph Graph, Api.NetworkRequest Query, DateOnly Since, string FilterAction, string SinceHint, string StartsText, string GraphJson)
{
    /// <summary>The body for a network around <paramref name="id"/> (a young person or a panel); the graph as the API gives it, for the script that draws it.</summary>
    public static NetworkBody For(Guid id, NetworkGraph graph, Api.NetworkRequest query, DateOnly since, string filterAction, string sinceHint, string startsText) =>
        new(graph, query, since, filterAction, sinceHint, startsText,
            System.Text.Json.JsonSerializer.Serialize(Api.NetworkResponse.From(id, query with { Since = since }, graph), System.Text.Json.JsonSerializerOptions.Web));
}
