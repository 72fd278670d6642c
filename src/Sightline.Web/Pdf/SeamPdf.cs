using Sightline.Core;
using Sightline.Core.Actions;
using Sightline.Core.Assessments;
using Sightline.Web.Pages.Assessments;

namespace Sightline.Web.Pdf;

/// <summary>A SEAM assessment as a PDF, for the young person's file and the strategy meeting.</summary>
public static class SeamPdf
{
    public const string Marking = "OFFICIAL-SENSITIVE";

    public static byte[] Render(SeamView view, IReadOnlyList<ActionItem> actions, DateTime producedAt, string producedBy)
    {
        var a = view.Assessment;
        var person = view.Person;
        var form = a.Form;
        var previous = view.Previous?.FormVersion == a.FormVersion ? view.Previous : null;
        var today = DateOnly.FromDateTime(producedAt.ToLondon());

        using var pdf = new PdfPages($"SEAM assessment {person.Reference}", Marking,
            $"Sightline · SEAM assessment {person.Reference} · produced {producedAt.Display()} by {producedBy}");
        pdf.Title("SEAM assessment");
        pdf.Paragraph($"{form.Title} · {SeamTags.StatusName(a.Status)}", pdf.Body, grey: true);

        pdf.Section("Young person");
        pdf.Row("Name", person.FullName);
        pdf.Row("Reference", person.Reference);
        pdf.Row("Date of birth", person.DateOfBirth.Display());

        pdf.Section("Assessment");
        pdf.Row("Form", $"{form.Title} (version {form.Version})");
        pdf.Row("Status", SeamTags.StatusName(a.Status));
        pdf.Row("Date of assessment", a.AssessedOn.Display());
        pdf.Row("Assessed by", $"{a.Author?.DisplayName ?? "Unknown user"}, {a.Agency?.Name}");
        if (a.SubmittedAt is { } submitted) pdf.Row("Submitted", submitted.Display());
        if (a.DecidedAt is { } decided)
            pdf.Row(a.Status == SeamStatus.Returned ? "Returned by" : "Approved by", $"{a.DecidedBy?.DisplayName ?? "Unknown user"}, {decided.Display()}");
        if (a.ReviewDueOn is { } due && a.Status == SeamStatus.Approved) pdf.Row("Review due", due.Display());
        if (view.Previous is { } reviewed) pdf.Row("Reviews", $"the assessment of {reviewed.AssessedOn.Display()} (total {reviewed.Total}, {reviewed.Level.DisplayName()})");
        if (a.Status == SeamStatus.Returned && a.ReturnComments is { } comments) pdf.Row("Manager’s comments", comments);

        pdf.Section("Risk level");
        pdf.Row("Total", $"{a.Total} of {form.MaxTotal}" + (previous is null ? "" : $" ({SeamTags.Change(a.Total, previous.Total)} since {previous.AssessedOn.Display()})"));
        pdf.Row("Level from the total", a.CalculatedLevel.DisplayName());
        if (a.JudgementLevel is { } judgement) pdf.Row("Raised on professional judgement", $"{judgement.DisplayName()}: {a.JudgementReason}");
        pdf.Row("Level in force", a.IsComplete ? a.Level.DisplayName() : "Not yet approved");
        pdf.Row("The young person’s own view of their risk", a.YoungPersonPerception?.DisplayName() ?? "Not recorded");
        pdf.Row("In their words", a.YoungPersonView ?? "Not recorded");

        pdf.Section("Scores");
        var scoreColumns = previous is null
            ? new List<(string, double)> { ("Area", 0.8), ("Score", 0.2) }
            : [("Area", 0.55), ("Previous", 0.15), ("Now", 0.15), ("Change", 0.15)];
        pdf.Table(scoreColumns, form.Domains.Select((d, i) =>
        {
            var now = a.ScoreFor(d.Key);
            var name = $"{i + 1}. {d.Title}";
            if (previous is null) return (IReadOnlyList<string>)[name, now?.ToString() ?? "–"];
            var before = previous.ScoreFor(d.Key);
            return [name, before?.ToString() ?? "–", now?.ToString() ?? "–", before is { } b && now is { } n ? SeamTags.Change(n, b) : ""];
        }).Append(previous is null
            ? ["Total", $"{a.Total} of {form.MaxTotal}"]
            : ["Total", previous.Total.ToString(), a.Total.ToString(), SeamTags.Change(a.Total, previous.Total)]));

        pdf.Section("Evidence");
        for (var i = 0; i < form.Domains.Count; i++)
        {
            var domain = form.Domains[i];
            var entry = a.Scores.FirstOrDefault(s => s.DomainKey == domain.Key);
            pdf.Subheading($"{i + 1}. {domain.Title} – {(entry is null ? "not scored" : $"score {entry.Score} of {SeamForm.MaxDomainScore}")}");
            if (entry is not null && domain.DescriptorFor(entry.Score) is { } descriptor) pdf.Paragraph(descriptor, pdf.Small, grey: true);
            pdf.Paragraph(entry?.Evidence ?? "No evidence given.");
        }

        pdf.Section("Action plan");
        if (actions.Count == 0) pdf.Paragraph("No actions yet.");
        else
        {
            pdf.Table(
                [("Area of need or risk", 0.18), ("Desired outcome", 0.2), ("Action", 0.24), ("By whom", 0.14), ("By when", 0.12), ("Status", 0.12)],
                actions.Select(item => (IReadOnlyList<string>)
                [
                    item.AreaOfNeed, item.DesiredOutcome, item.Action, item.OwnerName, item.DueOn.Display(),
                    item.Status.DisplayName() + (item.IsOverdueOn(today) ? " (overdue)" : ""),
                ]));
        }

        pdf.Section("What happens next");
        if (a.Routing is { } routing)
        {
            pdf.Paragraph(routing.Describe());
            if (view.Referral is { } referral)
                pdf.Paragraph($"Referral to the exploitation panel (MACE) made {referral.CreatedAt.Display()}: {referral.Status.ToString().ToLowerInvariant()}.");
        }
        else pdf.Paragraph("Not yet approved. On approval the assessment is routed by the level in force: Low or Medium – a review strategy meeting; High – a referral to the exploitation panel (MACE); Very high – the referral, and every senior manager is told.");

        return pdf.Finish();
    }
}
