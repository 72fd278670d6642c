using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Sightline.Core.Data;
using Sightline.Core.Missing;
using Sightline.TestKit;
using Sightline.Web.Infrastructure;
using Sightline.Web.Tests.Support;

namespace Sightline.Web.Tests;

/// <summary>The app with the reminder job on and polling every second, as several instances would run it.</summary>
public abstract class RemindersOnAppFixture(DatabaseProvider provider) : IAsyncLifetime
{
    public SightlineFactory App { get; private set; } = null!;

    public async ValueTask InitializeAsync() => App = await SightlineFactory.StartAsync(provider, new Dictionary<string, string?>
    {
        [RhiReminderService.EnabledSetting] = "true",
        [RhiReminderService.PollSetting] = "1",
    });

    public async ValueTask DisposeAsync() => await App.DisposeAsync();
}

public sealed class RemindersOnSqliteApp() : RemindersOnAppFixture(DatabaseProvider.Sqlite);

public sealed class RemindersOnPostgresApp() : RemindersOnAppFixture(DatabaseProvider.Postgres);

/// <summary>
/// Return home interview reminders: due soon at 48 hours after the return, overdue at 72, each sent
/// once to the responsible worker and their team manager, however many passes (or instances) run.
/// The background job runs alongside these tests (every second), which is the point: whoever sends
/// a reminder, it is sent exactly once.
/// </summary>
public abstract class RhiReminderTests(RemindersOnAppFixture fixture)
{
    private SightlineFactory App => fixture.App;
    private CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A young person with an episode returned <paramref name="hoursAgo"/> hours ago (or still open), and their reference.</summary>
    private async Task<(Guid PersonId, Guid EpisodeId, string Reference)> EpisodeAsync(double? hoursAgo, Action<MissingEpisode>? change = null)
    {
        var person = await Builders.CreatePersonAsync(App.ApiClientFor("practitioner"));
        var id = person.GetProperty("id").GetGuid();
        var now = DateTime.UtcNow;
        var practitioner = App.Users["practitioner"].Id;
        var returned = hoursAgo is { } h ? now.AddHours(-h) : (DateTime?)null;
        var episode = new MissingEpisode
        {
            PersonId = id, Category = MissingCategory.Missing, From = MissingFrom.Home, LastSeenAt = (returned ?? now).AddHours(-10), ReturnedAt = returned,
            ResponsibleUserId = practitioner, RecordedByUserId = practitioner, RecordedAt = now.AddDays(-4), UpdatedAt = now.AddDays(-4),
        };
        change?.Invoke(episode);
        await App.WithDbAsync(async db =>
        {
            db.MissingEpisodes.Add(episode);
            await db.SaveChangesAsync(Ct);
        });
        return (id, episode.Id, person.GetProperty("reference").GetString()!);
    }

    private async Task<int> RunOnceAsync()
    {
        using var scope = App.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<RhiReminders>().RunOnceAsync(Ct);
    }

    private Task<List<(string Kind, Guid UserId, string Title, string Body, string? Link)>> RemindersForAsync(Guid personId) =>
        App.WithDbAsync(async db => (await db.Notifications.AsNoTracking().Where(n => n.PersonId == personId && n.Kind.StartsWith("rhi-"))
            .Select(n => new { n.Kind, n.UserId, n.Title, n.Body, n.Link }).ToListAsync(Ct))
            .Select(n => (n.Kind, n.UserId, n.Title, n.Body, n.Link)).OrderBy(n => n.Kind).ThenBy(n => n.UserId).ToList());

    private Guid[] WorkerAndManager => [App.Users["practitioner"].Id, App.Users["team-manager"].Id];

    [Fact]
    public async Task Sixty_hours_after_the_return_the_worker_and_their_manager_are_told_it_is_due_soon_once()
    {
        var (personId, episodeId, reference) = await EpisodeAsync(60);
        await RunOnceAsync();
        var reminders = await RemindersForAsync(personId);
        Assert.Equal(WorkerAndManager.Order(), reminders.Select(r => r.UserId).Order());
        Assert.All(reminders, r =>
        {
            Assert.Equal("rhi-due-soon", r.Kind);
            Assert.Equal($"Return home interview due soon: {reference}", r.Title);
            Assert.Contains("72 hours after the return", r.Body);
            Assert.Equal($"/people/{personId}/missing", r.Link);
        });
        var stored = await App.WithDbAsync(db => db.MissingEpisodes.AsNoTracking().SingleAsync(e => e.Id == episodeId, Ct));
        Assert.NotNull(stored.RhiDueSoonReminderAt);
        Assert.Null(stored.RhiOverdueReminderAt);

        // Running again sends nothing more.
        await RunOnceAsync();
        await RunOnceAsync();
        Assert.Equal(2, (await RemindersForAsync(personId)).Count);

        // Twenty hours later it is overdue: one more each, and then no more.
        await App.WithDbAsync(db => db.MissingEpisodes.Where(e => e.Id == episodeId)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.ReturnedAt, DateTime.UtcNow.AddHours(-80)).SetProperty(e => e.LastSeenAt, DateTime.UtcNow.AddHours(-90)), Ct));
        await RunOnceAsync();
        await RunOnceAsync();
        var after = await RemindersForAsync(personId);
        Assert.Equal(4, after.Count);
        Assert.Equal(WorkerAndManager.Order(), after.Where(r => r.Kind == "rhi-overdue").Select(r => r.UserId).Order());
    }

    [Fact]
    public async Task Eighty_hours_after_the_return_they_are_told_it_is_overdue_and_not_that_it_is_due_soon()
    {
        var (personId, _, reference) = await EpisodeAsync(80);
        await RunOnceAsync();
        await RunOnceAsync();
        var reminders = await RemindersForAsync(personId);
        Assert.Equal(WorkerAndManager.Order(), reminders.Select(r => r.UserId).Order());
        Assert.All(reminders, r =>
        {
            Assert.Equal("rhi-overdue", r.Kind);
            Assert.Equal($"Return home interview overdue: {reference}", r.Title);
            Assert.Contains("is not recorded", r.Body);
        });
    }

    [Fact]
    public async Task Two_passes_at_once_in_two_scopes_send_exactly_one_reminder_to_each_recipient()
    {
        var episodes = new List<Guid>();
        for (var i = 0; i < 6; i++) episodes.Add((await EpisodeAsync(i % 2 == 0 ? 60 : 80)).PersonId);

        // Two instances of the app, as it were, racing each other (and the background job).
        using var start = new Barrier(2);
        async Task<int> Pass()
        {
            using var scope = App.Services.CreateScope();
            var reminders = scope.ServiceProvider.GetRequiredService<RhiReminders>();
            start.SignalAndWait(Ct);
            return await reminders.RunOnceAsync(Ct);
        }
        await Task.WhenAll(Task.Run(Pass, Ct), Task.Run(Pass, Ct));

        foreach (var personId in episodes)
        {
            var reminders = await RemindersForAsync(personId);
            Assert.Equal(WorkerAndManager.Order(), reminders.Select(r => r.UserId).Order());
            Assert.Single(reminders.Select(r => r.Kind).Distinct());
        }
    }

    [Theory]
    [InlineData("completed")]
    [InlineData("declined")]
    [InlineData("open")]
    [InlineData("recent")]
    public async Task No_reminder_for_an_interview_done_or_declined_an_episode_still_open_or_a_recent_return(string which)
    {
        var (personId, _, _) = which switch
        {
            "open" => await EpisodeAsync(null),
            "recent" => await EpisodeAsync(30),
            _ => await EpisodeAsync(80, e => e.Interview = new ReturnHomeInterview
            {
                EpisodeId = e.Id, PersonId = e.PersonId, OfferedAt = e.ReturnedAt!.Value.AddHours(5), OfferedBy = "Safe Spaces",
                Accepted = which == "completed", CompletedAt = which == "completed" ? e.ReturnedAt.Value.AddHours(30) : null,
                CompletedByAgencyId = which == "completed" ? App.SocialCare.Id : null, Worker = which == "completed" ? "Jo Marsh" : null,
                RecordedByUserId = e.RecordedByUserId, RecordedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow,
            }),
        };
        await RunOnceAsync();
        Assert.Empty(await RemindersForAsync(personId));
    }

    [Fact]
    public async Task The_background_job_sends_reminders_by_itself_and_logs_only_counts()
    {
        var job = App.Services.GetServices<IHostedService>().OfType<RhiReminderService>().Single();
        Assert.True(job.Enabled);
        Assert.Equal(TimeSpan.FromSeconds(1), job.Interval);

        var (personId, _, reference) = await EpisodeAsync(75);
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while ((await RemindersForAsync(personId)).Count < 2 && waited.Elapsed < TimeSpan.FromSeconds(30)) await Task.Delay(200, Ct);
        Assert.Equal(WorkerAndManager.Order(), (await RemindersForAsync(personId)).Select(r => r.UserId).Order());

        var logs = App.Logs.Lines.Where(l => l.Contains(nameof(RhiReminderService))).ToList();
        Assert.Contains(logs, l => l.Contains("reminders:") && l.Contains("sent"));
        Assert.DoesNotContain(logs, l => l.Contains(reference) || l.Contains("Zephyrine") || l.Contains("Quillfeather"));
    }
}

public sealed class RhiReminderTests_Sqlite(RemindersOnSqliteApp fixture) : RhiReminderTests(fixture), IClassFixture<RemindersOnSqliteApp>;

public sealed class RhiReminderTests_Postgres(RemindersOnPostgresApp fixture) : RhiReminderTests(fixture), IClassFixture<RemindersOnPostgresApp>;

/// <summary>The job's settings: on unless turned off, every 300 seconds unless told otherwise, never stopped by a bad value.</summary>
public sealed class RhiReminderSettingsTests
{
    private static RhiReminderService Job(params (string Key, string? Value)[] settings) => new(
        new ServiceCollection().BuildServiceProvider().GetRequiredService<IServiceScopeFactory>(),
        new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))).Build(),
        TimeProvider.System, NullLogger<RhiReminderService>.Instance);

    [Fact]
    public void Defaults_to_on_every_five_minutes()
    {
        Assert.True(Job().Enabled);
        Assert.Equal(TimeSpan.FromSeconds(300), Job().Interval);
    }

    [Theory]
    [InlineData("false", false)]
    [InlineData("False", false)]
    [InlineData("true", true)]
    [InlineData("maybe", true)]
    public void Missing_Reminders_turns_it_off(string value, bool enabled) =>
        Assert.Equal(enabled, Job(("Missing:Reminders", value)).Enabled);

    [Theory]
    [InlineData("60", 60)]
    [InlineData("0", 300)]
    [InlineData("-5", 300)]
    [InlineData("often", 300)]
    public void Missing_ReminderPollSeconds_sets_the_interval(string value, int seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), Job(("Missing:ReminderPollSeconds", value)).Interval);

    [Fact]
    public async Task Turned_off_it_ends_at_once_without_touching_the_database()
    {
        var job = Job(("Missing:Reminders", "false"));
        await job.StartAsync(TestContext.Current.CancellationToken);
        await job.ExecuteTask!.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
        Assert.True(job.ExecuteTask.IsCompletedSuccessfully);
        await job.StopAsync(TestContext.Current.CancellationToken);
    }
}
