using Microsoft.AspNetCore.Mvc;
using Sightline.Core.Assessments;
using Sightline.Core.Data;
using Sightline.Core.People;

namespace Sightline.Web.Pages.Assessments;

/// <summary>
/// Changes a draft or returned assessment: only its author may, and a save from a stale form is
/// refused with what the assessment now says (the typed answers are kept; a second save wins).
/// </summary>
public sealed class EditSeamModel(PersonRecords records, SeamRecords seams, SightlineDb db, TimeProvider clock) : SeamFormPage(records, db, clock)
{
    [BindProperty(SupportsGet = true)] public Guid SeamId { get; set; }
    [BindProperty] public Guid Version { get; set; }

    public SeamAssessment Assessment { get; private set; } = null!;

    /// <summary>Why this user may not change this assessment, when they may not.</summary>
    public string? Refusal { get; private set; }

    /// <summary>The assessment as someone else saved it, when our save was refused as stale.</summary>
    public SeamAssessment? Conflict { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is { } answer) return answer;
        if (Refusal is not null) return Page();
        FillFrom(Assessment, everything: true);
        Version = Assessment.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is { } answer) return answer;
        if (Refusal is not null) return Page();
        var input = ReadForm(Assessment.FormVersion, Assessment.SafeguardScreenId);
        if (Invalid(input) is { } invalid) return invalid;
        var outcome = await seams.UpdateAsync(Me, SeamId, input, Version, cancellationToken);
        if (outcome.Refusal is { } refusal)
        {
            Refusal = refusal;
            return Page();
        }
        if (FailureOf(outcome) is { } failure) return failure;
        if (outcome.Conflict)
        {
            var current = await seams.ViewAsync(Me, SeamId, cancellationToken);
            if (current is null) return NotFound();
            Conflict = current.Assessment;
            Version = current.Assessment.Version;
            ModelState.Remove(nameof(Version));
            ModelState.AddModelError("", "Someone else changed this assessment while you were editing it. Check the differences, then save again.");
            return Page();
        }
        return Redirect($"/seam/{SeamId}?saved=true");
    }

    /// <summary>The assessment, the person and the one it reviews; a refusal (in words) when this user may not change it.</summary>
    private async Task<IActionResult?> LoadAsync(CancellationToken cancellationToken)
    {
        var view = await seams.ViewAsync(Me, SeamId, cancellationToken);
        if (view is null) return NotFound();
        Assessment = view.Assessment;
        Id = view.Person.Id;
        Person = view.Person;
        Form = Assessment.Form;
        Previous = view.Previous?.FormVersion == Assessment.FormVersion ? view.Previous : null;
        if (Assessment.AuthorUserId != Me.UserId) Refusal = "Only the practitioner who started this assessment can change it.";
        else if (!Assessment.IsEditable) Refusal = $"This assessment is {SeamTags.StatusName(Assessment.Status).ToLowerInvariant()} and can no longer be changed.";
        return null;
    }
}
