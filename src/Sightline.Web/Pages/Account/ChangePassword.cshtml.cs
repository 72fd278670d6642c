using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Sightline.Core.Access;
using Sightline.Web.Infrastructure;

namespace Sightline.Web.Pages.Account;

public sealed class ChangePasswordModel(SignInManager<SightlineUser> signIn) : SightlinePage
{
    [BindProperty] public string? CurrentPassword { get; set; }
    [BindProperty] public string? NewPassword { get; set; }
    [BindProperty] public string? ConfirmPassword { get; set; }
    public bool Required => User.HasClaim(AccountGate.MustChangePasswordClaim, "true");

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        if (string.IsNullOrEmpty(CurrentPassword)) ModelState.AddModelError("currentPassword", "Enter your current password");
        if (string.IsNullOrEmpty(NewPassword)) ModelState.AddModelError("newPassword", "Enter a new password");
        else if (NewPassword != ConfirmPassword) ModelState.AddModelError("confirmPassword", "The passwords do not match");
        if (!ModelState.IsValid) return Page();
        var user = await signIn.UserManager.GetUserAsync(User);
        if (user is null) return RedirectToPage("/Account/SignIn");
        var result = await signIn.UserManager.ChangePasswordAsync(user, CurrentPassword!, NewPassword!);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
                ModelState.AddModelError(error.Code == "PasswordMismatch" ? "currentPassword" : "newPassword",
                    error.Code == "PasswordMismatch" ? "Your current password is not correct" : error.Description);
            return Page();
        }
        user.MustChangePassword = false;
        await signIn.UserManager.UpdateAsync(user);
        await signIn.RefreshSignInAsync(user);
        return LocalRedirect("/");
    }
}
