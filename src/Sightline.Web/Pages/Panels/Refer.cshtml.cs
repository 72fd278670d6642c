using Microsoft.AspNetCore.Mvc;
using Sightline.Core.Assessments;
using Sightline.Core.Panels;

namespace Sightline.Web.Pages.Panels;

/// <summary>A practitioner involved with a young person refers them to a panel, with a reason; the panel's chair decides.</summary>
public sealed class ReferModel(PanelRecords panels) : SightlinePage
{
    [BindProperty(SupportsGet = true)] public Guid PersonId { get; set; }
    [BindProperty] public Guid? PanelId { get; set; }
    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public string? RiskLevel { get; set; }

    public string PersonName { get; private set; } = "";
    public string PersonReference { get; private set; } = "";
    public List<Panel> Panels { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken)) return NotFound();
        if (PanelId is not { } panelId || Panels.All(p => p.Id != panelId))
        {
            ModelState.AddModelError("panelId", "Select the panel");
            if (string.IsNullOrWhiteSpace(Reason)) ModelState.AddModelError("reason", "Enter why you are referring the young person to the panel");
            return Page();
        }
        RiskLevel? level = Enum.TryParse<RiskLevel>(RiskLevel, out var l) && Enum.IsDefined(l) ? l : null;
        var outcome = await panels.ReferAsync(Me, panelId, PersonId, Reason, level, cancellationToken);
        return await AfterCommandAsync(outcome, $"/people/{PersonId}", () => Task.FromResult(true));
    }

    /// <summary>Only someone who may refer (their agency is involved, or they are named on a restricted record) gets the form.</summary>
    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        var summary = await panels.ReferrableAsync(Me, PersonId, cancellationToken);
        if (summary is null) return false;
        (PersonName, PersonReference) = (summary.FullName, summary.Reference);
        Panels = (await panels.ListAsync(cancellationToken)).Where(p => p.IsActive).ToList();
        return true;
    }
}
