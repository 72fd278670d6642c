using System.Runtime.ExceptionServices;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Identity;
using Sightline.Web.Infrastructure;

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
    private const string UncheckedKey = "sightline:session-unchecked";

    /// <summary>
    /// Identity's check, except when the database cannot be reached. Authentication is done once per
    /// request and its outcome kept, even when it failed, so an exception thrown here would be
    /// thrown again while the error page is drawn and the person would get a bare 500. Instead the
    /// request carries on as nobody for now, and <see cref="FailUncheckedAsync"/> (just after
    /// authentication) throws the error, for the "unavailable" page to be drawn.
    /// </summary>
    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        try
        {
            await SecurityStampValidator.ValidatePrincipalAsync(context);
        }
        catch (Exception ex) when (ErrorResponses.StatusFor(ex) == StatusCodes.Status503ServiceUnavailable)
        {
            context.RejectPrincipal();
            context.HttpContext.Items[UncheckedKey] = ExceptionDispatchInfo.Capture(ex);
        }
    }

    /// <summary>Middleware: a session that could not be checked fails the request (not the error page drawn for it).</summary>
    public static Task FailUncheckedAsync(HttpContext context, RequestDelegate next)
    {
        if (context.Items[UncheckedKey] is ExceptionDispatchInfo error && context.Features.Get<IExceptionHandlerFeature>() is null)
            error.Throw();
        return next(context);
    }

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
