using Sightline.Core.Access;
using Sightline.Core.Assessments;

namespace Sightline.Core.Panels;

public enum MeetingStatus { Draft, AgendaIssued, Held }

public enum AttendanceStatus { Present, Apologies, Absent }

public enum AgendaKind { NewReferral, ReviewDue, Held, PersonOfConcern, Place }

/// <summary>What the panel decided about an item (seed 002 §4.5): keep it, hand it back to the professional network, take it higher, or end it.</summary>
public enum PanelDecision { RemainOpen, StepDown, Escalate, Close }

public enum StrategicNoteKind { Theme, ServiceGap, Recommendation }

/// <summary>One sitting of a panel: its agenda, who came, and what it decided.</summary>
public class Meeting
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid PanelId { get; set; }
    public Panel? Panel { get; set; }
    public DateOnly Date { get; set; }
    public MeetingStatus Status { get; set; } = MeetingStatus.Draft;
    public DateTime? AgendaIssuedAt { get; set; }
    public DateTime? HeldAt { get; set; }
    public List<AgendaItem> Items { get; set; } = [];
    public List<MeetingAttendance> Attendance { get; set; } = [];
    public List<StrategicNote> Notes { get; set; } = [];
    public Guid CreatedByUserId { get; set; }
    public DateTime CreatedAt { get; set; }
    public Guid Version { get; set; } = Guid.NewGuid();
}

public class MeetingAttendance
{
    public Guid MeetingId { get; set; }
    public Guid AgencyId { get; set; }
    public Agency? Agency { get; set; }
    public AttendanceStatus Status { get; set; }
}

/// <summary>
/// One item on a meeting's agenda: a young person (<see cref="PersonId"/>), or a person of concern
/// or place (<see cref="SubjectId"/>). From <see cref="IssuedAt"/> until <see cref="ClosedAt"/> the
/// panel's members may see the young person's record (see <see cref="NeedToKnow"/>).
/// </summary>
public class AgendaItem
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid MeetingId { get; set; }
    public AgendaKind Kind { get; set; }
    public Guid? PersonId { get; set; }
    public Guid? SubjectId { get; set; }
    public Guid? ReferralId { get; set; }
    public int Order { get; set; }
    public bool AddedByChair { get; set; }
    public DateTime? RemovedAt { get; set; }
    public DateTime? IssuedAt { get; set; }
    public DateTime? ClosedAt { get; set; }
    public string? Minutes { get; set; }
    public RiskLevel? RiskLevel { get; set; }
    public PanelDecision? Decision { get; set; }
    public Guid Version { get; set; } = Guid.NewGuid();

    public bool IsOnAgenda => RemovedAt is null;
}

/// <summary>Strategic MACE (seed 001 §4): the themes, service gaps and recommendations a meeting records.</summary>
public class StrategicNote
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid MeetingId { get; set; }
    public StrategicNoteKind Kind { get; set; }
    public required string Text { get; set; }
    public Guid CreatedByUserId { get; set; }
    public DateTime CreatedAt { get; set; }
}

public static class PanelWords
{
    public static string DisplayName(this AgendaKind kind) => kind switch
    {
        AgendaKind.NewReferral => "New referral",
        AgendaKind.ReviewDue => "Review due",
        AgendaKind.Held => "Held by the panel",
        AgendaKind.PersonOfConcern => "Person of concern",
        _ => "Place of concern",
    };

    public static string DisplayName(this PanelDecision decision) => decision switch
    {
        PanelDecision.RemainOpen => "Remain open to the panel",
        PanelDecision.StepDown => "Step down to the network",
        PanelDecision.Escalate => "Escalate",
        _ => "Close",
    };

    public static string DisplayName(this MeetingStatus status) => status switch
    {
        MeetingStatus.Draft => "Agenda in draft",
        MeetingStatus.AgendaIssued => "Agenda issued",
        _ => "Held",
    };

    public static string DisplayName(this StrategicNoteKind kind) => kind switch
    {
        StrategicNoteKind.Theme => "Theme",
        StrategicNoteKind.ServiceGap => "Service gap",
        _ => "Recommendation",
    };
}
