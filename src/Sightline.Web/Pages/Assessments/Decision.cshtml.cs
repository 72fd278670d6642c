using Microsoft.AspNetCore.Mvc;
using Sightline.Core;
using Sightline.Core.Assessments;

namespace Sightline.Web.Pages.Assessments;

/// <summary>
/// A manager approves a submitted SEAM assessment (raising the level on professional judgement if
/// they must, never lowering it) or returns it to the practitioner with comments. Two forms, one
/// per decision, so nothing needs revealing with script.
/// </summary>
public sealed class DecisionModel(SeamRecords seams) : SightlinePage
{
    public const string Approve = "approve";
    public const string Return = "return";
    /// <summary>The judgement radio's value for "keep the calculated level".</summary>
    public const string Keep = "keep";

    [BindProperty(SupportsGet = true)] public Guid SeamId { get; set; }
    [BindProperty] public string? Decision { get; set; }
    [BindProperty] public string? JudgementLevel { get; set; }
    [BindProperty] public string? JudgementReason { get; set; }
    [BindProperty] public string? Comments { get; set; }

    public SeamView View { get; private set; } = null!;
    public SeamAssessment Assessment => View.Assessment;
    /// <summary>Why this user cannot decide (the author, not a manager, not submitted); the forms are not shown.</summary>
    public string? Refusal { get; private set; }

    /// <summary>The levels a manager may raise to: only those above the calculated one.</summary>
    public IReadOnlyList<RiskLevel> HigherLevels => Enum.GetValues<RiskLevel>().Where(l => l > Assessment.CalculatedLevel).ToList();

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken)) return NotFound();
        Refusal = SeamRecords.DecisionRefusal(Me, Assessment);
        JudgementLevel = Keep;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Outcome<SeamAssessment>? outcome = null;
        switch (Decision)
        {
            case Return:
                outcome = await seams.ReturnAsync(Me, SeamId, Comments, cancellationToken);
                break;
            case Approve:
                RiskLevel? raised = null;
                if (!string.IsNullOrEmpty(JudgementLevel) && JudgementLevel != Keep)
                {
                    if (SeamRules.TryParseLevel(JudgementLevel, out var level)) raised = level;
                    else ModelState.AddModelError("judgementLevel", "Select a level from the list");
                }
                if (ModelState.IsValid)
                    outcome = await seams.ApproveAsync(Me, SeamId, new ApprovalInput(raised, raised is null ? null : JudgementReason), cancellationToken);
                break;
            default:
                ModelState.AddModelError("", "Choose whether to approve the assessment or return it to the practitioner");
                break;
        }

        if (outcome is { Succeeded: true, Value: var decided })
            return Redirect($"/seam/{SeamId}?decided={(decided!.Status == SeamStatus.Approved ? "approved" : "returned")}");
        if (outcome is { NotFound: true }) return NotFound();
        if (outcome?.Errors is { } errors) AddErrors(errors);
        if (outcome?.Refusal is { } refusal) Refusal = refusal;
        if (outcome is { Conflict: true })
            ModelState.AddModelError("", "Someone else changed this assessment at the same moment. Check it and decide again.");
        if (!await LoadAsync(cancellationToken)) return NotFound();
        return Page();
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        var view = await seams.ViewAsync(Me, SeamId, cancellationToken);
        if (view is null) return false;
        View = view;
        return true;
    }
}
