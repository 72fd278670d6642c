namespace Sightline.Core.Audit;

/// <summary>Who is acting and from where. The web host fills it from the request; commands use <see cref="System"/>.</summary>
public interface IAuditActor
{
    Guid? UserId { get; }
    string? UserEmail { get; }
    string? IpAddress { get; }
}

public sealed record FixedAuditActor(Guid? UserId, string? UserEmail, string? IpAddress) : IAuditActor
{
    public static readonly FixedAuditActor System = new(null, "system", "local");
}
