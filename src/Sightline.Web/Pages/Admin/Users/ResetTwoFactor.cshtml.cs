using Microsoft.AspNetCore.Mvc;
using Sightline.Core.Access;

namespace Sightline.Web.Pages.Admin.Users;

public sealed class ResetTwoFactorModel(UserAdministration admin) : SightlinePage
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    public UserSummary? Account { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Account = await admin.GetUserAsync(Id, cancellationToken);
        return Account is null ? NotFound() : Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var outcome = await admin.ResetTwoFactorAsync(Id, cancellationToken);
        if (outcome.NotFound) return NotFound();
        if (!outcome.Succeeded)
        {
            Account = await admin.GetUserAsync(Id, cancellationToken);
            if (Account is null) return NotFound();
            if (outcome.Errors is not null) AddErrors(outcome.Errors);
            else ModelState.AddModelError("", "The account changed at the same moment. Nothing was changed: try again.");
            return Page();
        }
        return Redirect($"/admin/users/{Id}?done=two-factor-reset");
    }
}
