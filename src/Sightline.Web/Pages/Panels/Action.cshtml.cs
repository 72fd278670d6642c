using Sightline.Core;
using Microsoft.AspNetCore.Mvc;
using Sightline.Core.Actions;
using Sightline.Core.Panels;

namespace Sightline.Web.Pages.Panels;

/// <summary>One panel action and its progress, for its owner, the owning agency and the panel.</summary>
public sealed class ActionModel(PanelActionRecords actions, TimeProvider clock) : SightlinePage
{
    [BindProperty(SupportsGet = true)] public Guid PanelActionId { get; set; }
    [BindProperty] public string? Status { get; set; }
    [BindProperty] public string? CompletionNote { get; set; }
    [BindProperty] public Guid Version { get; set; }

    public TrackedPanelAction Tracked { get; private set; } = null!;
    public DateOnly Today => clock.LondonToday();

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken)) return NotFound();
        Status = Tracked.Action.Status.ToString();
        CompletionNote = Tracked.Action.CompletionNote;
        Version = Tracked.Action.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        ActionStatus? status = Enum.TryParse<ActionStatus>(Status, out var parsed) && Enum.IsDefined(parsed) ? parsed : null;
        var outcome = await actions.ProgressAsync(Me, PanelActionId, new ActionProgress(status, CompletionNote), Version, cancellationToken);
        if (outcome.Succeeded) return Redirect("/panels/actions");
        if (outcome.NotFound) return NotFound();
        if (outcome.Errors is { } errors) AddErrors(errors);
        if (!await LoadAsync(cancellationToken)) return NotFound();
        if (outcome.Conflict)
        {
            Version = Tracked.Action.Version;
            ModelState.Remove(nameof(Version));
            ModelState.AddModelError("", "Someone else updated this action while you were changing it. Check what it says now, then save again.");
        }
        return Page();
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        var tracked = await actions.FindAsync(Me, PanelActionId, cancellationToken);
        if (tracked is null) return false;
        Tracked = tracked;
        return true;
    }
}
