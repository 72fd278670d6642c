using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sightline.Core.Data;
using Sightline.Core.Notifications;
using Sightline.TestKit;
using Sightline.Web.Infrastructure.Email;
using Sightline.Web.Tests.Support;

namespace Sightline.Web.Tests;

/// <summary>The app with SMTP configured, pointing at a fake mail server on 127.0.0.1.</summary>
public abstract class EmailAppFixture(DatabaseProvider provider) : IAsyncLifetime
{
    public const string BaseUrl = "https://sightline.test.example";
    public FakeSmtpServer Smtp { get; private set; } = null!;
    public SightlineFactory App { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Smtp = new FakeSmtpServer();
        App = await SightlineFactory.StartAsync(provider, new Dictionary<string, string?>
        {
            ["Smtp:Host"] = "127.0.0.1",
            ["Smtp:Port"] = Smtp.Port.ToString(),
            ["Smtp:From"] = "Sightline <sightline@test.example>",
            // The tests drive the outbox with RunOnceAsync; the background loop must not join in.
            ["Smtp:PollSeconds"] = "3600",
            ["Smtp:BatchSize"] = "100",
            ["Smtp:TimeoutSeconds"] = "20",
            ["Sightline:BaseUrl"] = BaseUrl + "/",
        });
    }

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        await Smtp.DisposeAsync();
    }
}

public sealed class EmailSqliteApp() : EmailAppFixture(DatabaseProvider.Sqlite);

public sealed class EmailPostgresApp() : EmailAppFixture(DatabaseProvider.Postgres);

/// <summary>A clock the test moves by hand, to step past the wait between attempts.</summary>
public sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;
    public override DateTimeOffset GetUtcNow() => _now;
    public void Advance(TimeSpan by) => _now += by;
}

/// <summary>The notification email outbox: claimed once, sent once, retried, failed, recovered.</summary>
public abstract class NotificationEmailTests(EmailAppFixture fixture)
{
    private SightlineFactory App => fixture.App;
    private FakeSmtpServer Smtp => fixture.Smtp;
    private CancellationToken Ct => TestContext.Current.CancellationToken;

    private NotificationEmailer NewEmailer(TimeProvider? clock = null) => clock is null
        ? ActivatorUtilities.CreateInstance<NotificationEmailer>(App.Services)
        : ActivatorUtilities.CreateInstance<NotificationEmailer>(App.Services, clock);

    private static string Unique(string text) => $"{text} {Guid.NewGuid():N}";

    private async Task<Guid> AddPendingAsync(string userKey, string title, EmailState state = EmailState.Pending, int attempts = 0, DateTime? emailedAt = null)
    {
        var notification = new Notification
        {
            UserId = App.Users[userKey].Id, Kind = "test", Title = title, Body = $"Something happened for SL-TEST1. ({title})",
            Link = "/people", CreatedAt = DateTime.UtcNow, EmailState = state, EmailAttempts = attempts, EmailedAt = emailedAt,
        };
        await App.WithDbAsync(async db =>
        {
            db.Notifications.Add(notification);
            await db.SaveChangesAsync(Ct);
        });
        return notification.Id;
    }

    private Task<Notification> StoredAsync(Guid id) =>
        App.WithDbAsync(db => db.Notifications.AsNoTracking().SingleAsync(n => n.Id == id, Ct));

    [Fact]
    public async Task With_smtp_configured_the_notifier_writes_pending_and_one_pass_emails_it_once_to_its_recipient()
    {
        var title = Unique("SEAM assessment for SL-TEST1 is waiting for approval");
        Guid id;
        using (var scope = App.Services.CreateScope())
        {
            var notifier = scope.ServiceProvider.GetRequiredService<Notifier>();
            notifier.Notify([App.Users["team-manager"].Id], "seam-submitted", title, "Test practitioner submitted a SEAM assessment for SL-TEST1.", "/seam/0b4f");
            var db = scope.ServiceProvider.GetRequiredService<SightlineDb>();
            await db.SaveChangesAsync(Ct);
            id = await db.Notifications.Where(n => n.Title == title).Select(n => n.Id).SingleAsync(Ct);
        }
        Assert.Equal(EmailState.Pending, (await StoredAsync(id)).EmailState);

        var emailer = App.Services.GetRequiredService<NotificationEmailer>();
        var run = await emailer.RunOnceAsync(Ct);
        Assert.True(run.Sent >= 1);

        var email = Assert.Single(Smtp.WithSubject(title));
        Assert.Equal(["team-manager@test.example"], email.To);
        Assert.Equal("sightline@test.example", email.From);
        Assert.Contains("Test practitioner submitted a SEAM assessment for SL-TEST1.", email.Body);
        Assert.Contains($"{EmailAppFixture.BaseUrl}/seam/0b4f", email.Body);
        var stored = await StoredAsync(id);
        Assert.Equal(EmailState.Sent, stored.EmailState);
        Assert.Equal(1, stored.EmailAttempts);
        Assert.NotNull(stored.EmailedAt);

        await emailer.RunOnceAsync(Ct);
        Assert.Single(Smtp.WithSubject(title));
        Assert.Equal(1, (await StoredAsync(id)).EmailAttempts);
        var outboxLogs = App.Logs.Lines.Where(l => l.Contains(nameof(NotificationEmailer))).ToList();
        Assert.Contains(outboxLogs, l => l.Contains("sent"));
        Assert.DoesNotContain(outboxLogs, l => l.Contains("@test.example"));
    }

    [Fact]
    public async Task Two_emailers_racing_over_the_same_outbox_send_each_notification_exactly_once()
    {
        var titles = Enumerable.Range(0, 30).Select(i => Unique($"Race {i} for SL-TEST1")).ToList();
        var ids = new List<Guid>();
        foreach (var (title, i) in titles.Select((t, i) => (t, i)))
            ids.Add(await AddPendingAsync(i % 2 == 0 ? "team-manager" : "senior-manager", title));

        // Two instances of the app, as it were: separate emailers, each pass in its own scope and connection.
        var first = NewEmailer();
        var second = NewEmailer();
        using var start = new Barrier(2);
        var runs = await Task.WhenAll(
            Task.Run(async () => { start.SignalAndWait(Ct); return await first.RunOnceAsync(Ct); }, Ct),
            Task.Run(async () => { start.SignalAndWait(Ct); return await second.RunOnceAsync(Ct); }, Ct));

        Assert.Equal(titles.Count, runs.Sum(r => r.Sent));
        Assert.All(titles, title => Assert.Single(Smtp.WithSubject(title)));
        var stored = await App.WithDbAsync(db => db.Notifications.AsNoTracking().Where(n => ids.Contains(n.Id)).ToListAsync(Ct));
        Assert.All(stored, n => Assert.Equal((EmailState.Sent, 1), (n.EmailState, n.EmailAttempts)));
    }

    [Fact]
    public async Task A_refusing_server_leaves_it_pending_with_attempts_counted_then_failed_after_five()
    {
        var title = Unique("Refused for SL-TEST1");
        var id = await AddPendingAsync("team-manager", title);
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        var emailer = NewEmailer(clock);
        Smtp.Refuse = true;
        try
        {
            for (var attempt = 1; attempt < NotificationEmailer.MaxAttempts; attempt++)
            {
                var run = await emailer.RunOnceAsync(Ct);
                Assert.Equal(1, run.Retrying);
                var stored = await StoredAsync(id);
                Assert.Equal((EmailState.Pending, attempt), (stored.EmailState, stored.EmailAttempts));

                // It waits before trying again (the wait doubles), rather than using up its attempts at once.
                await emailer.RunOnceAsync(Ct);
                Assert.Equal(attempt, (await StoredAsync(id)).EmailAttempts);
                clock.Advance(TimeSpan.FromHours(1));
            }
            var last = await emailer.RunOnceAsync(Ct);
            Assert.Equal(1, last.Failed);
            var failed = await StoredAsync(id);
            Assert.Equal((EmailState.Failed, NotificationEmailer.MaxAttempts), (failed.EmailState, failed.EmailAttempts));
            Assert.True(Smtp.Refused >= NotificationEmailer.MaxAttempts);

            Smtp.Refuse = false;
            clock.Advance(TimeSpan.FromDays(1));
            await emailer.RunOnceAsync(Ct);
            Assert.Empty(Smtp.WithSubject(title));
            Assert.Equal(EmailState.Failed, (await StoredAsync(id)).EmailState);
        }
        finally
        {
            Smtp.Refuse = false;
        }
        var outboxLogs = App.Logs.Lines.Where(l => l.Contains(nameof(NotificationEmailer)) && !l.StartsWith("Debug")).ToList();
        Assert.Contains(outboxLogs, l => l.StartsWith("Warning") && l.Contains(id.ToString()));
        Assert.Contains(outboxLogs, l => l.StartsWith("Error") && l.Contains(id.ToString()));
        Assert.DoesNotContain(outboxLogs, l => l.Contains("@test.example"));
    }

    [Fact]
    public async Task A_send_interrupted_more_than_ten_minutes_ago_is_recovered_and_sent_but_a_recent_one_is_left_alone()
    {
        var stuckTitle = Unique("Interrupted for SL-TEST1");
        var busyTitle = Unique("Being sent for SL-TEST1");
        var stuck = await AddPendingAsync("team-manager", stuckTitle, EmailState.Sending, attempts: 1, emailedAt: DateTime.UtcNow.AddMinutes(-11));
        var busy = await AddPendingAsync("team-manager", busyTitle, EmailState.Sending, attempts: 1, emailedAt: DateTime.UtcNow.AddMinutes(-2));

        var run = await NewEmailer().RunOnceAsync(Ct);

        Assert.True(run.Recovered >= 1);
        Assert.Single(Smtp.WithSubject(stuckTitle));
        var recovered = await StoredAsync(stuck);
        Assert.Equal((EmailState.Sent, 2), (recovered.EmailState, recovered.EmailAttempts));
        Assert.Empty(Smtp.WithSubject(busyTitle));
        Assert.Equal(EmailState.Sending, (await StoredAsync(busy)).EmailState);
        // Tidy up for the other tests sharing this database.
        await App.WithDbAsync(db => db.Notifications.Where(n => n.Id == busy).ExecuteUpdateAsync(s => s.SetProperty(n => n.EmailState, EmailState.Sent), Ct));
    }

    [Fact]
    public async Task A_notification_for_a_deactivated_user_is_not_emailed()
    {
        var title = Unique("For someone who left, SL-TEST1");
        var id = await AddPendingAsync("analyst", title);
        await App.WithDbAsync(db => db.Users.Where(u => u.Id == App.Users["analyst"].Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.IsActive, false), Ct));
        try
        {
            var run = await NewEmailer().RunOnceAsync(Ct);
            Assert.Equal(1, run.NoRecipient);
            Assert.Empty(Smtp.WithSubject(title));
            Assert.Equal(EmailState.NotSent, (await StoredAsync(id)).EmailState);
        }
        finally
        {
            await App.WithDbAsync(db => db.Users.Where(u => u.Id == App.Users["analyst"].Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.IsActive, true), Ct));
        }
    }
}

public sealed class NotificationEmailTests_Sqlite(EmailSqliteApp fixture) : NotificationEmailTests(fixture), IClassFixture<EmailSqliteApp>;

public sealed class NotificationEmailTests_Postgres(EmailPostgresApp fixture) : NotificationEmailTests(fixture), IClassFixture<EmailPostgresApp>;

/// <summary>The usual app, without SMTP: no outbox runs and notifications are never pending.</summary>
public abstract class NotificationEmailOffTests(AppFixture fixture)
{
    private SightlineFactory App => fixture.App;
    private CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Without_smtp_there_is_no_emailer_and_notifications_are_not_queued_for_email()
    {
        Assert.Null(App.Services.GetService<NotificationEmailer>());
        Assert.Null(App.Services.GetService<IEmailSender>());
        var title = $"No email {Guid.NewGuid():N}";
        using var scope = App.Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<Notifier>().Notify([App.Users["team-manager"].Id], "test", title, "Body");
        var db = scope.ServiceProvider.GetRequiredService<SightlineDb>();
        await db.SaveChangesAsync(Ct);
        Assert.Equal(EmailState.NotSent, await db.Notifications.Where(n => n.Title == title).Select(n => n.EmailState).SingleAsync(Ct));
    }

    [Fact]
    public void Incomplete_smtp_settings_are_named_for_the_operator()
    {
        Assert.Empty(new SmtpSettings { Host = "mail.test.example", From = "sightline@test.example" }.Problems());
        var problems = new SmtpSettings { Host = "mail.test.example", From = "not an address", Port = 0, UserName = "u" }.Problems().ToList();
        Assert.Contains(problems, p => p.StartsWith("Smtp:From"));
        Assert.Contains(problems, p => p.StartsWith("Smtp:Port"));
        Assert.Contains(problems, p => p.StartsWith("Smtp:Password"));
    }
}

public sealed class NotificationEmailOffTests_Sqlite(SqliteApp fixture) : NotificationEmailOffTests(fixture), IClassFixture<SqliteApp>;

public sealed class NotificationEmailOffTests_Postgres(PostgresApp fixture) : NotificationEmailOffTests(fixture), IClassFixture<PostgresApp>;
