using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Sightline.Core.Access;
using Sightline.Core.Data;

namespace Sightline.Web.Auth;

/// <summary>
/// <c>Authorization: Bearer sl_…</c> tokens from <c>./sightline api-token create</c>. The token is
/// hashed and looked up; the principal carries the same claims as the user's own sign-in.
/// </summary>
public sealed class ApiTokenAuthentication(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    SightlineDb db, IUserClaimsPrincipalFactory<SightlineUser> claims, TimeProvider clock)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiToken";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return AuthenticateResult.NoResult();
        var secret = header["Bearer ".Length..].Trim();
        if (secret.Length is < 10 or > 200) return AuthenticateResult.Fail("Malformed token");
        var hash = UserAdministration.HashToken(secret);
        var now = clock.GetUtcNow().UtcDateTime;
        var token = await db.ApiTokens.AsNoTracking().Include(t => t.User)
            .FirstOrDefaultAsync(t => t.TokenHash == hash && t.RevokedAt == null && (t.ExpiresAt == null || t.ExpiresAt > now), Context.RequestAborted);
        if (token?.User is not { IsActive: true } user) return AuthenticateResult.Fail("Unknown or revoked token");
        var principal = await claims.CreateAsync(user);
        ((ClaimsIdentity)principal.Identity!).AddClaim(new Claim("amr", "token"));
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(new ClaimsIdentity(principal.Claims, SchemeName)), SchemeName));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer";
        await Results.Problem(statusCode: 401, title: "A valid API token is required",
            detail: "Send 'Authorization: Bearer <token>' with a token from './sightline api-token create'.").ExecuteAsync(Context);
    }

    protected override async Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        await Results.Problem(statusCode: 403, title: "Your role does not allow this").ExecuteAsync(Context);
    }
}
