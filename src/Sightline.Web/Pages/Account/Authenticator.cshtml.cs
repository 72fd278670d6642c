using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using QRCoder;
using Sightline.Core.Access;

namespace Sightline.Web.Pages.Account;

/// <summary>Sets up an authenticator app, or (already set up) steps a password-only sign-in up to two-factor.</summary>
public sealed class AuthenticatorModel(SignInManager<SightlineUser> signIn) : SightlinePage
{
    [BindProperty] public string? Code { get; set; }
    public bool Enabled { get; private set; }
    public bool MustSetUp => User.IsInRole(Roles.Administrator);
    public string FormattedKey { get; private set; } = "";
    public string QrCodeDataUri { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await signIn.UserManager.GetUserAsync(User);
        if (user is null) return RedirectToPage("/Account/SignIn");
        await LoadAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await signIn.UserManager.GetUserAsync(User);
        if (user is null) return RedirectToPage("/Account/SignIn");
        var code = (Code ?? "").Replace(" ", "").Replace("-", "");
        var valid = code.Length == 6 && await signIn.UserManager.VerifyTwoFactorTokenAsync(user, signIn.UserManager.Options.Tokens.AuthenticatorTokenProvider, code);
        if (!valid)
        {
            ModelState.AddModelError("code", "The code is not correct or has expired. Enter the current code from your app.");
            await LoadAsync(user);
            return Page();
        }
        if (!user.TwoFactorEnabled) await signIn.UserManager.SetTwoFactorEnabledAsync(user, true);
        await signIn.SignInWithClaimsAsync(user, isPersistent: false, [new Claim("amr", "mfa")]);
        return LocalRedirect("/");
    }

    private async Task LoadAsync(SightlineUser user)
    {
        Enabled = user.TwoFactorEnabled;
        if (Enabled) return;
        var key = await signIn.UserManager.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await signIn.UserManager.ResetAuthenticatorKeyAsync(user);
            key = await signIn.UserManager.GetAuthenticatorKeyAsync(user);
            // A new key renews the security stamp, which would end this session at its next check
            // (every request: see SessionValidation). Reissue the cookie with the new stamp.
            await signIn.RefreshSignInAsync(user);
        }
        FormattedKey = string.Join(' ', key!.Chunk(4).Select(c => new string(c))).ToLowerInvariant();
        var uri = $"otpauth://totp/Sightline:{Uri.EscapeDataString(user.Email!)}?secret={key}&issuer=Sightline&digits=6";
        using var data = QRCodeGenerator.GenerateQrCode(uri, QRCodeGenerator.ECCLevel.M);
        QrCodeDataUri = "data:image/png;base64," + Convert.ToBase64String(new PngByteQRCode(data).GetGraphic(5));
    }
}
