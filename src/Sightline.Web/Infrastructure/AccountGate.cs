using Microsoft.AspNetCore.Identity;
using Sightline.Core.Access;
using Sightline.Web.Auth;

namespace Sightline.Web.Infrastructure;

/// <summary>
/// Before a signed-in person can use anything else: a one-time password must be replaced, and an
/// administrator must have signed in with an authenticator app (setting one up if they have none).
/// </summary>
public sealed class AccountGate(RequestDelegate next)
{
    public const string MustChangePasswordClaim = "sightline:must-change-password";

    public async Task InvokeAsync(HttpContext context)
    {
        var user = context.User;
        var path = context.Request.Path;
        var isCookieUser = user.Identity?.IsAuthenticated == true && user.Identity.AuthenticationType == IdentityConstants.ApplicationScheme;
        var exempt = StaticAssets.IsStatic(path) || path.StartsWithSegments("/account") || path.StartsWithSegments("/sign-out")
            || path.StartsWithSegments("/health") || path.StartsWithSegments("/api") || path.StartsWithSegments("/openapi");
        if (isCookieUser && !exempt)
        {
            if (user.HasClaim(MustChangePasswordClaim, "true"))
            {
                context.Response.Redirect("/account/change-password");
                return;
            }
            if (user.IsInRole(Roles.Administrator) && !user.SignedInWithTwoFactor())
            {
                context.Response.Redirect("/account/authenticator");
                return;
            }
        }
        await next(context);
    }
}
