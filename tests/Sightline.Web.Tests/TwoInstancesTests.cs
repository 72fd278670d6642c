using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sightline.Core.Data;
using Sightline.Core.Missing;
using Sightline.Core.Notifications;
using Sightline.TestKit;
using Sightline.Web.Infrastructure;
using Sightline.Web.Infrastructure.Email;
using Sightline.Web.Tests.Support;

namespace Sightline.Web.Tests;

/// <summary>
/// Two instances of the app over one PostgreSQL database, as two machines behind a load balancer:
/// each has its own services, caches, data-protection key ring and background jobs. Both have SMTP
/// pointing at one fake mail server; their background loops are off (polling hourly), so the tests
/// run the passes themselves, on both instances at once.
/// </summary>
public sealed class TwoInstancesFixture : IAsyncLifetime
{
    public FakeSmtpServer Smtp { get; private set; } = null!;
    public SightlineFactory First { get; private set; } = null!;
    public SightlineFactory Second { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Smtp = new FakeSmtpServer();
        First = await SightlineFactory.StartAsync(DatabaseProvider.Postgres, new Dictionary<string, string?>
        {
            ["Smtp:Host"] = "127.0.0.1",
            ["Smtp:Port"] = Smtp.Port.ToString(),
            ["Smtp:From"] = "Sightline <sightline@test.example>",
            ["Smtp:PollSeconds"] = "3600",
            ["Smtp:BatchSize"] = "7",
            ["Sightline:BaseUrl"] = "https://sightline.test.example/",
        });
        Second = First.AnotherInstance();
        _ = Second.Server; // started now, with no key ring of its own in memory yet
    }

    public async ValueTask DisposeAsync()
    {
        await Second.DisposeAsync();
        await First.DisposeAsync();
        await Smtp.DisposeAsync();
    }
}

/// <summary>A load balancer without sticky sessions: each request goes to the next instance in turn.</summary>
public sealed class RoundRobinBalancer(params SightlineFactory[] instances) : HttpMessageHandler
{
    private readonly HttpMessageInvoker[] _instances = instances.Select(i => new HttpMessageInvoker(i.Server.CreateHandler())).ToArray();
    private int _next;
    public int[] Served { get; } = new int[instances.Length];

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var index = (Interlocked.Increment(ref _next) - 1) % _instances.Length;
        Interlocked.Increment(ref Served[index]);
        return _instances[index].SendAsync(request, cancellationToken);
    }
}

public sealed class TwoInstancesTests(TwoInstancesFixture fixture) : IClassFixture<TwoInstancesFixture>
{
    private SightlineFactory First => fixture.First;
    private SightlineFactory Second => fixture.Second;
    private CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_browser_signed_in_through_one_instance_is_signed_in_on_the_other_with_no_sticky_sessions()
    {
        var balancer = new RoundRobinBalancer(First, Second);
        using var browser = new HttpClient(new CookieContainerHandler { InnerHandler = balancer }) { BaseAddress = new Uri("https://localhost") };

        // The sign-in form (and its antiforgery token) comes from one instance, the POST goes to the other.
        var signIn = await browser.PostSignInAsync(First.Users["practitioner"].Email!, SightlineFactory.Password);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);

        for (var i = 0; i < 4; i++)
        {
            var page = await browser.GetAsync("/people", Ct);
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.Contains("Sign out", await page.Content.ReadAsStringAsync(Ct));
        }
        Assert.All(balancer.Served, served => Assert.True(served >= 3, $"each instance served several requests: {string.Join(", ", balancer.Served)}"));

        // Both instances protect with keys from the one ring in the database, not rings of their own.
        var keys = await First.WithDbAsync(db => db.DataProtectionKeys.CountAsync(Ct));
        Assert.Equal(1, keys);
    }

    [Fact]
    public async Task Return_home_interview_reminders_run_on_both_instances_at_once_are_sent_once_each()
    {
        var api = First.ApiClientFor("practitioner");
        var people = new List<Guid>();
        for (var i = 0; i < 6; i++)
        {
            var person = (await Builders.CreatePersonAsync(api)).GetProperty("id").GetGuid();
            people.Add(person);
            await First.WithDbAsync(async db =>
            {
                var now = DateTime.UtcNow;
                var worker = First.Users["practitioner"].Id;
                // Returned 60 hours ago, or 80: due soon, or overdue.
                var returned = now.AddHours(i % 2 == 0 ? -60 : -80);
                db.MissingEpisodes.Add(new MissingEpisode
                {
                    PersonId = person, Category = MissingCategory.Missing, From = MissingFrom.Home, LastSeenAt = returned.AddHours(-10), ReturnedAt = returned,
                    ResponsibleUserId = worker, RecordedByUserId = worker, RecordedAt = now.AddDays(-4), UpdatedAt = now.AddDays(-4),
                });
                await db.SaveChangesAsync(Ct);
            });
        }

        var passes = new[] { First, Second, First, Second }.Select(RunRemindersAsync);
        var sent = (await Task.WhenAll(passes)).Sum();

        var reminders = await First.WithDbAsync(db => db.Notifications.AsNoTracking()
            .Where(n => n.PersonId != null && people.Contains(n.PersonId.Value) && n.Kind.StartsWith("rhi-"))
            .Select(n => new { n.PersonId, n.Kind, n.UserId }).ToListAsync(Ct));
        Assert.NotEmpty(reminders);
        Assert.All(reminders.GroupBy(r => r), group => Assert.Single(group));
        // Worker and team manager, for each of the six young people.
        Assert.Equal(12, reminders.Select(r => (r.PersonId, r.UserId)).Distinct().Count());
        Assert.True(sent >= 6, $"the passes together reminded about every episode ({sent})");
    }

    private static async Task<int> RunRemindersAsync(SightlineFactory instance)
    {
        await Task.Yield();
        using var scope = instance.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<RhiReminders>().RunOnceAsync();
    }

    [Fact]
    public async Task The_email_outbox_drained_by_both_instances_at_once_sends_each_email_once()
    {
        var titles = Enumerable.Range(0, 30).Select(i => $"Outbox item {i} {Guid.NewGuid():N}").ToList();
        await First.WithDbAsync(async db =>
        {
            foreach (var title in titles)
                db.Notifications.Add(new Notification
                {
                    UserId = First.Users["team-manager"].Id, Kind = "test", Title = title, Body = "Something happened for SL-TEST1.",
                    Link = "/people", CreatedAt = DateTime.UtcNow, EmailState = EmailState.Pending,
                });
            await db.SaveChangesAsync(Ct);
        });

        // Batches of 7: two passes on each instance, all four at once, round after round until the
        // outbox is empty. (Passes that start together look at the same batch; one wins each email.)
        var emailers = new[] { First, Second }.Select(i => i.Services.GetRequiredService<NotificationEmailer>()).ToList();
        for (var round = 0; round < 20 && await PendingAsync(titles) > 0; round++)
            await Task.WhenAll(emailers.Concat(emailers).Select(async e =>
            {
                await Task.Yield();
                return await e.RunOnceAsync(Ct);
            }));

        Assert.All(titles, title => Assert.Single(fixture.Smtp.WithSubject(title)));
        var states = await First.WithDbAsync(db => db.Notifications.AsNoTracking().Where(n => titles.Contains(n.Title))
            .Select(n => new { n.EmailState, n.EmailAttempts }).ToListAsync(Ct));
        Assert.All(states, s => Assert.Equal((EmailState.Sent, 1), (s.EmailState, s.EmailAttempts)));
    }

    private Task<int> PendingAsync(List<string> titles) =>
        First.WithDbAsync(db => db.Notifications.CountAsync(n => titles.Contains(n.Title) && n.EmailState == EmailState.Pending, Ct));

    [Fact]
    public async Task The_same_record_saved_on_both_instances_at_once_from_the_same_version_is_one_save_and_one_conflict()
    {
        var onFirst = First.ApiClientFor("practitioner");
        var onSecond = Second.ApiClientFor("practitioner");
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var person = await Builders.CreatePersonAsync(onFirst);
            var id = person.GetProperty("id").GetGuid();
            var version = person.GetProperty("version").GetString();
            var saves = await Task.WhenAll(
                SaveAsync(onFirst, id, "FromFirst", version),
                SaveAsync(onSecond, id, "FromSecond", version));

            Assert.Equal(new[] { HttpStatusCode.OK, HttpStatusCode.Conflict }, saves.Select(s => s.StatusCode).Order());
            var winner = saves.Single(s => s.StatusCode == HttpStatusCode.OK);
            var kept = (await winner.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("firstName").GetString();
            var read = await onSecond.GetFromJsonAsync<JsonElement>($"/api/v1/people/{id}", Ct);
            Assert.Equal(kept, read.GetProperty("firstName").GetString());
        }
    }

    private async Task<HttpResponseMessage> SaveAsync(HttpClient api, Guid id, string firstName, string? version)
    {
        await Task.Yield();
        return await api.PutAsJsonAsync($"/api/v1/people/{id}", new { firstName, lastName = "Race", dateOfBirth = "2010-03-27", sex = "female", version }, Ct);
    }
}
