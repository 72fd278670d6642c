using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Sightline.Core.Access;
using Sightline.Core.Audit;
using Sightline.Core.Data;

namespace Sightline.Web.Pages.Account;

public sealed class SignOutModel(SignInManager<SightlineUser> signIn, SightlineDb db) : SightlinePage
{
    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        db.Audit!.Record(AuditAction.SignOut, "user", Me.UserId.ToString());
        await db.SaveChangesAsync();
        await signIn.SignOutAsync();
        return RedirectToPage("/Account/SignedOut");
    }
}
