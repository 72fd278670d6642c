using Sightline.Core;
using Sightline.Core.Actions;
using Sightline.Core.Assessments;
using Sightline.Core.Panels;
using Sightline.Web.Pages.Panels;

namespace Sightline.Web.Pdf;

/// <summary>A meeting's minutes as a PDF: attendance, each item's discussion, level and decision, the actions and the findings.</summary>
public static class MinutesPdf
{
    public static byte[] Render(MeetingView view, DateTime producedAt, string producedBy, DateOnly today)
    {
        var m = view.Meeting;
        using var pdf = new PdfPages($"Minutes: {view.Panel.Name}, {m.Date.Display()}", SeamPdf.Marking,
            $"Sightline · minutes of {view.Panel.Name}, {m.Date.Display()} · produced {producedAt.Display()} by {producedBy}");
        pdf.Title($"Minutes: {view.Panel.Name}");
        pdf.Paragraph($"{view.Panel.TypeName} · meeting on {m.Date.Display()} · {m.Status.DisplayName()}", pdf.Body, grey: true);
        pdf.Row("Chair", view.Panel.ChairUser?.DisplayName);

        pdf.Section("Attendance");
        if (m.Attendance.Count == 0) pdf.Paragraph("No agencies recorded.");
        else pdf.Table([("Agency", 0.7), ("Attendance", 0.3)],
            m.Attendance.OrderBy(a => a.Agency?.Name).Select(a => (IReadOnlyList<string>)[a.Agency?.Name ?? "", PanelText.Attendance(a.Status)]));

        pdf.Section("Items");
        foreach (var line in view.Agenda.Where(a => a.Item.IsOnAgenda))
        {
            var i = line.Item;
            pdf.Subheading($"{i.Order}. {(line.PersonName is { } name ? $"{name}, {line.PersonReference}" : i.Kind.DisplayName())} – {i.Kind.DisplayName()}");
            if (i.RiskLevel is { } level) pdf.Row("Current risk level", level.DisplayName());
            pdf.Row("Decision", i.Decision?.DisplayName() ?? "Not recorded");
            pdf.Paragraph(i.Minutes ?? "No discussion recorded.");
        }

        pdf.Section("Actions");
        if (view.Actions.Count == 0) pdf.Paragraph("No actions agreed.");
        else pdf.Table([("Action", 0.46), ("Owner", 0.2), ("Due", 0.16), ("Status", 0.18)],
            view.Actions.Select(a => (IReadOnlyList<string>)[a.Title, a.OwnerName, a.DueOn.Display(), a.Status.DisplayName() + (a.IsOverdueOn(today) ? " (overdue)" : "")]));

        if (m.Notes.Count > 0)
        {
            pdf.Section("Themes, service gaps and recommendations");
            foreach (var note in m.Notes.OrderBy(n => n.Kind).ThenBy(n => n.CreatedAt)) pdf.Row(note.Kind.DisplayName(), note.Text);
        }
        return pdf.Finish();
    }
}
