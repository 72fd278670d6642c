using Sightline.Core.Access;
using Sightline.Core.People;

namespace Sightline.Core.Assessments;

/// <summary>
/// A SAFEGUARD screen: for each of the nine areas, whether there is a concern and what was seen,
/// then the practitioner's own decision on a strategy meeting and SEAM. Sightline counts the areas
/// of concern; it never makes the decision.
/// </summary>
public class SafeguardScreen : IBelongsToPerson
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid PersonId { get; set; }
    public DateOnly ScreenedOn { get; set; }
    public Guid RecordedByUserId { get; set; }
    public SightlineUser? RecordedBy { get; set; }
    public Guid AgencyId { get; set; }
    public Agency? Agency { get; set; }
    public DateTime RecordedAt { get; set; }
    public int ConcernCount { get; set; }
    /// <summary>The practitioner's decision: hold a strategy meeting and start a SEAM.</summary>
    public bool HoldStrategyMeeting { get; set; }
    public required string DecisionReason { get; set; }
    public List<SafeguardScreenArea> Areas { get; set; } = [];
}

public class SafeguardScreenArea : IBelongsToPerson
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid ScreenId { get; set; }
    public Guid PersonId { get; set; }
    public required string AreaKey { get; set; }
    public bool Concern { get; set; }
    public string? Seen { get; set; }
}
