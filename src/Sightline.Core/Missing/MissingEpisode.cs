using Sightline.Core.Access;
using Sightline.Core.People;

namespace Sightline.Core.Missing;

/// <summary>The three kinds of episode in the Missing Protocol.</summary>
public enum MissingCategory { Missing, Absent, AwayWithoutAuthorisation }

public enum MissingFrom { Home, Care }

/// <summary>The police's grading of the risk when the episode was reported.</summary>
public enum PoliceRiskGrading { NoApparentRisk, Low, Medium, High }

/// <summary>
/// One episode of a young person going missing, being absent, or away from placement without
/// authorisation. Open until the return is recorded; its duration is derived, never entered.
/// </summary>
public class MissingEpisode : IBelongsToPerson
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid PersonId { get; set; }
    public MissingCategory Category { get; set; }
    public MissingFrom From { get; set; }
    /// <summary>The placement, when missing from care.</summary>
    public string? Placement { get; set; }
    public DateTime LastSeenAt { get; set; }
    public DateTime? ReportedToPoliceAt { get; set; }
    public string? PoliceReference { get; set; }
    public PoliceRiskGrading? PoliceRiskGrading { get; set; }
    public DateTime? ReturnedAt { get; set; }
    /// <summary>Where they were found, as free text (places of concern come with the panels).</summary>
    public string? WhereFound { get; set; }
    public string? Circumstances { get; set; }
    /// <summary>Who they were with, as told or known.</summary>
    public string? WithWhom { get; set; }
    /// <summary>The worker responsible for the return home interview: reminders go to them and their manager.</summary>
    public Guid? ResponsibleUserId { get; set; }
    public SightlineUser? ResponsibleUser { get; set; }
    public Guid RecordedByUserId { get; set; }
    public DateTime RecordedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    /// <summary>When the "due soon" and "overdue" reminders went out, so each goes once.</summary>
    public DateTime? RhiDueSoonReminderAt { get; set; }
    public DateTime? RhiOverdueReminderAt { get; set; }
    public ReturnHomeInterview? Interview { get; set; }
    public Guid Version { get; set; } = Guid.NewGuid();

    public bool IsOpen => ReturnedAt is null;
    public TimeSpan? Duration => ReturnedAt is { } back ? back - LastSeenAt : null;
}

/// <summary>
/// The return home interview after an episode: offered by someone independent of the carers,
/// accepted or declined, completed; what the young person said, risks disclosed, follow-up.
/// </summary>
public class ReturnHomeInterview : IBelongsToPerson
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid EpisodeId { get; set; }
    public Guid PersonId { get; set; }
    public DateTime? OfferedAt { get; set; }
    public string? OfferedBy { get; set; }
    /// <summary>Null until the young person answers.</summary>
    public bool? Accepted { get; set; }
    public DateTime? CompletedAt { get; set; }
    public Guid? CompletedByAgencyId { get; set; }
    public Agency? CompletedByAgency { get; set; }
    public string? Worker { get; set; }
    public string? YoungPersonSaid { get; set; }
    public string? RisksDisclosed { get; set; }
    public string? FollowUp { get; set; }
    public Guid RecordedByUserId { get; set; }
    public DateTime RecordedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public Guid Version { get; set; } = Guid.NewGuid();
}
