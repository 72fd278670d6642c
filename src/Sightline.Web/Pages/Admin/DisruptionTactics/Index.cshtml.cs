using Microsoft.AspNetCore.Mvc;
using Sightline.Core.Network;

namespace Sightline.Web.Pages.Admin.DisruptionTactics;

/// <summary>The disruption tactics: the seed's eight and any an administrator added. Retiring one keeps past activity pointing at it.</summary>
public sealed class IndexModel(Sightline.Core.Network.DisruptionTactics tactics) : SightlinePage
{
    [FromQuery(Name = "done")] public string? DoneKey { get; set; }
    public IReadOnlyList<DisruptionTactic> Tactics { get; private set; } = [];

    public string? Done => DoneKey switch
    {
        "added" => "Disruption tactic added",
        "changed" => "Disruption tactic saved",
        _ => null,
    };

    public async Task OnGetAsync(CancellationToken cancellationToken) => Tactics = await tactics.ListAsync(cancellationToken: cancellationToken);

    public async Task<IActionResult> OnPostAsync(Guid id, bool active, CancellationToken cancellationToken)
    {
        var outcome = await tactics.SetActiveAsync(id, active, cancellationToken);
        return outcome.NotFound ? NotFound() : Redirect("/admin/disruption-tactics?done=changed");
    }
}
