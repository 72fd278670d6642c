using System.Linq.Expressions;
using System.Net.Mail;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Sightline.Core.Data;
using Sightline.Core.Notifications;

namespace Sightline.Web.Infrastructure.Email;

/// <summary>What one pass over the outbox did.</summary>
public sealed record EmailRun(int Sent, int Retrying, int Failed, int NoRecipient, int Recovered)
{
    public int Claimed => Sent + Retrying + Failed + NoRecipient;
}

/// <summary>
/// The email outbox. Notifications are written with <see cref="EmailState.Pending"/> in the same
/// transaction as the change that causes them (see <see cref="Notifier"/>); every
/// <c>Smtp:PollSeconds</c> this takes a batch of them and emails each to its recipient.
/// <para>
/// Several app instances may run this at once. Each notification is <em>claimed</em> with one
/// conditional update (Pending → Sending, where it is still Pending): the database lets exactly one
/// instance win, and only the winner sends. Then Sent, or back to Pending for another attempt after
/// a wait that doubles each time, or Failed after <see cref="MaxAttempts"/>. A notification left in
/// Sending for <see cref="StuckAfter"/> (an instance stopped mid-send) goes back to Pending, so
/// in that one case an email may go twice rather than never.
/// </para>
/// <para>
/// <see cref="Notification.EmailedAt"/> holds the time of the latest attempt (there is no other
/// column for it): while Sending, when it began; after a failure, when it failed; once Sent, when it was sent.
/// </para>
/// The email says what the notification says (young people by reference, never by name) and links
/// to Sightline. Logs carry counts and notification ids, never addresses.
/// </summary>
public sealed class NotificationEmailer(
    IServiceScopeFactory scopes,
    IEmailSender sender,
    IOptions<SmtpSettings> options,
    IConfiguration configuration,
    TimeProvider clock,
    ILogger<NotificationEmailer> logger) : RecurringJob(clock, logger)
{
    public const int MaxAttempts = 5;
    public static readonly TimeSpan StuckAfter = TimeSpan.FromMinutes(10);

    private SmtpSettings Settings => options.Value;
    private DateTime Now => Clock.GetUtcNow().UtcDateTime;

    public override TimeSpan Interval => TimeSpan.FromSeconds(Settings.PollSeconds);

    protected override string Name => "The notification email outbox";

    protected override Task RunPassAsync(CancellationToken cancellationToken) => RunOnceAsync(cancellationToken);

    /// <summary>One pass: recover abandoned sends, then claim and send up to <c>Smtp:BatchSize</c> notifications.</summary>
    public async Task<EmailRun> RunOnceAsync(CancellationToken cancellationToken = default)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SightlineDb>();
        var recovered = await RecoverStuckAsync(db, cancellationToken);

        var due = await db.Notifications.AsNoTracking()
            .Where(DueForAttempt(Now))
            .OrderBy(n => n.CreatedAt).ThenBy(n => n.Id)
            .Select(n => n.Id)
            .Take(Settings.BatchSize)
            .ToListAsync(cancellationToken);

        int sent = 0, retrying = 0, failed = 0, noRecipient = 0;
        foreach (var id in due)
        {
            if (cancellationToken.IsCancellationRequested) break;
            if (!await ClaimAsync(db, id, cancellationToken)) continue; // another instance has it
            switch (await SendClaimedAsync(db, id, cancellationToken))
            {
                case EmailState.Sent: sent++; break;
                case EmailState.Pending: retrying++; break;
                case EmailState.Failed: failed++; break;
                case EmailState.NotSent: noRecipient++; break;
            }
        }
        var run = new EmailRun(sent, retrying, failed, noRecipient, recovered);
        if (run.Claimed > 0 || recovered > 0)
            Logger.LogInformation("Notification emails: {Sent} sent, {Retrying} to retry, {Failed} failed, {NoRecipient} without an active recipient, {Recovered} recovered from an interrupted send",
                sent, retrying, failed, noRecipient, recovered);
        return run;
    }

    /// <summary>Pending, and either never tried or tried long enough ago: 1, 2, 4, 8 × <c>Smtp:RetryMinutes</c> after attempts 1–4.</summary>
    private Expression<Func<Notification, bool>> DueForAttempt(DateTime now)
    {
        DateTime Since(int attempts) => now - TimeSpan.FromMinutes(Settings.RetryMinutes * Math.Pow(2, attempts - 1));
        DateTime after1 = Since(1), after2 = Since(2), after3 = Since(3), after4 = Since(4);
        return n => n.EmailState == EmailState.Pending && (
            n.EmailAttempts == 0 || n.EmailedAt == null
            || (n.EmailAttempts == 1 && n.EmailedAt <= after1)
            || (n.EmailAttempts == 2 && n.EmailedAt <= after2)
            || (n.EmailAttempts == 3 && n.EmailedAt <= after3)
            || (n.EmailAttempts >= 4 && n.EmailedAt <= after4));
    }

    /// <summary>Pending → Sending, only if it is still Pending. True when this caller won the claim.</summary>
    private async Task<bool> ClaimAsync(SightlineDb db, Guid id, CancellationToken cancellationToken)
    {
        var now = Now;
        var claimed = await db.Notifications
            .Where(n => n.Id == id && n.EmailState == EmailState.Pending)
            .ExecuteUpdateAsync(set => set
                .SetProperty(n => n.EmailState, EmailState.Sending)
                .SetProperty(n => n.EmailAttempts, n => n.EmailAttempts + 1)
                .SetProperty(n => n.EmailedAt, now), cancellationToken);
        return claimed == 1;
    }

    /// <summary>Sends a notification this instance has claimed and records the outcome; returns the state it was left in.</summary>
    private async Task<EmailState> SendClaimedAsync(SightlineDb db, Guid id, CancellationToken cancellationToken)
    {
        var item = await (from n in db.Notifications.AsNoTracking()
                          where n.Id == id
                          join u in db.Users on n.UserId equals u.Id into users
                          from u in users.DefaultIfEmpty()
                          select new { n.Title, n.Body, n.Link, n.EmailAttempts, Email = u != null && u.IsActive ? u.Email : null })
            .SingleAsync(cancellationToken);
        if (string.IsNullOrWhiteSpace(item.Email) || !MailAddress.TryCreate(item.Email, out _))
        {
            Logger.LogInformation("Notification {NotificationId} not emailed: its recipient is no longer an active user with an email address", id);
            await SetAsync(db, id, EmailState.NotSent, null, CancellationToken.None);
            return EmailState.NotSent;
        }

        try
        {
            await sender.SendAsync(new EmailMessage(item.Email, item.Title, BodyFor(item.Body, item.Link)), cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutting down mid-send: give the attempt back so the next pass (here or elsewhere) sends it.
            await db.Notifications.Where(n => n.Id == id && n.EmailState == EmailState.Sending)
                .ExecuteUpdateAsync(set => set
                    .SetProperty(n => n.EmailState, EmailState.Pending)
                    .SetProperty(n => n.EmailAttempts, n => n.EmailAttempts - 1), CancellationToken.None);
            throw;
        }
        catch (Exception ex)
        {
            var state = item.EmailAttempts >= MaxAttempts ? EmailState.Failed : EmailState.Pending;
            // Exception messages can echo the server's reply, which may carry the address: the type and status only, except at Debug.
            var status = (ex as SmtpException)?.StatusCode.ToString() ?? "none";
            if (state == EmailState.Failed)
                Logger.LogError("Notification {NotificationId} could not be emailed after {Attempts} attempts ({Error}, SMTP status {Status}); it will not be tried again",
                    id, item.EmailAttempts, ex.GetType().Name, status);
            else
                Logger.LogWarning("Notification {NotificationId} could not be emailed on attempt {Attempts} of {MaxAttempts} ({Error}, SMTP status {Status}); it will be tried again",
                    id, item.EmailAttempts, MaxAttempts, ex.GetType().Name, status);
            Logger.LogDebug(ex, "Notification {NotificationId}: the email failed", id);
            await SetAsync(db, id, state, Now, CancellationToken.None);
            return state;
        }

        await SetAsync(db, id, EmailState.Sent, Now, CancellationToken.None);
        return EmailState.Sent;
    }

    /// <summary>Leaves Sending for another state (only from Sending, so a recovered-and-reclaimed row is not overwritten).</summary>
    private static Task<int> SetAsync(SightlineDb db, Guid id, EmailState state, DateTime? emailedAt, CancellationToken cancellationToken) =>
        db.Notifications.Where(n => n.Id == id && n.EmailState == EmailState.Sending)
            .ExecuteUpdateAsync(set => set
                .SetProperty(n => n.EmailState, state)
                .SetProperty(n => n.EmailedAt, emailedAt), cancellationToken);

    /// <summary>Sends that began more than <see cref="StuckAfter"/> ago and never finished: back to Pending (or Failed when out of attempts).</summary>
    private async Task<int> RecoverStuckAsync(SightlineDb db, CancellationToken cancellationToken)
    {
        var before = Now - StuckAfter;
        var failed = await db.Notifications
            .Where(n => n.EmailState == EmailState.Sending && (n.EmailedAt == null || n.EmailedAt < before) && n.EmailAttempts >= MaxAttempts)
            .ExecuteUpdateAsync(set => set.SetProperty(n => n.EmailState, EmailState.Failed), cancellationToken);
        var retried = await db.Notifications
            .Where(n => n.EmailState == EmailState.Sending && (n.EmailedAt == null || n.EmailedAt < before))
            .ExecuteUpdateAsync(set => set.SetProperty(n => n.EmailState, EmailState.Pending), cancellationToken);
        if (failed > 0)
            Logger.LogError("{Count} notification email(s) were interrupted mid-send on their last attempt and are marked failed", failed);
        return failed + retried;
    }

    /// <summary>The notification's own words, and where to read it. Nothing else about the young person.</summary>
    public string BodyFor(string body, string? link)
    {
        var text = new StringBuilder();
        text.AppendLine(body.Trim());
        text.AppendLine();
        var baseUrl = configuration["Sightline:BaseUrl"]?.Trim().TrimEnd('/');
        if (!string.IsNullOrEmpty(baseUrl) && Uri.TryCreate(baseUrl, UriKind.Absolute, out _))
        {
            var path = link is { Length: > 0 } && link.StartsWith('/') && !link.StartsWith("//") ? link : "/";
            text.AppendLine($"Sign in to Sightline to read more: {baseUrl}{path}");
        }
        else
        {
            text.AppendLine("Sign in to Sightline to read more.");
        }
        text.AppendLine();
        text.AppendLine("This email was sent by Sightline because of a notification for you. Do not forward it or reply to it.");
        return text.ToString();
    }
}

public static class NotificationEmailServices
{
    /// <summary>
    /// Email for notifications, only when <c>Smtp:Host</c> is set (the Core then writes them as
    /// Pending). Bad settings stop the app at start with a message that names the setting.
    /// </summary>
    public static IServiceCollection AddNotificationEmail(this IServiceCollection services, IConfiguration configuration)
    {
        if (!SmtpSettings.IsConfigured(configuration)) return services;
        services.AddOptions<SmtpSettings>().Bind(configuration.GetSection(SmtpSettings.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<SmtpSettings>, SmtpSettingsValidation>();
        services.AddSingleton<IEmailSender, SmtpEmailSender>();
        services.AddSingleton<NotificationEmailer>();
        services.AddHostedService(provider => provider.GetRequiredService<NotificationEmailer>());
        return services;
    }
}

internal sealed class SmtpSettingsValidation : IValidateOptions<SmtpSettings>
{
    public ValidateOptionsResult Validate(string? name, SmtpSettings options)
    {
        var problems = options.Problems().ToList();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
