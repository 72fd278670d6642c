using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sightline.Core.Access;
using Sightline.Core.Actions;
using Sightline.Core.Assessments;
using Sightline.Core.Audit;
using Sightline.Core.Data;
using Sightline.Core.Demo;
using Sightline.Core.Notifications;
using Sightline.Core.Panels;
using Sightline.Core.People;
using Sightline.TestKit;

namespace Sightline.Core.Tests;

/// <summary>Everything the demo adds beside its people, gathered for checking.</summary>
public sealed record DemoData(
    IReadOnlyList<Person> People, IReadOnlyList<SafeguardScreen> Screens, IReadOnlyList<SeamAssessment> Assessments,
    IReadOnlyList<ActionItem> Actions, IReadOnlyList<PanelReferral> Referrals, IReadOnlyList<Notification> Notifications,
    DemoStaff Staff, DateTime Now)
{
    public DateOnly Today => DateOnly.FromDateTime(Now.ToLondon());

    /// <summary>Each person's approved assessment in force, if any.</summary>
    public Dictionary<Guid, SeamAssessment> Current => Assessments.Where(a => a.Status == SeamStatus.Approved).ToDictionary(a => a.PersonId);

    /// <summary>The rows in a form that ignores generated ids, to compare two runs.</summary>
    public List<string> Fingerprint()
    {
        var name = People.ToDictionary(p => p.Id, p => $"{p.FirstName} {p.LastName} {p.DateOfBirth:yyyy-MM-dd}");
        // References are random (PersonReference.New); the rest is the seed's.
        var reference = People.ToDictionary(p => p.Id, p => p.Reference);
        var lines = new List<string>();
        lines.AddRange(Screens.Select(s => $"screen {name[s.PersonId]} {s.ScreenedOn} {s.ConcernCount} {s.HoldStrategyMeeting} {s.DecisionReason} "
            + string.Join("|", s.Areas.OrderBy(a => a.AreaKey).Select(a => $"{a.AreaKey}:{a.Concern}:{a.Seen}"))));
        lines.AddRange(Assessments.Select(a => $"seam {name[a.PersonId]} {a.FormVersion} {a.Status} {a.AssessedOn} {a.Total} {a.CalculatedLevel} {a.JudgementLevel} "
            + $"{a.YoungPersonPerception} {a.YoungPersonView} {a.ReviewDueOn} {a.DecidedAt:O} "
            + string.Join("|", a.Scores.OrderBy(s => s.DomainKey).Select(s => $"{s.DomainKey}:{s.Score}:{s.Evidence}"))));
        lines.AddRange(Actions.Select(a => $"action {name[a.PersonId]} {a.DomainKey} {a.Action} {a.DueOn} {a.Status} {a.CompletedAt:O}"));
        lines.AddRange(Referrals.Select(r => $"referral {name[r.PersonId]} {r.RiskLevel} {r.Status} {r.Reason}"));
        lines.AddRange(Notifications.Select(n => $"notification {n.Kind} {n.UserId == Staff.SeniorManager.UserId} "
            + $"{(n.Title + n.Body).Replace(reference[n.PersonId!.Value], name[n.PersonId!.Value])} {n.CreatedAt:O} {n.ReadAt:O}"));
        lines.Sort(StringComparer.Ordinal);
        return lines;
    }
}

public sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}

/// <summary>The demo's screens, assessments, plans and referrals: varied, deterministic, and consistent with the Core's rules.</summary>
public sealed class DemoAssessmentsTests
{
    public static readonly DateTime Now = new(2026, 11, 22, 10, 30, 0, DateTimeKind.Utc);

    /// <summary>People made as the demo makes them (social care involved with everyone, some other agencies), then their assessments.</summary>
    internal static DemoData Generate(int seed, int count, DateTime? now = null)
    {
        var at = now ?? Now;
        var today = DateOnly.FromDateTime(at.ToLondon());
        var agencies = DemoPartnership.Agencies.Select(a => (Id: Guid.NewGuid(), a.Name)).ToList();
        Guid AgencyOf(string name) => agencies.Single(a => a.Name == name).Id;
        var staff = new DemoStaff(
            DemoPartnership.Accounts.Where(a => a.Role == Role.Practitioner).Select(a => new DemoStaff.Member(Guid.NewGuid(), AgencyOf(a.Agency), a.Name)).ToList(),
            new DemoStaff.Member(Guid.NewGuid(), AgencyOf("Children's Social Care"), "Tom Teammanager"),
            new DemoStaff.Member(Guid.NewGuid(), AgencyOf("Children's Social Care"), "Sade Seniormanager"));
        var demo = new DemoAssessments(seed, staff, at);
        var all = DemoTestPeople.Generate(seed, count, today, at, agencies.Select(a => a.Id).ToList());
        var cases = all.Select(demo.For).ToList();
        return new DemoData(all, [.. cases.SelectMany(c => c.Screens)], [.. cases.SelectMany(c => c.Assessments)], [.. cases.SelectMany(c => c.Actions)],
            [.. cases.SelectMany(c => c.Referrals)], [.. cases.SelectMany(c => c.Notifications)], staff, at);
    }

    [Fact]
    public void The_same_seed_gives_the_same_screens_assessments_plans_and_referrals()
    {
        var first = Generate(2017, 150).Fingerprint();
        Assert.NotEmpty(first);
        Assert.Equal(first, Generate(2017, 150).Fingerprint());
        Assert.NotEqual(first, Generate(2018, 150).Fingerprint());
    }

    [Fact]
    public void About_a_third_are_assessed_across_every_level_with_reviews_and_work_in_progress()
    {
        var data = Generate(2017, 300);
        Check(data);
        var assessed = data.Assessments.Select(a => a.PersonId).Distinct().Count();
        Assert.InRange(assessed, 300 * 0.2, 300 * 0.4);
        Assert.Equal(Enum.GetValues<RiskLevel>(), data.Current.Values.Select(a => a.Level).Distinct().Order());
        Assert.True(data.Assessments.GroupBy(a => a.PersonId).Count(g => g.Count() >= 3) >= 10, "some young people have been reviewed two or three times");
        var statuses = data.Assessments.GroupBy(a => a.Status).ToDictionary(g => g.Key, g => g.Count());
        Assert.True(statuses[SeamStatus.Draft] > 0 && statuses[SeamStatus.Submitted] > 0);
        Assert.True(statuses[SeamStatus.Approved] + statuses[SeamStatus.Superseded] > data.Assessments.Count * 0.75, "mostly approved or superseded");
        Assert.Contains(data.Assessments, a => a.JudgementLevel is not null);
        Assert.Contains(data.Assessments, a => a.FormVersion == "2017");
        Assert.Contains(data.Assessments, a => a.YoungPersonPerception is not null && a.YoungPersonPerception != a.Level);
        Assert.Contains(data.Screens, s => !s.HoldStrategyMeeting);
        Assert.Contains(data.Actions, a => a.IsOverdueOn(data.Today));
        Assert.Contains(data.Actions, a => a.Status == ActionStatus.Done);
        Assert.Contains(data.Actions, a => a.OwnerAgencyId is not null);
        Assert.Contains(data.Notifications, n => n.UserId == data.Staff.SeniorManager.UserId);
        // The trend moves: some reviews score higher than the one before, some lower.
        var byId = data.Assessments.ToDictionary(a => a.Id);
        var changes = data.Assessments.Where(a => a.PreviousAssessmentId is { } p && byId[p].FormVersion == a.FormVersion)
            .Select(a => a.Total - byId[a.PreviousAssessmentId!.Value].Total).ToList();
        Assert.Contains(changes, c => c > 0);
        Assert.Contains(changes, c => c < 0);
    }

    [Fact]
    public void A_small_demo_still_shows_every_level_and_a_long_history()
    {
        var data = Generate(2017, 60);
        Check(data);
        Assert.Equal(Enum.GetValues<RiskLevel>(), data.Current.Values.Select(a => a.Level).Distinct().Order());
        Assert.Contains(data.Assessments.GroupBy(a => a.PersonId), g => g.Count() >= 3);
        Assert.Contains(data.Assessments, a => a.Status == SeamStatus.Submitted);
    }

    [Theory]
    [InlineData(2021, 3, 1)]
    [InlineData(2030, 7, 15)]
    public void The_data_is_consistent_on_any_seeding_date(int year, int month, int day) =>
        Check(Generate(99, 200, new DateTime(year, month, day, 7, 0, 0, DateTimeKind.Utc)));

    /// <summary>The Core's rules, held by every row the demo makes.</summary>
    internal static void Check(DemoData data)
    {
        var today = data.Today;
        var settings = new SeamReviewSettings();
        var people = data.People.ToDictionary(p => p.Id);
        var byId = data.Assessments.ToDictionary(a => a.Id);
        var practitioners = data.Staff.Practitioners.ToDictionary(p => p.UserId);
        Assert.NotEmpty(data.Assessments);

        foreach (var a in data.Assessments)
        {
            var person = people[a.PersonId];
            var form = Assert.IsType<SeamForm>(SeamForms.Find(a.FormVersion));
            Assert.Equal(form.Domains.Select(d => d.Key).Order(), a.Scores.Select(s => s.DomainKey).Order());
            Assert.All(a.Scores, s =>
            {
                Assert.InRange(s.Score, 0, SeamForm.MaxDomainScore);
                Assert.Equal((a.Id, a.PersonId), (s.AssessmentId, s.PersonId));
                if (s.Score > 0) Assert.False(string.IsNullOrWhiteSpace(s.Evidence), $"evidence for {s.DomainKey} scored {s.Score}");
                Assert.Empty(LanguageGuidance.Check("evidence", s.Evidence));
            });
            Assert.Equal(a.Scores.Sum(s => s.Score), a.Total);
            Assert.Equal(SeamRules.LevelFor(a.Total), a.CalculatedLevel);
            Assert.InRange(a.AssessedOn, person.DateOfBirth.AddYears(10), today);
            Assert.True(a.CreatedAt <= data.Now && a.UpdatedAt <= data.Now && (a.DecidedAt ?? a.CreatedAt) <= data.Now);
            if (a.FormVersion == "2020") Assert.True(a.AssessedOn >= DemoAssessments.Form2020From);
            else Assert.InRange(a.AssessedOn, new DateOnly(2018, 1, 1), new DateOnly(2019, 12, 31));

            // Written by a practitioner of an agency involved with the young person, in that agency's name.
            var author = practitioners[a.AuthorUserId];
            Assert.Equal(author.AgencyId, a.AgencyId);
            var involvement = Assert.Single(person.Agencies, i => i.AgencyId == a.AgencyId);
            Assert.True(involvement.StartDate <= a.AssessedOn, "the agency was involved before it assessed");
            Assert.Empty(LanguageGuidance.Check("view", a.YoungPersonView));

            if (a.IsComplete)
            {
                Assert.Equal(data.Staff.TeamManager.UserId, a.DecidedByUserId);
                Assert.NotEqual(a.AuthorUserId, a.DecidedByUserId);
                Assert.NotNull(a.SubmittedAt);
                Assert.True(a.SubmittedAt <= a.DecidedAt);
                Assert.Equal(SeamRules.RoutingFor(a.Level), a.Routing);
                Assert.Equal(SeamRules.ReviewDueOn(DateOnly.FromDateTime(a.DecidedAt!.Value.ToLondon()), a.Level, settings), a.ReviewDueOn);
                Assert.Empty(SeamRules.CheckJudgement(a.CalculatedLevel, a.JudgementLevel, a.JudgementReason).All); // a judgement only raises, with a reason
                if (a.JudgementLevel is not null) Assert.Equal(a.DecidedByUserId, a.JudgementByUserId);
            }
            else
            {
                Assert.Null(a.JudgementLevel);
                Assert.Null(a.Routing);
                Assert.Null(a.ReviewDueOn);
                Assert.Null(a.SupersededById);
            }
            if (a.Status == SeamStatus.Submitted) Assert.NotNull(a.SubmittedAt);
            if (a.Status == SeamStatus.Returned) Assert.False(string.IsNullOrWhiteSpace(a.ReturnComments));
            if (a.Status == SeamStatus.Draft) Assert.Null(a.SubmittedAt);
        }

        // The chain: each later assessment reviews the one before; each approval superseded that one.
        foreach (var history in data.Assessments.GroupBy(a => a.PersonId))
        {
            var ordered = history.OrderBy(a => a.AssessedOn).ToList();
            Assert.Null(ordered[0].PreviousAssessmentId);
            for (var i = 1; i < ordered.Count; i++)
            {
                Assert.Equal(ordered[i - 1].Id, ordered[i].PreviousAssessmentId);
                Assert.True(ordered[i - 1].IsComplete, "only an approved assessment is reviewed");
                Assert.True(ordered[i].AssessedOn > DateOnly.FromDateTime(ordered[i - 1].DecidedAt!.Value.ToLondon()));
            }
            Assert.True(history.Count(a => a.Status == SeamStatus.Approved) <= 1, "one assessment in force at a time");
            Assert.True(history.Count(a => !a.IsComplete) <= 1, "one review in progress at a time");
            foreach (var old in history.Where(a => a.Status == SeamStatus.Superseded))
            {
                var by = byId[old.SupersededById!.Value];
                Assert.Equal(old.PersonId, by.PersonId);
                Assert.True(by.IsComplete);
                Assert.Equal(old.Id, by.PreviousAssessmentId);
                Assert.True(by.DecidedAt > old.DecidedAt);
            }
            Assert.All(history.Where(a => a.Status != SeamStatus.Superseded), a => Assert.Null(a.SupersededById));
            if (history.Any(a => a.IsComplete)) Assert.Equal(SeamStatus.Approved, history.Where(a => a.IsComplete).MaxBy(a => a.AssessedOn)!.Status);

            // The screen that started it came first, and the agency that screened was involved.
            var first = ordered[0];
            var screen = Assert.Single(data.Screens, s => s.Id == first.SafeguardScreenId);
            Assert.True(screen.HoldStrategyMeeting);
            Assert.True(screen.ScreenedOn <= first.AssessedOn);
        }

        foreach (var screen in data.Screens)
        {
            Assert.Equal(SafeguardAreas.All.Select(a => a.Key).Order(), screen.Areas.Select(a => a.AreaKey).Order());
            Assert.Equal(screen.Areas.Count(a => a.Concern), screen.ConcernCount);
            Assert.All(screen.Areas, a =>
            {
                Assert.Equal((screen.Id, screen.PersonId), (a.ScreenId, a.PersonId));
                Assert.Equal(a.Concern, !string.IsNullOrWhiteSpace(a.Seen));
                Assert.Empty(LanguageGuidance.Check("seen", a.Seen));
            });
            Assert.False(string.IsNullOrWhiteSpace(screen.DecisionReason));
            Assert.Empty(LanguageGuidance.Check("reason", screen.DecisionReason));
            Assert.Equal(practitioners[screen.RecordedByUserId].AgencyId, screen.AgencyId);
            Assert.True(Assert.Single(people[screen.PersonId].Agencies, i => i.AgencyId == screen.AgencyId).StartDate <= screen.ScreenedOn);
            Assert.True(screen.ScreenedOn <= today);
        }

        // Referrals of the current High and Very High assessments are open, or were accepted at a meeting of the
        // demo's MACE (DemoPanels); earlier ones were taken up.
        var current = data.Current;
        bool StillWithThePanel(PanelReferral r) => r.Status == ReferralStatus.Open || (r.Status == ReferralStatus.Accepted && r.PanelId is not null
            && byId[r.SeamAssessmentId!.Value].Status == SeamStatus.Approved);
        Assert.All(data.Referrals, r =>
        {
            var assessment = byId[r.SeamAssessmentId!.Value];
            Assert.Equal(assessment.PersonId, r.PersonId);
            Assert.True(assessment.Level >= RiskLevel.High);
            Assert.Equal(assessment.Level, r.RiskLevel);
            Assert.Equal(StillWithThePanel(r), assessment.Status == SeamStatus.Approved);
            Assert.Equal(PanelReferral.Mace, r.PanelType);
        });
        Assert.Equal(current.Values.Where(a => a.Level >= RiskLevel.High).Select(a => a.Id).Order(),
            data.Referrals.Where(StillWithThePanel).Select(r => r.SeamAssessmentId!.Value).Order());

        foreach (var action in data.Actions)
        {
            var assessment = byId[action.SeamAssessmentId!.Value];
            Assert.Equal(assessment.PersonId, action.PersonId);
            Assert.NotNull(assessment.Form.Domain(action.DomainKey));
            Assert.True(action.OwnerUserId is null ^ action.OwnerAgencyId is null, "owned by a person or an agency");
            if (action.OwnerAgencyId is { } agency) Assert.Contains(people[action.PersonId].Agencies, i => i.AgencyId == agency);
            Assert.Equal(action.IsOpen, action.CompletedAt is null);
            Assert.Equal(action.IsOpen, action.CompletionNote is null);
            if (action.CompletedAt is { } done) Assert.InRange(done, action.CreatedAt, data.Now);
            if (assessment.Status == SeamStatus.Superseded) Assert.False(action.IsOpen);
            Assert.Empty(LanguageGuidance.Check([("need", action.AreaOfNeed), ("outcome", action.DesiredOutcome), ("action", action.Action), ("note", action.CompletionNote)]));
        }

        foreach (var notification in data.Notifications)
        {
            var person = people[notification.PersonId!.Value];
            Assert.Contains(person.Reference, notification.Title);
            // Staff are named (a young person may share a first name with one); the young person never is.
            Assert.DoesNotContain(person.FullName, notification.Title + notification.Body);
            Assert.DoesNotContain(person.LastName, notification.Title + notification.Body);
            Assert.Equal(EmailState.NotSent, notification.EmailState);
            Assert.True(notification.CreatedAt <= data.Now && (notification.ReadAt ?? notification.CreatedAt) <= data.Now);
        }
        Assert.All(data.Notifications.Where(n => n.Kind == "seam-very-high"), n => Assert.Equal(data.Staff.SeniorManager.UserId, n.UserId));
    }
}

/// <summary>The demo as `serve` and `demo seed` write it, read back from each database.</summary>
public abstract class DemoSeedTests(DatabaseProvider provider)
{
    private CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Seeding_writes_assessments_that_read_back_consistent()
    {
        await using var demo = await SeededDemo.CreateAsync(provider, DemoAssessmentsTests.Now, 60, Ct);
        var db = demo.Db;
        var staff = await demo.StaffAsync(Ct);
        var data = new DemoData(
            await db.People.AsNoTracking().Include(p => p.Agencies).ToListAsync(Ct),
            await db.SafeguardScreens.AsNoTracking().Include(s => s.Areas).ToListAsync(Ct),
            await db.SeamAssessments.AsNoTracking().Include(s => s.Scores).ToListAsync(Ct),
            await db.ActionItems.AsNoTracking().ToListAsync(Ct),
            await db.PanelReferrals.AsNoTracking().ToListAsync(Ct),
            await db.Notifications.AsNoTracking().ToListAsync(Ct),
            staff, DemoAssessmentsTests.Now);

        Assert.Equal(60, data.People.Count);
        DemoAssessmentsTests.Check(data);
        Assert.Equal(Enum.GetValues<RiskLevel>(), data.Current.Values.Select(a => a.Level).Distinct().Order());
        Assert.Contains(data.Assessments.GroupBy(a => a.PersonId), g => g.Count() >= 3);
        Assert.Contains(data.Referrals, r => r.Status == ReferralStatus.Open);
        Assert.NotEmpty(data.Actions);
        // A demo record reads as opened when the first agency became involved, before anything was recorded about them.
        Assert.All(data.Screens, s => Assert.True(DateOnly.FromDateTime(data.People.Single(p => p.Id == s.PersonId).CreatedAt) <= s.ScreenedOn));
    }
}

public sealed class DemoSeedTests_Sqlite() : DemoSeedTests(DatabaseProvider.Sqlite);

public sealed class DemoSeedTests_Postgres() : DemoSeedTests(DatabaseProvider.Postgres);
