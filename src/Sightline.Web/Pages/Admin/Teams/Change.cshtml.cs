using Microsoft.AspNetCore.Mvc;
using Sightline.Core.Access;

namespace Sightline.Web.Pages.Admin.Teams;

public sealed class ChangeModel(UserAdministration admin) : SightlinePage
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? Active { get; set; }
    [BindProperty] public string? Version { get; set; }
    public Guid AgencyId { get; private set; }
    public string AgencyName { get; private set; } = "";

    /// <summary>The team as someone else saved it, when our save was refused as stale.</summary>
    public IReadOnlyList<(string Label, string Value)>? Conflict { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var team = await admin.GetTeamAsync(Id, cancellationToken);
        if (team is null) return NotFound();
        Show(team);
        Name = team.Name;
        Active = AdminForm.Write(team.IsActive);
        Version = team.Version.ToString();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var outcome = await admin.UpdateTeamAsync(Id, Name, AdminForm.ReadBool(Active), AdminForm.ReadGuid(Version) ?? Guid.Empty, cancellationToken);
        if (outcome.NotFound) return NotFound();
        var current = await admin.GetTeamAsync(Id, cancellationToken);
        if (current is null) return NotFound();
        if (outcome.Succeeded) return Redirect($"/admin/agencies/{current.AgencyId}?done=team-changed");
        Show(current);
        if (outcome.Errors is not null)
        {
            AddErrors(outcome.Errors);
            return Page();
        }
        Conflict = [("Team name", current.Name), ("Status", current.IsActive ? "Active" : "Inactive")];
        Version = current.Version.ToString();
        ModelState.AddModelError("", "Someone else changed this team while you were editing it. Check the differences, then save again.");
        return Page();
    }

    private void Show(Team team)
    {
        AgencyId = team.AgencyId;
        AgencyName = team.Agency?.Name ?? "";
    }
}
