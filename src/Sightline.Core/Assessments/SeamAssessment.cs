using Sightline.Core.Access;
using Sightline.Core.People;

namespace Sightline.Core.Assessments;

/// <summary>Draft → Submitted → Approved (or Returned, then resubmitted). An approved assessment is Superseded when a review of it is approved.</summary>
public enum SeamStatus { Draft, Submitted, Returned, Approved, Superseded }

/// <summary>
/// A SEAM risk assessment of one young person on one version of the form. The total and the
/// calculated level are stored (kept in step by <see cref="Rescore"/>) so lists and the
/// index can filter on them; the level in force is the manager's raised judgement, if any.
/// </summary>
public class SeamAssessment : IBelongsToPerson
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid PersonId { get; set; }
    public required string FormVersion { get; set; }
    public SeamStatus Status { get; set; } = SeamStatus.Draft;
    public DateOnly AssessedOn { get; set; }
    public int Total { get; set; }
    public RiskLevel CalculatedLevel { get; set; }
    public RiskLevel? YoungPersonPerception { get; set; }
    /// <summary>What the young person said about their own situation, in their words.</summary>
    public string? YoungPersonView { get; set; }
    public RiskLevel? JudgementLevel { get; set; }
    public string? JudgementReason { get; set; }
    public Guid? JudgementByUserId { get; set; }

    public Guid AuthorUserId { get; set; }
    public SightlineUser? Author { get; set; }
    public Guid AgencyId { get; set; }
    public Agency? Agency { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public DateTime? SubmittedAt { get; set; }
    /// <summary>When a manager approved or returned it.</summary>
    public DateTime? DecidedAt { get; set; }
    public Guid? DecidedByUserId { get; set; }
    public SightlineUser? DecidedBy { get; set; }
    public string? ReturnComments { get; set; }
    public SeamRouting? Routing { get; set; }
    public DateOnly? ReviewDueOn { get; set; }

    /// <summary>The approved assessment this one reviews (null for a first assessment).</summary>
    public Guid? PreviousAssessmentId { get; set; }
    public Guid? SupersededById { get; set; }
    /// <summary>The SAFEGUARD screen that led to it, if any.</summary>
    public Guid? SafeguardScreenId { get; set; }

    public List<SeamScore> Scores { get; set; } = [];
    public Guid Version { get; set; } = Guid.NewGuid();

    public RiskLevel Level => JudgementLevel ?? CalculatedLevel;
    public bool IsComplete => Status is SeamStatus.Approved or SeamStatus.Superseded;
    public bool IsEditable => Status is SeamStatus.Draft or SeamStatus.Returned;
    public SeamForm Form => SeamForms.Find(FormVersion) ?? throw new InvalidOperationException($"SEAM form {FormVersion} is not known.");

    public int? ScoreFor(string domainKey) => Scores.FirstOrDefault(s => s.DomainKey == domainKey)?.Score;

    /// <summary>Recalculates the total and level from the scores.</summary>
    public void Rescore()
    {
        Total = Scores.Sum(s => s.Score);
        CalculatedLevel = SeamRules.LevelFor(Total);
    }
}

public class SeamScore : IBelongsToPerson
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid AssessmentId { get; set; }
    public Guid PersonId { get; set; }
    public required string DomainKey { get; set; }
    public int Score { get; set; }
    public string? Evidence { get; set; }
}
