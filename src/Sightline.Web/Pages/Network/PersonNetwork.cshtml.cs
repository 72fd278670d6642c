using Microsoft.AspNetCore.Mvc;
using Sightline.Core;
using Sightline.Core.Network;
using Sightline.Core.People;
using Sightline.Web.Api;

namespace Sightline.Web.Pages.Network;

/// <summary>
/// A young person's network: the list of links (the primary view, works without JavaScript), the
/// same network as an interactive graph beside it, filters (a GET form) and the links worth a look.
/// Only what the viewer may see; the view is audited by <see cref="NetworkQuery"/>.
/// </summary>
public sealed class PersonNetworkModel(NetworkQuery network, PersonRecords records, TimeProvider clock) : SightlinePage
{
    public Guid Id { get; private set; }
    public NetworkGraph Graph { get; private set; } = new([], [], []);
    public NetworkRequest Query { get; private set; } = null!;
    public NetworkNode Person => Graph.Nodes.First(n => n.Depth == 0);
    public NetworkBody Body { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        Id = id;
        Query = NetworkRequest.Read(Request.Query, clock.LondonToday());
        foreach (var (field, message) in Query.Errors.All) ModelState.AddModelError(field, message);
        var graph = await network.ForPersonAsync(Me, id, Query.Filter, Query.Since, cancellationToken);
        if (graph is null)
            return (await records.DecideAsync(Me, id, cancellationToken)).Exists ? Redirect($"/people/{id}/break-glass") : NotFound();
        Graph = graph;
        Body = NetworkBody.For(id, graph, Query, Query.Since, $"/people/{id}/network",
            "Usually the date of the last meeting. A month ago unless you change it.", $"{Person.Label} is outlined.");
        return Page();
    }
}
