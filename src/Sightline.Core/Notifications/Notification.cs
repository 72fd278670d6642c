namespace Sightline.Core.Notifications;

/// <summary>Whether a notification still has to go out by email. Only set to Pending when SMTP is configured.</summary>
public enum EmailState { NotSent, Pending, Sending, Sent, Failed }

/// <summary>
/// A message to one user in Sightline's notification list. Titles and bodies name a young person
/// by reference only, never by name: they may also leave the system by email.
/// </summary>
public class Notification
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid UserId { get; set; }
    public required string Kind { get; set; }
    public required string Title { get; set; }
    public required string Body { get; set; }
    public string? Link { get; set; }
    public Guid? PersonId { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? ReadAt { get; set; }
    public EmailState EmailState { get; set; } = EmailState.NotSent;
    public int EmailAttempts { get; set; }
    public DateTime? EmailedAt { get; set; }
}
