using Microsoft.AspNetCore.Mvc;
using Sightline.Core.Access;

namespace Sightline.Web.Pages.Admin.Users;

public sealed class ResetPasswordModel(UserAdministration admin) : SightlinePage
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    public UserSummary? Account { get; private set; }

    /// <summary>Set once the password is reset: the page then shows it, this once.</summary>
    public OneTimePasswordView? Issued { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Account = await admin.GetUserAsync(Id, cancellationToken);
        return Account is null ? NotFound() : Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var outcome = await admin.ResetPasswordAsync(Id, cancellationToken);
        if (outcome.NotFound) return NotFound();
        if (!outcome.Succeeded)
        {
            Account = await admin.GetUserAsync(Id, cancellationToken);
            if (Account is null) return NotFound();
            if (outcome.Errors is not null) AddErrors(outcome.Errors);
            else ModelState.AddModelError("", "The account changed while you were resetting the password. Nothing was changed: try again.");
            return Page();
        }
        var user = outcome.Value!.User;
        Issued = new OneTimePasswordView("Password reset", user.Id, user.DisplayName, user.Email!, user.Role, outcome.Value.OneTimePassword);
        return Page();
    }
}
