using System.Security.Claims;
using Sightline.Core.Audit;

namespace Sightline.Web.Infrastructure;

/// <summary>The audit trail's "who and from where": the signed-in user and their address, or the system for commands.</summary>
public sealed class HttpAuditActor(IHttpContextAccessor accessor) : IAuditActor
{
    private ClaimsPrincipal? User => accessor.HttpContext?.User;

    // Outside a request (an operator's ./sightline command) the actor is the system, named as such in the trail.
    private bool InRequest => accessor.HttpContext is not null;

    public Guid? UserId => Guid.TryParse(User?.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;
    public string? UserEmail => InRequest ? User?.FindFirstValue(ClaimTypes.Email) ?? User?.FindFirstValue(ClaimTypes.Name) : FixedAuditActor.System.UserEmail;
    public string? IpAddress => InRequest ? accessor.HttpContext!.Connection.RemoteIpAddress?.ToString() : FixedAuditActor.System.IpAddress;
}
