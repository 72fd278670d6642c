using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Sightline.Core;
using Sightline.Core.Access;
using Sightline.Core.Actions;
using Sightline.Core.Assessments;
using Sightline.Core.Data;

namespace Sightline.Web.Pages.Assessments;

/// <summary>Adds a row to a SEAM assessment's action plan: area of need, desired outcome, action, by whom (a person or an agency), by when.</summary>
public sealed class AddActionModel(SeamRecords seams, ActionPlans plans, SightlineDb db) : SightlinePage
{
    /// <summary>The domain select's value for "not one of the areas of the assessment".</summary>
    public const string OtherArea = "other";

    [BindProperty(SupportsGet = true)] public Guid SeamId { get; set; }
    [BindProperty] public string? DomainKey { get; set; }
    [BindProperty] public string? AreaOfNeed { get; set; }
    [BindProperty] public string? DesiredOutcome { get; set; }
    [BindProperty] public string? Action { get; set; }
    /// <summary>"user:{id}" or "agency:{id}": one select, so exactly one owner can be chosen.</summary>
    [BindProperty] public string? Owner { get; set; }
    [BindProperty] public DateParts DueOn { get; set; } = new();

    public SeamView View { get; private set; } = null!;
    public string? Refusal { get; private set; }
    public List<OptionGroup> Owners { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken)) return NotFound();
        if (View.Assessment.Status == SeamStatus.Superseded)
            Refusal = "This assessment has been superseded by a review: add actions to the review.";
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        // The page's own checks: an area chosen, a real date, an owner from the list.
        if (string.IsNullOrEmpty(DomainKey)) ModelState.AddModelError("domainKey", "Select the area of the assessment this action is about, or Other");
        var due = ReadDate("dueOn", DueOn, "the date it is due by", required: false);
        Guid? ownerUser = null, ownerAgency = null;
        if (!string.IsNullOrEmpty(Owner))
        {
            var parts = Owner.Split(':', 2);
            if (parts.Length == 2 && Guid.TryParse(parts[1], out var ownerId) && parts[0] is "user" or "agency")
            {
                if (parts[0] == "user") ownerUser = ownerId;
                else ownerAgency = ownerId;
            }
            else ModelState.AddModelError("owner", "Select who will do it from the list");
        }
        var input = new ActionInput(DomainKey == OtherArea ? null : DomainKey, AreaOfNeed, DesiredOutcome, Action, ownerUser, ownerAgency, due);

        // When the page already found a problem, the core still checks the rest so that every error shows at once:
        // given no due date it cannot save, and its "enter the date" is dropped when the page was given a real one.
        var pageFailed = !ModelState.IsValid;
        var outcome = await plans.AddToSeamAsync(Me, SeamId, pageFailed ? input with { DueOn = null } : input, cancellationToken);
        if (outcome.NotFound) return NotFound();
        if (outcome.Succeeded && !pageFailed) return Redirect($"/seam/{SeamId}#action-plan");
        if (outcome.Refusal is { } refusal) Refusal = refusal;
        if (outcome.Errors is { } errors)
        {
            var kept = new ValidationErrors();
            foreach (var (field, message) in errors.All)
                if (!(pageFailed && field == "dueOn" && due is not null)) kept.Add(field, message);
            MergeErrors(kept);
        }
        if (!await LoadAsync(cancellationToken)) return NotFound();
        return Page();
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        var view = await seams.ViewAsync(Me, SeamId, cancellationToken);
        if (view is null) return false;
        View = view;
        // Everyone who works with records, under their agency; the agency itself first, for "someone at the agency".
        var agencies = await db.Agencies.AsNoTracking().Where(a => a.IsActive).OrderBy(a => a.Name).Select(a => new { a.Id, a.Name }).ToListAsync(cancellationToken);
        var recordRoles = new[] { Role.Practitioner, Role.TeamManager, Role.SeniorManager };
        var users = await db.Users.AsNoTracking().Where(u => u.IsActive && recordRoles.Contains(u.Role))
            .OrderBy(u => u.DisplayName).Select(u => new { u.Id, u.DisplayName, u.AgencyId, u.Role }).ToListAsync(cancellationToken);
        Owners = agencies.Select(a => new OptionGroup(a.Name,
            users.Where(u => u.AgencyId == a.Id).Select(u => ($"user:{u.Id}", $"{u.DisplayName} ({u.Role.DisplayName().ToLowerInvariant()}, {a.Name})"))
                .Prepend(($"agency:{a.Id}", $"{a.Name} (the agency: no one named yet)")).ToList())).ToList();
        return true;
    }
}
