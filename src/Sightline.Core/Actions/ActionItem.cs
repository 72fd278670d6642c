using Sightline.Core.Access;
using Sightline.Core.People;

namespace Sightline.Core.Actions;

public enum ActionStatus { NotStarted, InProgress, Done, Cancelled }

/// <summary>
/// One row of a plan: an area of need or risk, the outcome wanted, the action, who does it (a
/// named user or an agency) and by when. SEAM action plans use it now; panel decisions will too.
/// </summary>
public class ActionItem : OwnedAction, IBelongsToPerson
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid PersonId { get; set; }
    public Guid? SeamAssessmentId { get; set; }
    /// <summary>The SEAM domain the row addresses, when it is linked to one.</summary>
    public string? DomainKey { get; set; }
    public required string AreaOfNeed { get; set; }
    public required string DesiredOutcome { get; set; }
    public required string Action { get; set; }
}

public static class ActionStatusText
{
    public static string DisplayName(this ActionStatus status) => status switch
    {
        ActionStatus.NotStarted => "Not started",
        ActionStatus.InProgress => "In progress",
        ActionStatus.Done => "Done",
        _ => "Cancelled",
    };
}
