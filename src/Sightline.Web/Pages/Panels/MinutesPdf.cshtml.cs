using Sightline.Core;
using Microsoft.AspNetCore.Mvc;
using Sightline.Core.Audit;
using Sightline.Core.Panels;
using Sightline.Web.Pdf;

namespace Sightline.Web.Pages.Panels;

/// <summary>The minutes as a PDF, for the panel's chair and members once the agenda is issued. Audited as an export of the meeting and under each young person on it.</summary>
public sealed class MinutesPdfModel(MeetingRecords meetings, AuditTrail audit, TimeProvider clock) : SightlinePage
{
    [BindProperty(SupportsGet = true)] public Guid MeetingId { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var view = await meetings.ViewAsync(Me, MeetingId, cancellationToken);
        if (view is null || view.Meeting.Status == MeetingStatus.Draft) return NotFound();
        var bytes = MinutesPdf.Render(view, clock.GetUtcNow().UtcDateTime, Me.DisplayName, clock.LondonToday());
        foreach (var personId in view.Agenda.Where(a => a.Item.IsOnAgenda && a.Item.PersonId is not null).Select(a => a.Item.PersonId!.Value).Distinct())
            audit.Record(AuditAction.Export, "meeting", MeetingId.ToString(), personId, new { format = "pdf" });
        await audit.RecordNowAsync(AuditAction.Export, "meeting", MeetingId.ToString(), null, new { format = "pdf", bytes = bytes.Length }, cancellationToken);
        return File(bytes, "application/pdf", $"minutes-{view.Meeting.Date:yyyy-MM-dd}.pdf");
    }
}
