using Sightline.Core.Access;

namespace Sightline.Core.Actions;

/// <summary>
/// What every tracked action has, whatever it belongs to (a plan row, a panel's decision): an owner
/// (a named user or an agency), a due date, a status with a completion note, and a concurrency
/// version. Not an entity itself: each kind of action keeps its own table.
/// </summary>
public abstract class OwnedAction
{
    public const int MaxNote = 2000;

    public Guid? OwnerUserId { get; set; }
    public SightlineUser? OwnerUser { get; set; }
    public Guid? OwnerAgencyId { get; set; }
    public Agency? OwnerAgency { get; set; }
    public DateOnly DueOn { get; set; }
    public ActionStatus Status { get; set; } = ActionStatus.NotStarted;
    public string? CompletionNote { get; set; }
    public DateTime? CompletedAt { get; set; }
    public Guid CreatedByUserId { get; set; }
    public DateTime CreatedAt { get; set; }
    public Guid Version { get; set; } = Guid.NewGuid();

    public bool IsOpen => Status is ActionStatus.NotStarted or ActionStatus.InProgress;
    public bool IsOverdueOn(DateOnly today) => IsOpen && DueOn < today;
    public string OwnerName => OwnerUser?.DisplayName ?? OwnerAgency?.Name ?? "Not assigned";

    /// <summary>What is wrong with a progress update: a status is needed, and a note when the action is done or cancelled.</summary>
    public static ValidationErrors Check(ActionProgress input)
    {
        var errors = new ValidationErrors();
        if (input.Status is null) errors.Add("status", "Select the status of the action");
        if (input.Status is ActionStatus.Done or ActionStatus.Cancelled && string.IsNullOrWhiteSpace(input.CompletionNote))
            errors.Add("completionNote", input.Status == ActionStatus.Done ? "Enter what was done" : "Enter why the action was cancelled");
        if (input.CompletionNote?.Length > MaxNote) errors.Add("completionNote", $"The note must be {MaxNote:N0} characters or fewer");
        return errors;
    }

    /// <summary>Applies a checked update: the status, the note, when it was completed, and a new version.</summary>
    public void Apply(ActionProgress input, DateTime now)
    {
        Status = input.Status!.Value;
        CompletionNote = string.IsNullOrWhiteSpace(input.CompletionNote) ? null : input.CompletionNote.Trim();
        CompletedAt = IsOpen ? null : now;
        Version = Guid.NewGuid();
    }
}
