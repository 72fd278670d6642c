using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Sightline.Core.Data;
using Sightline.Core.Panels;

namespace Sightline.Web.Pages.Admin.Panels;

/// <summary>Administrators set up panels here (or through <c>POST /api/v1/panels</c>).</summary>
public sealed class IndexModel(PanelRecords panels, SightlineDb db) : SightlinePage
{
    [BindProperty] public string? Type { get; set; }
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? ChairEmail { get; set; }
    [BindProperty] public string? MemberEmails { get; set; }
    [BindProperty] public List<string> MemberAgencies { get; set; } = [];

    public List<Panel> Panels { get; private set; } = [];
    public List<string> Agencies { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var emails = (MemberEmails ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        var outcome = await panels.CreateAsync(Me, new PanelInput(Type, Name, ChairEmail, emails, MemberAgencies), cancellationToken);
        if (outcome.Succeeded) return Redirect("/admin/panels");
        if (outcome.Conflict) ModelState.AddModelError("name", "A panel with this name already exists");
        // Member errors are keyed by position; the page has one box for them all.
        foreach (var (field, message) in outcome.Errors?.All ?? [])
            ModelState.AddModelError(field.StartsWith("memberEmails[") ? "memberEmails" : field.StartsWith("memberAgencies[") ? "memberAgencies" : field, message);
        if (outcome.Refusal is { } refusal) ModelState.AddModelError("", refusal);
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Panels = await panels.ListAsync(cancellationToken);
        Agencies = await db.Agencies.AsNoTracking().Where(a => a.IsActive).OrderBy(a => a.Name).Select(a => a.Name).ToListAsync(cancellationToken);
    }
}
