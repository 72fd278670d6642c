using Microsoft.AspNetCore.Mvc;

namespace Sightline.Web.Pages.Admin.DisruptionTactics;

public sealed class AddModel(Sightline.Core.Network.DisruptionTactics tactics) : SightlinePage
{
    [BindProperty] public string? Key { get; set; }
    [BindProperty] public string? Name { get; set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var outcome = await tactics.CreateAsync(Key, Name, cancellationToken);
        if (FailureOf(outcome) is { } failure) return failure;
        return Redirect("/admin/disruption-tactics?done=added");
    }
}
