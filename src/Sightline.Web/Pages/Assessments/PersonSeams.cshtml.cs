using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Sightline.Core.Assessments;
using Sightline.Core.Data;
using Sightline.Core.People;

namespace Sightline.Web.Pages.Assessments;

/// <summary>A young person's SEAM assessments, and the trend across the completed ones: totals, per-area scores and a chart.</summary>
public sealed class PersonSeamsModel(SeamRecords seams, PersonRecords records, SightlineDb db) : SightlinePage
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }

    public PersonSummaryLine Person { get; private set; } = new(Guid.Empty, "", "", default);
    /// <summary>Every assessment, newest first.</summary>
    public IReadOnlyList<SeamAssessment> All { get; private set; } = [];
    /// <summary>The completed ones (approved or superseded), oldest first: the trend.</summary>
    public IReadOnlyList<SeamAssessment> Completed { get; private set; } = [];
    public bool HasCurrent => All.Any(a => a.Status == SeamStatus.Approved);

    /// <summary>Runs of completed assessments on the same form, in order: one per-area table each, since the areas differ between forms.</summary>
    public IReadOnlyList<(SeamForm Form, IReadOnlyList<SeamAssessment> Assessments)> ByForm { get; private set; } = [];

    public IReadOnlyList<TrendPoint> Points => Completed.Select(a => new TrendPoint(a.AssessedOn, a.Total, a.Level)).ToList();

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var outcome = await seams.ForPersonAsync(Me, Id, cancellationToken);
        if (outcome.NotFound)
        {
            var decision = await records.DecideAsync(Me, Id, cancellationToken);
            return decision.Exists ? Redirect($"/people/{Id}/break-glass") : NotFound();
        }
        All = outcome.Value!;
        Person = await db.People.AsNoTracking().Where(p => p.Id == Id)
            .Select(p => new PersonSummaryLine(p.Id, p.Reference, p.FirstName + " " + p.LastName, p.DateOfBirth)).FirstAsync(cancellationToken);
        Completed = All.Where(a => a.IsComplete).OrderBy(a => a.AssessedOn).ThenBy(a => a.DecidedAt).ToList();
        ByForm = Completed.GroupBy(a => a.FormVersion)
            .Select(g => (SeamForms.Find(g.Key)!, (IReadOnlyList<SeamAssessment>)g.ToList()))
            .Where(g => g.Item1 is not null)
            .OrderBy(g => g.Item2[0].AssessedOn).ToList();
        return Page();
    }
}
