namespace Sightline.Core.Access;

/// <summary>
/// Emergency access to a record outside need-to-know: a reason is required, it lasts
/// <see cref="Duration"/>, it is audited and it is listed for managers to review.
/// </summary>
public class BreakGlassAccess
{
    public static readonly TimeSpan Duration = TimeSpan.FromHours(3);

    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid PersonId { get; set; }
    public Guid UserId { get; set; }
    public SightlineUser? User { get; set; }
    public required string Reason { get; set; }
    public DateTime StartedAt { get; set; }
    public DateTime ExpiresAt { get; set; }
    public Guid? ReviewedByUserId { get; set; }
    public DateTime? ReviewedAt { get; set; }
    public string? ReviewNote { get; set; }

    public bool IsActiveAt(DateTime now) => StartedAt <= now && now < ExpiresAt;
}
