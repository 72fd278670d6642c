using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Sightline.Core.Access;
using Sightline.Core.Data;
using Sightline.Core.Network;

namespace Sightline.Web.Pages.Network;

/// <summary>Recording disruption against a person of concern or a place: the same form for either.</summary>
public abstract class DisruptionForm(Disruption disruption, DisruptionTactics tactics, SightlineDb db) : SightlinePage
{
    [BindProperty] public Guid? Tactic { get; set; }
    [BindProperty] public Guid? LeadAgency { get; set; }
    [BindProperty] public DateParts StartDate { get; set; } = new();
    [BindProperty] public DateParts EndDate { get; set; } = new();
    [BindProperty] public string? Status { get; set; }
    [BindProperty] public string? Outcome { get; set; }

    public IReadOnlyList<DisruptionTactic> Tactics { get; private set; } = [];
    public IReadOnlyList<Agency> Agencies { get; private set; } = [];

    protected abstract NodeKind TargetKind { get; }
    protected abstract Guid TargetId { get; }
    protected abstract string TargetHref { get; }

    protected abstract Task<bool> CanSeeAsync(CancellationToken cancellationToken);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await CanSeeAsync(cancellationToken)) return NotFound();
        Status = "active";
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var start = ReadDate("startDate", StartDate, "the start date");
        var end = EndDate.IsEmpty ? null : ReadDate("endDate", EndDate, "the end date", required: false);
        DisruptionStatus? status = NetworkLabels.TryParse<DisruptionStatus>(Status, out var s) ? s : null;
        var outcome = await disruption.AddAsync(Me, TargetKind, TargetId, new DisruptionInput(Tactic, LeadAgency, start, end, status, Outcome), cancellationToken);
        if (outcome.NotFound) return NotFound();
        if (outcome.Errors is not null) MergeErrors(outcome.Errors);
        if (!ModelState.IsValid || !outcome.Succeeded)
        {
            await LoadAsync(cancellationToken);
            return Page();
        }
        return Redirect($"{TargetHref}#disruption");
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Tactics = await tactics.ListAsync(activeOnly: true, cancellationToken);
        Agencies = await db.Agencies.AsNoTracking().Where(a => a.IsActive).OrderBy(a => a.Name).ToListAsync(cancellationToken);
    }
}
