using Microsoft.AspNetCore.Mvc;
using Sightline.Core.Access;
using Sightline.Core.Data;

namespace Sightline.Web.Pages.Admin.Users;

public sealed class ChangeModel(UserAdministration admin, SightlineDb db) : SightlinePage
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? Agency { get; set; }
    [BindProperty] public string? TeamId { get; set; }
    [BindProperty(Name = "role")] public string? RoleKey { get; set; }
    [BindProperty] public string? Active { get; set; }
    public string Email { get; private set; } = "";
    public bool IsSelf => Id == Me.UserId;
    public UserFormOptions Options { get; private set; } = new([], []);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var user = await admin.GetUserAsync(Id, cancellationToken);
        if (user is null) return NotFound();
        Name = user.DisplayName;
        Agency = user.AgencyId.ToString();
        TeamId = user.TeamId?.ToString();
        RoleKey = user.Role.Key();
        Active = AdminForm.Write(user.IsActive);
        await LoadAsync(user, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var change = new UserChange(Name, AdminForm.ReadRole(RoleKey), AdminForm.ReadGuid(Agency), AdminForm.ReadChoice(TeamId), AdminForm.ReadBool(Active));
        var outcome = await admin.UpdateUserAsync(Me, Id, change, cancellationToken);
        if (outcome.NotFound) return NotFound();
        if (outcome.Succeeded) return Redirect($"/admin/users/{Id}?done=changed");
        var current = await admin.GetUserAsync(Id, cancellationToken);
        if (current is null) return NotFound();
        if (outcome.Errors is not null) AddErrors(outcome.Errors);
        else ModelState.AddModelError("", "The account changed while you were saving (for example, they signed in). Check the details, then save again.");
        await LoadAsync(current, cancellationToken);
        return Page();
    }

    private async Task LoadAsync(UserSummary user, CancellationToken cancellationToken)
    {
        Email = user.Email;
        Options = await UserFormOptions.LoadAsync(db, user.AgencyId, user.TeamId, cancellationToken);
    }
}
