using Microsoft.AspNetCore.Mvc;
using Sightline.Core.Access;

namespace Sightline.Web.Pages.Admin.Agencies;

public sealed class ChangeModel(UserAdministration admin) : SightlinePage
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? Kind { get; set; }
    [BindProperty] public string? Active { get; set; }
    [BindProperty] public string? Version { get; set; }
    public string CurrentName { get; private set; } = "";

    /// <summary>The agency as someone else saved it, when our save was refused as stale.</summary>
    public IReadOnlyList<(string Label, string Value)>? Conflict { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var agency = await admin.GetAgencyAsync(Id, cancellationToken);
        if (agency is null) return NotFound();
        CurrentName = Name = agency.Name;
        Kind = agency.Kind.ToString();
        Active = AdminForm.Write(agency.IsActive);
        Version = agency.Version.ToString();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var change = new AgencyChange(Name, AdminForm.ReadKind(Kind), AdminForm.ReadBool(Active));
        var outcome = await admin.UpdateAgencyAsync(Id, change, AdminForm.ReadGuid(Version) ?? Guid.Empty, cancellationToken);
        if (outcome.NotFound) return NotFound();
        if (outcome.Succeeded) return Redirect($"/admin/agencies/{Id}?done=changed");

        var current = await admin.GetAgencyAsync(Id, cancellationToken);
        if (current is null) return NotFound();
        CurrentName = current.Name;
        if (outcome.Errors is not null)
        {
            AddErrors(outcome.Errors);
            return Page();
        }
        // Stale: keep what they typed, show what is saved now, and let a second save deliberately win.
        Conflict = [("Name", current.Name), ("Kind", current.Kind.DisplayName()), ("Status", current.IsActive ? "Active" : "Inactive")];
        Version = current.Version.ToString();
        ModelState.AddModelError("", "Someone else changed this agency while you were editing it. Check the differences, then save again.");
        return Page();
    }
}
