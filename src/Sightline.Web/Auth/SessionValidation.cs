using System.Security.Claims;
using Microsoft.AspNetCore.Identity;

namespace Sightline.Web.Auth;

/// <summary>
/// How a signed-in session follows changes an administrator makes. Every request checks the
/// cookie's security stamp against the user's (one indexed lookup), so deactivating a user, changing
/// their role or agency, resetting their password or two-factor ends their sessions at once rather
/// than up to 30 minutes later (Identity's default). The refreshed principal keeps how the user
/// signed in (<c>amr</c>): Identity would otherwise drop the two-factor claim and send
/// administrators back to their authenticator.
/// </summary>
public static class SessionValidation
{
    public static void Configure(SecurityStampValidatorOptions options)
    {
        options.ValidationInterval = TimeSpan.Zero;
        options.OnRefreshingPrincipal = context =>
        {
            if (context.NewPrincipal?.Identity is ClaimsIdentity identity && context.CurrentPrincipal is { } current)
            {
                foreach (var amr in current.FindAll("amr"))
                    if (!identity.HasClaim("amr", amr.Value)) identity.AddClaim(new Claim("amr", amr.Value));
            }
            return Task.CompletedTask;
        };
    }
}
