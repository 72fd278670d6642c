using Sightline.Core;
using Sightline.Core.People;
using Sightline.Web.Pages.People;

namespace Sightline.Web.Pdf;

/// <summary>A young person's chronology, as filtered on the page, as a PDF for their file or a meeting.</summary>
public static class ChronologyPdf
{
    public static byte[] Render(Person person, ChronologyFilter filter, IReadOnlyList<ChronologyEntry> entries, DateTime producedAt, string producedBy)
    {
        using var pdf = new PdfPages($"Chronology {person.Reference}", SeamPdf.Marking,
            $"Sightline · chronology {person.Reference} · produced {producedAt.Display()} by {producedBy}");
        pdf.Title("Chronology");
        pdf.Paragraph("Newest first. Built from what was recorded about the young person, not from the audit trail.", pdf.Body, grey: true);

        pdf.Section("Young person");
        pdf.Row("Name", person.FullName);
        pdf.Row("Reference", person.Reference);
        pdf.Row("Date of birth", person.DateOfBirth.Display());

        pdf.Section("Filter");
        pdf.Row("Showing", filter.KindsText);
        pdf.Row("Dates", filter.DatesText);
        pdf.Row("Entries", entries.Count == 1 ? "1 entry" : $"{entries.Count} entries");

        pdf.Section("Entries");
        if (entries.Count == 0) pdf.Paragraph("Nothing matches this filter.");
        else
        {
            pdf.Table(
                [("When", 0.2), ("Kind", 0.16), ("By", 0.16), ("What", 0.48)],
                entries.Select(e => (IReadOnlyList<string>)[e.WhenText, ChronologyFilter.NameOf(e.Kind), e.By ?? "–", e.Summary]));
        }
        return pdf.Finish();
    }
}
