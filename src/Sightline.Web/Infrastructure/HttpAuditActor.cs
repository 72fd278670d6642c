using System.Security.Claims;
using Sightline.Core.Audit;

namespace Sightline.Web.Infrastructure;

/// <summary>The audit trail's "who and from where" for a web request.</summary>
public sealed class HttpAuditActor(IHttpContextAccessor accessor) : IAuditActor
{
    private ClaimsPrincipal? User => accessor.HttpContext?.User;

    public Guid? UserId => Guid.TryParse(User?.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;
    public string? UserEmail => User?.FindFirstValue(ClaimTypes.Email) ?? User?.FindFirstValue(ClaimTypes.Name);
    public string? IpAddress => accessor.HttpContext?.Connection.RemoteIpAddress?.ToString();
}
