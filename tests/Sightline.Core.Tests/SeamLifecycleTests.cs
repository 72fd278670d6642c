using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Sightline.Core.Access;
using Sightline.Core.Assessments;
using Sightline.Core.Audit;
using Sightline.Core.Data;
using Sightline.Core.Notifications;
using Sightline.Core.Panels;
using Sightline.Core.People;
using Sightline.TestKit;

namespace Sightline.Core.Tests;

/// <summary>
/// The SEAM lifecycle against a real database: approval routes in one transaction (referral and
/// notifications with it), reviews supersede, and two managers approving at once cannot both win.
/// </summary>
public abstract class SeamLifecycleTests(DatabaseProvider provider) : IAsyncLifetime
{
    private CancellationToken Ct => TestContext.Current.CancellationToken;
    private TestDatabase _database = null!;
    private ServiceProvider _services = null!;
    private readonly Dictionary<string, CurrentUser> _users = [];
    private Guid _personId;

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(provider);
        var services = new ServiceCollection();
        services.AddSightlineCore(_database.AsConfiguration());
        services.AddScoped<IAuditActor>(_ => FixedAuditActor.System);
        services.AddLogging();
        _services = services.BuildServiceProvider();
        await InScopeAsync<DatabaseMigrator, int>(async m => (await m.MigrateAsync(Ct)).Count);

        await InScopeAsync<SightlineDb, int>(async db =>
        {
            var agency = new Agency { Name = "Children's Social Care", Kind = AgencyKind.ChildrensSocialCare, CreatedAt = DateTime.UtcNow };
            db.Agencies.Add(agency);
            foreach (var (key, role) in new[] { ("author", Role.Practitioner), ("manager", Role.TeamManager), ("manager2", Role.TeamManager), ("senior", Role.SeniorManager), ("senior2", Role.SeniorManager) })
            {
                var user = new SightlineUser { DisplayName = key, Email = $"{key}@test.example", UserName = $"{key}@test.example", AgencyId = agency.Id, Role = role, CreatedAt = DateTime.UtcNow };
                db.Users.Add(user);
                _users[key] = new CurrentUser(user.Id, user.Email, user.DisplayName, agency.Id, role);
            }
            var person = new Person { FirstName = "Test", LastName = "Person", DateOfBirth = new DateOnly(2011, 4, 1), CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow, CreatedByUserId = _users["author"].UserId };
            person.Agencies.Add(new AgencyInvolvement { AgencyId = agency.Id, StartDate = new DateOnly(2025, 1, 1), AddedByUserId = _users["author"].UserId });
            db.People.Add(person);
            _personId = person.Id;
            return await db.SaveChangesAsync(Ct);
        });
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await _database.DisposeAsync();
    }

    private async Task<TResult> InScopeAsync<TService, TResult>(Func<TService, Task<TResult>> work) where TService : notnull
    {
        await using var scope = _services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<TService>());
    }

    /// <summary>A submitted 2020 assessment scoring <paramref name="total"/> (spread over the domains).</summary>
    private async Task<Guid> SubmittedAsync(int total)
    {
        var scores = SeamForms.V2020.Domains.Select((d, i) => (d.Key, Score: Math.Min(5, Math.Max(0, total - 5 * i))))
            .ToDictionary(x => x.Key, x => new SeamScoreInput(x.Score, x.Score > 0 ? "Seen by the network" : null));
        var created = await InScopeAsync<SeamRecords, Outcome<SeamAssessment>>(s => s.CreateAsync(_users["author"], _personId, new SeamInput("2020", scores, RiskLevel.Low), Ct));
        Assert.True(created.Succeeded, string.Join("; ", created.Errors?.All.Select(e => e.Value) ?? []));
        Assert.Equal(total, created.Value!.Total);
        var submitted = await InScopeAsync<SeamRecords, Outcome<SeamAssessment>>(s => s.SubmitAsync(_users["author"], created.Value.Id, Ct));
        Assert.True(submitted.Succeeded);
        return created.Value.Id;
    }

    private Task<Outcome<SeamAssessment>> ApproveAsync(string manager, Guid id, ApprovalInput? input = null) =>
        InScopeAsync<SeamRecords, Outcome<SeamAssessment>>(s => s.ApproveAsync(_users[manager], id, input ?? new ApprovalInput(), Ct));

    [Fact]
    public async Task Very_high_refers_to_MACE_and_notifies_every_senior_manager_in_the_same_transaction()
    {
        var id = await SubmittedAsync(41);
        var approved = await ApproveAsync("manager", id);
        Assert.True(approved.Succeeded);
        Assert.Equal(SeamRouting.PanelReferralAndSeniorManagers, approved.Value!.Routing);

        await InScopeAsync<SightlineDb, int>(async db =>
        {
            var referral = await db.PanelReferrals.SingleAsync(r => r.PersonId == _personId, Ct);
            Assert.Equal((ReferralStatus.Open, id, RiskLevel.VeryHigh), (referral.Status, referral.SeamAssessmentId, referral.RiskLevel));
            var notified = await db.Notifications.Where(n => n.Kind == "seam-very-high").Select(n => n.UserId).ToListAsync(Ct);
            Assert.Equal(new[] { _users["senior"].UserId, _users["senior2"].UserId }.Order(), notified.Order());
            var reference = await db.People.Where(p => p.Id == _personId).Select(p => p.Reference).SingleAsync(Ct);
            Assert.All(await db.Notifications.ToListAsync(Ct), n =>
            {
                Assert.Contains(reference, n.Title);
                Assert.DoesNotContain("Person", n.Title + n.Body); // the young person's name never goes into a notification
            });
            // The referral and the notifications were audited with the approval.
            Assert.True(await db.AuditEntries.AnyAsync(e => e.EntityType == "panel-referral" && e.PersonId == _personId, Ct));
            return 0;
        });
        var verified = await InScopeAsync<AuditQueries, (bool Intact, long Checked, string? Fault)>(a => a.VerifyAsync(Ct));
        Assert.True(verified.Intact, verified.Fault);
    }

    [Theory]
    [InlineData(19, SeamRouting.ReviewStrategyMeeting)]
    [InlineData(29, SeamRouting.ReviewStrategyMeeting)]
    [InlineData(30, SeamRouting.PanelReferral)]
    public async Task Below_high_there_is_no_referral_and_from_30_there_is(int total, SeamRouting routing)
    {
        var id = await SubmittedAsync(total);
        var approved = await ApproveAsync("manager", id);
        Assert.Equal(routing, approved.Value!.Routing);
        var referrals = await InScopeAsync<SightlineDb, int>(db => db.PanelReferrals.CountAsync(r => r.PersonId == _personId, Ct));
        Assert.Equal(routing == SeamRouting.PanelReferral ? 1 : 0, referrals);
        var seniorNotices = await InScopeAsync<SightlineDb, int>(db => db.Notifications.CountAsync(n => n.Kind == "seam-very-high", Ct));
        Assert.Equal(0, seniorNotices);
    }

    [Fact]
    public async Task A_raised_judgement_routes_by_the_raised_level()
    {
        var id = await SubmittedAsync(25);
        Assert.NotNull((await ApproveAsync("manager", id, new ApprovalInput(RiskLevel.Low, "lower"))).Errors);
        var approved = await ApproveAsync("manager", id, new ApprovalInput(RiskLevel.High, "Intelligence from the police about an older male"));
        Assert.Equal((RiskLevel.Medium, RiskLevel.High, SeamRouting.PanelReferral), (approved.Value!.CalculatedLevel, approved.Value.Level, approved.Value.Routing));
    }

    [Fact]
    public async Task The_author_cannot_approve_and_a_practitioner_cannot_approve()
    {
        var id = await SubmittedAsync(10);
        var manager = _users["manager"];
        var ownScores = SeamForms.V2020.Domains.ToDictionary(d => d.Key, _ => new SeamScoreInput(0, null));
        var own = await InScopeAsync<SeamRecords, Outcome<SeamAssessment>>(s => s.CreateAsync(manager, _personId, new SeamInput("2020", ownScores), Ct));
        await InScopeAsync<SeamRecords, Outcome<SeamAssessment>>(s => s.SubmitAsync(manager, own.Value!.Id, Ct));
        Assert.NotNull((await ApproveAsync("manager", own.Value!.Id)).Refusal);
        Assert.NotNull((await InScopeAsync<SeamRecords, Outcome<SeamAssessment>>(s => s.ApproveAsync(_users["author"], id, new ApprovalInput(), Ct))).Refusal);
    }

    [Fact]
    public async Task A_review_starts_from_the_approved_one_and_supersedes_it_and_its_open_referral()
    {
        var first = await SubmittedAsync(33);
        await ApproveAsync("manager", first);
        var review = await SubmittedAsync(36);
        var approved = await ApproveAsync("manager", review);
        Assert.Equal(first, approved.Value!.PreviousAssessmentId);
        await InScopeAsync<SightlineDb, int>(async db =>
        {
            var old = await db.SeamAssessments.SingleAsync(s => s.Id == first, Ct);
            Assert.Equal((SeamStatus.Superseded, review), (old.Status, old.SupersededById));
            var referrals = await db.PanelReferrals.Where(r => r.PersonId == _personId).ToListAsync(Ct);
            Assert.Equal(ReferralStatus.Superseded, referrals.Single(r => r.SeamAssessmentId == first).Status);
            Assert.Equal(ReferralStatus.Open, referrals.Single(r => r.SeamAssessmentId == review).Status);
            return 0;
        });
    }

    [Fact]
    public async Task Two_managers_approving_at_once_cannot_both_win()
    {
        var id = await SubmittedAsync(42);
        var outcomes = await Task.WhenAll(ApproveAsync("manager", id), ApproveAsync("manager2", id));
        Assert.Equal(1, outcomes.Count(o => o.Succeeded));
        Assert.True(outcomes.Single(o => !o.Succeeded) is { Conflict: true } or { Refusal: not null });
        var referrals = await InScopeAsync<SightlineDb, int>(db => db.PanelReferrals.CountAsync(r => r.PersonId == _personId, Ct));
        Assert.Equal(1, referrals);
        var seniorNotices = await InScopeAsync<SightlineDb, int>(db => db.Notifications.CountAsync(n => n.Kind == "seam-very-high", Ct));
        Assert.Equal(2, seniorNotices);
    }
}

public sealed class SeamLifecycleTests_Sqlite() : SeamLifecycleTests(DatabaseProvider.Sqlite);

public sealed class SeamLifecycleTests_Postgres() : SeamLifecycleTests(DatabaseProvider.Postgres);
