using Microsoft.AspNetCore.Mvc;
using Sightline.Core;
using Sightline.Core.Audit;
using Sightline.Core.People;
using Sightline.Web.Pdf;

namespace Sightline.Web.Pages.People;

/// <summary>
/// The filtered chronology as a PDF download, named by reference, never by name. The export is
/// audited against the young person with the filter applied. A filter with errors goes back to
/// the page, which shows them.
/// </summary>
public sealed class ChronologyPdfModel(PersonRecords records, AuditTrail audit, TimeProvider clock) : SightlinePage
{
    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var filter = ChronologyFilter.Read(Request.Query);
        if (!filter.IsValid) return Redirect($"/people/{id}/chronology{Request.QueryString}");
        var record = await records.ViewAsync(Me, id, cancellationToken);
        if (record is null)
            return (await records.DecideAsync(Me, id, cancellationToken)).Exists ? Redirect($"/people/{id}/break-glass") : NotFound();
        var entries = filter.Apply(record.Chronology);
        var bytes = ChronologyPdf.Render(record.Person, filter, entries, clock.GetUtcNow().UtcDateTime, Me.DisplayName);
        await audit.RecordNowAsync(AuditAction.Export, "chronology", id.ToString(), id,
            new { format = "pdf", filter = filter.Describe(), entries = entries.Count, bytes = bytes.Length }, cancellationToken);
        var reference = new string(record.Person.Reference.Where(c => char.IsAsciiLetterOrDigit(c) || c == '-').ToArray());
        return File(bytes, "application/pdf", $"Chronology-{reference}-{clock.LondonToday():yyyy-MM-dd}.pdf");
    }
}
