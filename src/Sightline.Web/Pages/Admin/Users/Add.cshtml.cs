using Microsoft.AspNetCore.Mvc;
using Sightline.Core.Access;
using Sightline.Core.Data;

namespace Sightline.Web.Pages.Admin.Users;

public sealed class AddModel(UserAdministration admin, SightlineDb db) : SightlinePage
{
    [BindProperty] public string? Email { get; set; }
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? Agency { get; set; }
    [BindProperty] public string? TeamId { get; set; }
    [BindProperty(Name = "role")] public string? RoleKey { get; set; }
    public UserFormOptions Options { get; private set; } = new([], []);

    /// <summary>Set once the user is created: the page then shows their one-time password, this once.</summary>
    public OneTimePasswordView? Issued { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Options = await UserFormOptions.LoadAsync(db, cancellationToken: cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        // An unreadable choice matches no agency or team, so the rules refuse it with their own message.
        var outcome = await admin.CreateUserAsync(Email, Name, null, AdminForm.ReadGuid(Agency), AdminForm.ReadRole(RoleKey), AdminForm.ReadChoice(TeamId), cancellationToken);
        if (outcome.Errors is not null)
        {
            AddErrors(outcome.Errors);
            Options = await UserFormOptions.LoadAsync(db, cancellationToken: cancellationToken);
            return Page();
        }
        var created = outcome.Value!;
        var user = created.User;
        Issued = new OneTimePasswordView("User added", user.Id, user.DisplayName, user.Email!, user.Role, created.OneTimePassword);
        return Page();
    }
}
