using Microsoft.AspNetCore.Mvc;
using Sightline.Core.Actions;
using Sightline.Core.Assessments;
using Sightline.Core.Audit;
using Sightline.Web.Pdf;

namespace Sightline.Web.Pages.Assessments;

/// <summary>
/// The assessment as a PDF download. Need-to-know as for the page (not found otherwise); the
/// export is audited against the young person. The file is named by reference, never by name.
/// </summary>
public sealed class SeamPdfModel(SeamRecords seams, ActionPlans plans, AuditTrail audit, TimeProvider clock) : SightlinePage
{
    [BindProperty(SupportsGet = true)] public Guid SeamId { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var view = await seams.ViewAsync(Me, SeamId, cancellationToken);
        if (view is null) return NotFound();
        var actions = await plans.ForSeamAsync(SeamId, cancellationToken);
        var bytes = SeamPdf.Render(view, actions, clock.GetUtcNow().UtcDateTime, Me.DisplayName);
        await audit.RecordNowAsync(AuditAction.Export, "seam-assessment", SeamId.ToString(), view.Person.Id,
            new { format = "pdf", status = view.Assessment.Status.ToString(), bytes = bytes.Length }, cancellationToken);
        var reference = new string(view.Person.Reference.Where(c => char.IsAsciiLetterOrDigit(c) || c == '-').ToArray());
        return File(bytes, "application/pdf", $"SEAM-{reference}-{view.Assessment.AssessedOn:yyyy-MM-dd}.pdf");
    }
}
