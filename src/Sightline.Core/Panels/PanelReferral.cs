using Sightline.Core.Assessments;
using Sightline.Core.People;

namespace Sightline.Core.Panels;

/// <summary>Open until a panel takes it up. Superseded when a later assessment of the same young person refers them again.</summary>
public enum ReferralStatus { Open, Accepted, Declined, Superseded }

/// <summary>
/// A young person referred to a multi-agency panel: today, the exploitation panel (MACE) on
/// approval of a High or Very High SEAM. The panels themselves take referrals up.
/// </summary>
public class PanelReferral : IBelongsToPerson
{
    public const string Mace = "mace";

    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid PersonId { get; set; }
    public string PanelType { get; set; } = Mace;
    public Guid? SeamAssessmentId { get; set; }
    public RiskLevel? RiskLevel { get; set; }
    public required string Reason { get; set; }
    public ReferralStatus Status { get; set; } = ReferralStatus.Open;
    public DateTime CreatedAt { get; set; }
    public Guid CreatedByUserId { get; set; }
    public DateTime? DecidedAt { get; set; }
    public Guid? DecidedByUserId { get; set; }
    public string? DecisionReason { get; set; }
    public Guid Version { get; set; } = Guid.NewGuid();
}
