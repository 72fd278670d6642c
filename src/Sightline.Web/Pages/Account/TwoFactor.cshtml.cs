using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Sightline.Core.Access;

namespace Sightline.Web.Pages.Account;

[EnableRateLimiting(SightlineHost.SignInRateLimit)]
public sealed class TwoFactorModel(SignInManager<SightlineUser> signIn) : SightlinePage
{
    [BindProperty] public string? Code { get; set; }
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? RedirectToPage("/Account/SignIn") : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is null) return RedirectToPage("/Account/SignIn");
        var code = (Code ?? "").Replace(" ", "").Replace("-", "");
        if (code.Length != 6 || !code.All(char.IsAsciiDigit))
        {
            ModelState.AddModelError("code", "Enter the 6-digit code from your authenticator app");
            return Page();
        }
        var result = await signIn.TwoFactorAuthenticatorSignInAsync(code, isPersistent: false, rememberClient: false);
        if (result.Succeeded) return LocalRedirect(!string.IsNullOrEmpty(ReturnUrl) && Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
        ModelState.AddModelError("code", result.IsLockedOut
            ? "Your account is locked after too many failed attempts. Try again in 15 minutes."
            : "The code is not correct or has expired. Enter the current code from your app.");
        return Page();
    }
}
