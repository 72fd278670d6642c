using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Sightline.Core.Access;
using Sightline.Core.Audit;
using Sightline.Core.Data;

namespace Sightline.Web.Pages.Account;

[EnableRateLimiting(SightlineHost.SignInRateLimit)]
public sealed class SignInModel(SignInManager<SightlineUser> signIn, SightlineDb db) : SightlinePage
{
    [BindProperty] public string? Email { get; set; }
    [BindProperty] public string? Password { get; set; }
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        if (string.IsNullOrWhiteSpace(Email)) ModelState.AddModelError("email", "Enter your email address");
        if (string.IsNullOrEmpty(Password)) ModelState.AddModelError("password", "Enter your password");
        if (!ModelState.IsValid) return Page();

        var user = await signIn.UserManager.FindByEmailAsync(Email!.Trim());
        if (user is { IsActive: false }) user = null;
        var result = user is null ? Microsoft.AspNetCore.Identity.SignInResult.Failed : await signIn.PasswordSignInAsync(user, Password!, isPersistent: false, lockoutOnFailure: true);
        // Audit by user id only: a mistyped email address may be someone's personal data.
        db.Audit!.Record(result.Succeeded || result.RequiresTwoFactor ? AuditAction.SignIn : AuditAction.SignInFailed, "user", user?.Id.ToString(),
            details: new { outcome = result.Succeeded ? "signed-in" : result.RequiresTwoFactor ? "password-ok-awaiting-second-factor" : result.IsLockedOut ? "locked-out" : "failed" });
        await db.SaveChangesAsync();

        if (result.RequiresTwoFactor) return RedirectToPage("/Account/TwoFactor", new { returnUrl = SafeReturnUrl() });
        if (result.Succeeded) return LocalRedirect(SafeReturnUrl());
        if (result.IsLockedOut)
            ModelState.AddModelError("email", "Your account is locked after too many failed attempts. Try again in 15 minutes or ask an administrator.");
        else
            ModelState.AddModelError("email", "Enter a correct email address and password");
        return Page();
    }

    private string SafeReturnUrl() => !string.IsNullOrEmpty(ReturnUrl) && Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/";
}
