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
    /// <summary>
    /// When the email was sent (<see cref="EmailState.Sent"/>). In the other states, when the latest
    /// attempt began (Sending) or failed (Pending again, or Failed): the outbox uses it to recover
    /// an interrupted send and to wait between attempts. Show it as "emailed" only when Sent.
    /// </summary>
    public DateTime? EmailedAt { get; set; }
}
