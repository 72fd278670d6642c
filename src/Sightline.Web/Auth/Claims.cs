using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Sightline.Core.Access;

namespace Sightline.Web.Auth;

public static class SightlineClaims
{
    public const string Agency = "sightline:agency";
    public const string DisplayName = "sightline:name";

    /// <summary>The acting user as the rules see them, or null for anonymous or malformed principals.</summary>
    public static CurrentUser? ToCurrentUser(this ClaimsPrincipal principal)
    {
        if (principal.Identity?.IsAuthenticated != true) return null;
        if (!Guid.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), out var userId)) return null;
        if (!Guid.TryParse(principal.FindFirstValue(Agency), out var agencyId)) return null;
        if (!Roles.TryParse(principal.FindFirstValue(ClaimTypes.Role), out var role)) return null;
        return new CurrentUser(userId, principal.FindFirstValue(ClaimTypes.Email) ?? "", principal.FindFirstValue(DisplayName) ?? "", agencyId, role);
    }

    /// <summary>True when this sign-in used a second factor (ASP.NET Identity sets amr=mfa).</summary>
    public static bool SignedInWithTwoFactor(this ClaimsPrincipal principal) =>
        principal.HasClaim("amr", "mfa");
}

/// <summary>Puts role, agency and display name in the cookie so that need-to-know needs no extra query.</summary>
public sealed class SightlineClaimsFactory(UserManager<SightlineUser> users, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<SightlineUser>(users, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(SightlineUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(ClaimTypes.Role, user.Role.Key()));
        identity.AddClaim(new Claim(SightlineClaims.Agency, user.AgencyId.ToString()));
        identity.AddClaim(new Claim(SightlineClaims.DisplayName, user.DisplayName));
        if (user.MustChangePassword) identity.AddClaim(new Claim(Infrastructure.AccountGate.MustChangePasswordClaim, "true"));
        if (user.Email is not null && !identity.HasClaim(c => c.Type == ClaimTypes.Email)) identity.AddClaim(new Claim(ClaimTypes.Email, user.Email));
        return identity;
    }
}
