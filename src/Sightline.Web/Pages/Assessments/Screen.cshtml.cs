using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Sightline.Core.Assessments;
using Sightline.Core.Data;

namespace Sightline.Web.Pages.Assessments;

/// <summary>A SAFEGUARD screen as recorded: the count of areas of concern, and the practitioner's decision.</summary>
public sealed class ScreenModel(ScreenRecords screens, SightlineDb db) : SightlinePage
{
    [BindProperty(SupportsGet = true)] public Guid ScreenId { get; set; }
    public SafeguardScreen Screen { get; private set; } = null!;
    public PersonSummaryLine Person { get; private set; } = null!;

    /// <summary>The SEAM assessments that followed this screen.</summary>
    public List<(Guid Id, DateOnly AssessedOn, SeamStatus Status)> Assessments { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var screen = await screens.GetAsync(Me, ScreenId, cancellationToken);
        if (screen is null) return NotFound();
        Screen = screen;
        Person = await db.People.AsNoTracking().Where(p => p.Id == screen.PersonId)
            .Select(p => new PersonSummaryLine(p.Id, p.Reference, p.FirstName + " " + p.LastName, p.DateOfBirth)).FirstAsync(cancellationToken);
        Assessments = (await db.SeamAssessments.AsNoTracking().Where(s => s.SafeguardScreenId == ScreenId)
                .Select(s => new { s.Id, s.AssessedOn, s.Status }).ToListAsync(cancellationToken))
            .OrderBy(s => s.AssessedOn).Select(s => (s.Id, s.AssessedOn, s.Status)).ToList();
        return Page();
    }
}
