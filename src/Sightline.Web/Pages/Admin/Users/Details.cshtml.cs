using Microsoft.AspNetCore.Mvc;
using Sightline.Core.Access;

namespace Sightline.Web.Pages.Admin.Users;

public sealed class DetailsModel(UserAdministration admin) : SightlinePage
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [FromQuery(Name = "done")] public string? DoneKey { get; set; }
    public UserSummary? Account { get; private set; }

    public string? Done => DoneKey switch
    {
        "changed" => "User saved",
        "unlocked" => "Account unlocked: they can sign in again",
        "two-factor-reset" => "Two-factor sign-in reset: they must set up their authenticator app again",
        _ => null,
    };

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Account = await admin.GetUserAsync(Id, cancellationToken);
        return Account is null ? NotFound() : Page();
    }

    public async Task<IActionResult> OnPostUnlockAsync(CancellationToken cancellationToken)
    {
        var outcome = await admin.UnlockAsync(Id, cancellationToken);
        if (outcome.NotFound) return NotFound();
        // A refused save (the account changed at the same moment) leaves it locked, as the page then shows.
        return Redirect(outcome.Succeeded ? $"/admin/users/{Id}?done=unlocked" : $"/admin/users/{Id}");
    }
}
