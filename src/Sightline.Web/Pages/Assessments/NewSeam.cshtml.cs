using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Sightline.Core;
using Sightline.Core.Assessments;
using Sightline.Core.Data;
using Sightline.Core.People;

namespace Sightline.Web.Pages.Assessments;

/// <summary>
/// Starts a SEAM assessment on the current form (or <c>?version=2017</c>), optionally following a
/// SAFEGUARD screen (<c>?screen=</c>). When an approved assessment on the same form is in force,
/// this is a review: its scores and evidence are the starting point.
/// </summary>
public sealed class NewSeamModel(PersonRecords records, SeamRecords seams, SightlineDb db, TimeProvider clock) : SeamFormPage(records, db, clock)
{
    [BindProperty(SupportsGet = true, Name = "version")] public string? RequestedVersion { get; set; }
    [BindProperty(SupportsGet = true, Name = "screen")] public string? RequestedScreen { get; set; }

    /// <summary>The version asked for that no form has; the page then offers the forms there are.</summary>
    public string? UnknownVersion { get; private set; }

    /// <summary>The screen this assessment follows, when it is one of this young person's.</summary>
    public (Guid Id, DateOnly ScreenedOn)? Screen { get; private set; }

    /// <summary>The assessment in force on another version of the form: a review on this form starts afresh.</summary>
    public SeamAssessment? InForceOnOtherForm { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is { } answer) return answer;
        if (UnknownVersion is not null) return Page();
        if (Previous is not null) FillFrom(Previous, everything: false);
        AssessedOn = DateParts.From(Today);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is { } answer) return answer;
        if (UnknownVersion is not null) return Page();
        var input = ReadForm(Form.Version, Screen?.Id);
        if (Invalid(input) is { } invalid) return invalid;
        var outcome = await seams.CreateAsync(Me, Id, input, cancellationToken);
        if (outcome.Refusal is { } refusal)
        {
            ModelState.AddModelError("", refusal);
            return Page();
        }
        if (FailureOf(outcome) is { } failure) return failure;
        return Redirect($"/seam/{outcome.Value!.Id}?saved=true");
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken cancellationToken)
    {
        if (await GateAsync(cancellationToken) is { } refused) return refused;
        var version = string.IsNullOrWhiteSpace(RequestedVersion) ? SeamForms.Current : RequestedVersion.Trim();
        if (SeamForms.Find(version) is not { } form)
        {
            UnknownVersion = version.Length > 40 ? version[..40] + "…" : version;
            return null;
        }
        Form = form;
        if (Guid.TryParse(RequestedScreen, out var screenId))
        {
            var screen = await Db.SafeguardScreens.AsNoTracking().Where(s => s.Id == screenId && s.PersonId == Id)
                .Select(s => new { s.Id, s.ScreenedOn }).FirstOrDefaultAsync(cancellationToken);
            if (screen is not null) Screen = (screen.Id, screen.ScreenedOn);
        }
        var inForce = await seams.CurrentApprovedAsync(Id, cancellationToken);
        if (inForce?.FormVersion == form.Version) Previous = inForce;
        else InForceOnOtherForm = inForce;
        return null;
    }
}
