using Microsoft.AspNetCore.Mvc;
using Sightline.Core;
using Sightline.Core.Actions;
using Sightline.Core.Assessments;

namespace Sightline.Web.Pages.Assessments;

/// <summary>
/// A SEAM assessment as its readers need it: the total and the levels (calculated, the manager's
/// judgement, the young person's own view, side by side), each domain's score with what it means
/// and the evidence, what changed since the assessment it reviews, language guidance, routing,
/// the action plan, and what the reader may do next.
/// </summary>
public sealed class SeamModel(SeamRecords seams, ActionPlans plans, TimeProvider clock) : SightlinePage
{
    [BindProperty(SupportsGet = true)] public Guid SeamId { get; set; }
    [BindProperty(SupportsGet = true)] public bool Saved { get; set; }
    [BindProperty(SupportsGet = true)] public bool Submitted { get; set; }
    [BindProperty(SupportsGet = true)] public bool Print { get; set; }

    public SeamView View { get; private set; } = null!;
    public SeamAssessment Assessment => View.Assessment;
    public List<ActionItem> Actions { get; private set; } = [];
    public IReadOnlyList<LanguageMatch> Guidance { get; private set; } = [];
    public DateOnly Today => clock.LondonToday();

    /// <summary>Why the last command was refused, in words.</summary>
    public string? Refusal { get; private set; }

    /// <summary>The assessment this one reviews, when it used the same form (else scores cannot be compared).</summary>
    public SeamAssessment? Previous => View.Previous?.FormVersion == Assessment.FormVersion ? View.Previous : null;

    public bool IsAuthor => Assessment.AuthorUserId == Me.UserId;
    public bool CanChange => IsAuthor && Assessment.IsEditable;
    public bool CanSubmit => (IsAuthor || Me.IsManager) && Assessment.IsEditable;
    public bool CanDecide => Me.IsManager && !IsAuthor && Assessment.Status == SeamStatus.Submitted;
    public bool CanAddActions => Assessment.Status != SeamStatus.Superseded;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostSubmitAsync(CancellationToken cancellationToken)
    {
        var outcome = await seams.SubmitAsync(Me, SeamId, cancellationToken);
        if (outcome.NotFound) return NotFound();
        if (outcome.Succeeded) return Redirect($"/seam/{SeamId}?submitted=true");
        Refusal = outcome.Refusal ?? (outcome.Conflict ? "Someone else changed this assessment at the same time. Check it, then submit it again." : "The assessment could not be submitted.");
        return await LoadAsync(cancellationToken) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        var view = await seams.ViewAsync(Me, SeamId, cancellationToken);
        if (view is null) return false;
        View = view;
        Actions = await plans.ForSeamAsync(SeamId, cancellationToken);
        var form = Assessment.Form;
        Guidance = LanguageGuidance.Check(
            form.Domains.Select(d => ($"the evidence for {d.Title.ToLowerInvariant()}", Assessment.Scores.FirstOrDefault(s => s.DomainKey == d.Key)?.Evidence))
                .Append(("the young person’s view", Assessment.YoungPersonView)));
        return true;
    }
}
