using System.Net.Mail;

namespace Sightline.Web.Infrastructure.Email;

/// <summary>
/// The mail server notifications are emailed through, from the <c>Smtp</c> section. Email is on
/// only when <c>Smtp:Host</c> is set; then <c>Smtp:From</c> is required.
/// </summary>
public sealed class SmtpSettings
{
    public const string Section = "Smtp";

    public string? Host { get; set; }
    public int Port { get; set; } = 25;
    /// <summary>The sender address, e.g. <c>sightline@council.example</c> or <c>Sightline &lt;sightline@council.example&gt;</c>.</summary>
    public string? From { get; set; }
    public string? UserName { get; set; }
    public string? Password { get; set; }
    /// <summary>Upgrade the connection with STARTTLS (what <see cref="SmtpClient.EnableSsl"/> does). Off by default, as for port 25.</summary>
    public bool EnableSsl { get; set; }
    /// <summary>Another name for <see cref="EnableSsl"/>, since that is what it does.</summary>
    public bool StartTls { get => EnableSsl; set => EnableSsl = EnableSsl || value; }
    /// <summary>How often the outbox is read.</summary>
    public int PollSeconds { get; set; } = 10;
    /// <summary>How many notifications one pass takes at most.</summary>
    public int BatchSize { get; set; } = 20;
    /// <summary>How long one message may take to send before it counts as a failed attempt.</summary>
    public int TimeoutSeconds { get; set; } = 30;
    /// <summary>The wait after a failed attempt before the next; it doubles with each failure (1, 2, 4, 8 minutes by default).</summary>
    public double RetryMinutes { get; set; } = 1;

    public static bool IsConfigured(IConfiguration configuration) => !string.IsNullOrWhiteSpace(configuration[$"{Section}:Host"]);

    /// <summary>What is wrong with these settings, for the operator; empty when they will do.</summary>
    public IEnumerable<string> Problems()
    {
        if (string.IsNullOrWhiteSpace(Host)) yield return "Smtp:Host is required to send email.";
        if (Port is < 1 or > 65535) yield return "Smtp:Port must be between 1 and 65535.";
        if (string.IsNullOrWhiteSpace(From) || !MailAddress.TryCreate(From, out _)) yield return "Smtp:From must be an email address, e.g. sightline@council.example.";
        if (!string.IsNullOrEmpty(UserName) && Password is null) yield return "Smtp:Password is required when Smtp:UserName is set.";
        if (PollSeconds < 1) yield return "Smtp:PollSeconds must be 1 or more.";
        if (BatchSize < 1) yield return "Smtp:BatchSize must be 1 or more.";
        if (TimeoutSeconds < 1) yield return "Smtp:TimeoutSeconds must be 1 or more.";
        if (RetryMinutes < 0) yield return "Smtp:RetryMinutes cannot be negative.";
    }
}
