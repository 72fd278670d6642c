namespace Sightline.Core.Audit;

/// <summary>
/// One line of the append-only audit trail. <see cref="Hash"/> covers every field and the previous
/// entry's hash, so altering or removing any entry breaks the chain from that point on.
/// </summary>
public class AuditEntry
{
    /// <summary>Position in the chain, 1-based and gap-free.</summary>
    public long Sequence { get; set; }
    public DateTime OccurredAt { get; set; }
    public Guid? UserId { get; set; }
    public string? UserEmail { get; set; }
    public AuditAction Action { get; set; }
    public required string EntityType { get; set; }
    public string? EntityId { get; set; }

    /// <summary>The young person the entry concerns, so "who has seen this record" is one indexed query.</summary>
    public Guid? PersonId { get; set; }

    /// <summary>JSON: what changed (field → old/new), the search terms, the reason given…</summary>
    public string? Details { get; set; }
    public string? IpAddress { get; set; }
    public required string PreviousHash { get; set; }
    public required string Hash { get; set; }
}

public enum AuditAction
{
    View,
    Search,
    Create,
    Update,
    Delete,
    Export,
    BreakGlass,
    SignIn,
    SignInFailed,
    SignOut,
    Administer,
}

/// <summary>The single row holding the chain's tip; updating it serialises appends across app instances.</summary>
public class AuditChainHead
{
    public int Id { get; set; }
    public long Sequence { get; set; }
    public required string Hash { get; set; }
}
