using Sightline.Core.Actions;

namespace Sightline.Core.Panels;

/// <summary>
/// An action a meeting agreed: owned by a named user or an agency, due by a date, tracked across
/// panels. Its own table rather than <see cref="ActionItem"/>: a panel's actions need not concern
/// one young person (a place, a service gap), and a plan row always does. The reminder columns
/// are claimed once each by the reminders job.
/// </summary>
public class PanelAction : OwnedAction
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid MeetingId { get; set; }
    public Meeting? Meeting { get; set; }
    public Guid? AgendaItemId { get; set; }
    public Guid? PersonId { get; set; }
    public required string Title { get; set; }
    public DateTime? DueSoonReminderAt { get; set; }
    public DateTime? OverdueReminderAt { get; set; }
}
