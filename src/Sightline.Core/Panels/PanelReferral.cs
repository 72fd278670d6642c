using Sightline.Core.Assessments;
using Sightline.Core.People;

namespace Sightline.Core.Panels;

/// <summary>Open until a panel takes it up. Superseded when a later assessment of the same young person refers them again.</summary>
public enum ReferralStatus { Open, Accepted, Declined, Superseded }

/// <summary>
/// A young person referred to a multi-agency panel: the exploitation panel (MACE) on approval of
/// a High or Very High SEAM, or any panel by a practitioner involved with them. A panel accepts or declines it.
/// </summary>
public class PanelReferral : IBelongsToPerson
{
    public const string Mace = "mace";

    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid PersonId { get; set; }
    public string PanelType { get; set; } = Mace;
    /// <summary>The panel that took the referral up; null while any panel of its type may.</summary>
    public Guid? PanelId { get; set; }
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
