using Microsoft.AspNetCore.Mvc;
using Sightline.Core;
using Sightline.Core.Actions;

namespace Sightline.Web.Pages.Assessments;

/// <summary>One action of a plan: what it is, and its progress (with a note when it is done or cancelled).</summary>
public sealed class ActionProgressModel(ActionPlans plans, TimeProvider clock) : SightlinePage
{
    [BindProperty(SupportsGet = true)] public Guid ActionId { get; set; }
    [BindProperty] public string? Status { get; set; }
    [BindProperty] public string? CompletionNote { get; set; }
    [BindProperty] public Guid Version { get; set; }

    public ActionView View { get; private set; } = null!;
    public ActionItem Item => View.Item;
    public DateOnly Today => clock.LondonToday();
    /// <summary>The action as someone else saved it, when our save was refused as stale.</summary>
    public ActionItem? Conflict { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken)) return NotFound();
        Status = Item.Status.ToString();
        CompletionNote = Item.CompletionNote;
        Version = Item.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        ActionStatus? status = Enum.TryParse<ActionStatus>(Status, out var parsed) && Enum.IsDefined(parsed) ? parsed : null;
        var outcome = await plans.ProgressAsync(Me, ActionId, new ActionProgress(status, CompletionNote), Version, cancellationToken);
        if (outcome.NotFound) return NotFound();
        if (outcome.Succeeded)
        {
            var item = outcome.Value!;
            return Redirect(item.SeamAssessmentId is { } seamId ? $"/seam/{seamId}#action-plan" : $"/people/{item.PersonId}");
        }
        if (outcome.Errors is { } errors) AddErrors(errors);
        if (!await LoadAsync(cancellationToken)) return NotFound();
        if (outcome.Conflict)
        {
            // Keep what they chose; show what is saved now; let a second save deliberately win.
            Conflict = Item;
            Version = Item.Version;
            ModelState.Remove(nameof(Version));
            ModelState.AddModelError("", "Someone else updated this action while you were changing it. Check what it says now, then save again.");
        }
        return Page();
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        var view = await plans.ViewAsync(Me, ActionId, cancellationToken);
        if (view is null) return false;
        View = view;
        return true;
    }
}
