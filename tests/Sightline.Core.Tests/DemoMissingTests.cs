using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Sightline.Core.Access;
using Sightline.Core.Assessments;
using Sightline.Core.Audit;
using Sightline.Core.Data;
using Sightline.Core.Demo;
using Sightline.Core.Missing;
using Sightline.Core.Notifications;
using Sightline.Core.People;
using Sightline.Core.VulnerableAdolescents;
using Sightline.TestKit;

namespace Sightline.Core.Tests;

/// <summary>The demo's missing episodes, interviews, reminders and index entries, gathered for checking.</summary>
public sealed record DemoMissingData(
    IReadOnlyList<Person> People, IReadOnlyList<MissingEpisode> Episodes, IReadOnlyList<IndexEntry> IndexEntries,
    IReadOnlyList<Notification> Notifications, DemoStaff Staff, Guid PoliceAgencyId, IReadOnlyList<Guid> InterviewAgencies, DateTime Now)
{
    public DateOnly Today => London.DateOf(Now);
    public MissingSettings Settings { get; } = new();

    public RhiState StateOf(MissingEpisode e) =>
        MissingRules.RhiStateOf(e.ReturnedAt, e.Interview?.OfferedAt, e.Interview?.Accepted, e.Interview?.CompletedAt, Now, Settings);

    public List<string> Fingerprint()
    {
        var name = People.ToDictionary(p => p.Id, p => $"{p.FirstName} {p.LastName} {p.DateOfBirth:yyyy-MM-dd}");
        var lines = Episodes.Select(e => $"episode {name[e.PersonId]} {e.Category} {e.From} {e.Placement} {e.LastSeenAt:O} {e.ReportedToPoliceAt:O} "
                + $"{e.PoliceReference} {e.PoliceRiskGrading} {e.ReturnedAt:O} {e.WhereFound} {e.WithWhom} {e.Circumstances} {e.RhiDueSoonReminderAt:O} {e.RhiOverdueReminderAt:O} "
                + $"{e.Interview?.OfferedAt:O} {e.Interview?.Accepted} {e.Interview?.CompletedAt:O} {e.Interview?.Worker} {e.Interview?.RisksDisclosed}")
            .Concat(IndexEntries.Select(i => $"index {name[i.PersonId]} {i.StartDate} {i.EndDate} {i.Reason} {i.EndReason}"))
            .ToList();
        lines.Sort(StringComparer.Ordinal);
        return lines;
    }
}

/// <summary>The demo's missing episodes and index entries: varied, deterministic, and consistent with the Core's rules.</summary>
public sealed class DemoMissingTests
{
    public static readonly DateTime Now = DemoAssessmentsTests.Now;

    /// <summary>People made as the demo makes them (social care involved with everyone, some other agencies), then their missing histories.</summary>
    internal static DemoMissingData Generate(int seed, int count, DateTime? now = null)
    {
        var at = now ?? Now;
        var today = London.DateOf(at);
        var agencies = DemoPartnership.Agencies.Select(a => (Id: Guid.NewGuid(), a.Name, a.Kind)).ToList();
        Guid AgencyOf(string name) => agencies.Single(a => a.Name == name).Id;
        var staff = new DemoStaff(
            DemoPartnership.Accounts.Where(a => a.Role == Role.Practitioner).Select(a => new DemoStaff.Member(Guid.NewGuid(), AgencyOf(a.Agency), a.Name)).ToList(),
            new DemoStaff.Member(Guid.NewGuid(), AgencyOf("Children's Social Care"), "Tom Teammanager"),
            new DemoStaff.Member(Guid.NewGuid(), AgencyOf("Children's Social Care"), "Sade Seniormanager"));
        var police = agencies.Single(a => a.Kind == AgencyKind.Police).Id;
        List<Guid> interviewers = [agencies.Single(a => a.Kind == AgencyKind.Voluntary).Id, AgencyOf("Children's Social Care")];
        var demo = new DemoMissing(seed, staff, at, interviewers, police);
        var all = DemoTestPeople.Generate(seed, count, today, at, agencies.Select(a => a.Id).ToList());
        var cases = all.Select(demo.For).ToList();
        return new DemoMissingData(all, [.. cases.SelectMany(c => c.Episodes)], [.. cases.SelectMany(c => c.IndexEntries)], [.. cases.SelectMany(c => c.Notifications)],
            staff, police, interviewers, at);
    }

    [Fact]
    public void The_same_seed_gives_the_same_episodes_interviews_and_index_entries()
    {
        var first = Generate(2017, 200).Fingerprint();
        Assert.NotEmpty(first);
        Assert.Equal(first, Generate(2017, 200).Fingerprint());
        Assert.NotEqual(first, Generate(2018, 200).Fingerprint());
    }

    [Fact]
    public void About_a_fifth_go_missing_and_a_few_go_missing_often()
    {
        var data = Generate(2017, 300);
        Check(data);
        var byPerson = data.Episodes.GroupBy(e => e.PersonId).Select(g => g.Count()).OrderByDescending(n => n).ToList();
        Assert.InRange(byPerson.Count, 300 * 0.12, 300 * 0.3);
        var yearAgo = Now.AddDays(-365);
        var frequent = data.Episodes.Where(e => e.LastSeenAt >= yearAgo).GroupBy(e => e.PersonId).Count(g => g.Count() >= 8);
        Assert.InRange(frequent, 3, DemoMissing.FrequentCount);
        Assert.All(data.Episodes.GroupBy(e => e.PersonId), g => Assert.InRange(g.Count(), 1, 15));
        Assert.True(byPerson.Take(5).Sum() >= data.Episodes.Count * 0.25, $"the top five account for a real share: {byPerson.Take(5).Sum()} of {data.Episodes.Count}");
        Assert.True(byPerson.Count(n => n <= 3) >= byPerson.Count / 2, "most go missing once to three times");

        // Mostly "missing"; some absent and away without authorisation (only ever from care).
        var categories = data.Episodes.GroupBy(e => e.Category).ToDictionary(g => g.Key, g => g.Count());
        Assert.True(categories[MissingCategory.Missing] > data.Episodes.Count / 2);
        Assert.True(categories[MissingCategory.Absent] > 0 && categories[MissingCategory.AwayWithoutAuthorisation] > 0);
        Assert.Contains(data.Episodes, e => e.From == MissingFrom.Care);
        Assert.Contains(data.Episodes, e => e.From == MissingFrom.Home);
        Assert.Contains(data.Episodes, e => e.PoliceRiskGrading == PoliceRiskGrading.High);

        // The same places come up again, for the frequent individuals and across the partnership.
        foreach (var person in data.Episodes.GroupBy(e => e.PersonId).Where(g => g.Count() >= 8))
            Assert.True(person.Where(e => e.WhereFound is not null).GroupBy(e => e.WhereFound).Max(g => g.Count()) >= 3, "a frequent individual's usual place repeats");
        Assert.Contains(MissingPatterns.Frequent(data.Episodes.Select(e => e.WhereFound)), p => p.Times >= 5);
    }

    [Fact]
    public void Interviews_are_mostly_in_time_with_some_late_declined_and_outstanding_for_the_work_list()
    {
        var data = Generate(2017, 300);
        var states = data.Episodes.GroupBy(data.StateOf).ToDictionary(g => g.Key, g => g.Count());
        var finished = states.GetValueOrDefault(RhiState.CompletedInTime) + states.GetValueOrDefault(RhiState.CompletedLate) + states.GetValueOrDefault(RhiState.Declined);
        Assert.True(states[RhiState.CompletedInTime] > finished / 2, "most are completed within 72 hours");
        Assert.True(states[RhiState.CompletedLate] > 0 && states[RhiState.Declined] > 0);
        Assert.True(states[RhiState.Due] > 0 && states[RhiState.DueSoon] > 0 && states[RhiState.Overdue] > 0, "the work list has something in each state");
        Assert.True(states[RhiState.NotStarted] >= 2, "a couple of young people are missing now");
        Assert.All(data.Episodes.Where(e => e.IsOpen), e => Assert.True(e.LastSeenAt >= Now.AddDays(-4), "open episodes began in the last few days"));
        // The reminders the job sends are in the inbox already.
        Assert.Contains(data.Notifications, n => n.Kind == "rhi-due-soon" && n.UserId == data.Staff.Practitioners[0].UserId);
        Assert.Contains(data.Notifications, n => n.Kind == "rhi-overdue" && n.UserId == data.Staff.TeamManager.UserId);
    }

    [Fact]
    public void A_handful_are_on_the_index_by_a_practitioner_aged_11_to_18_and_one_has_left()
    {
        var data = Generate(2017, 300);
        Assert.InRange(data.IndexEntries.Count, 3, DemoMissing.IndexCount);
        Assert.Single(data.IndexEntries, e => e.EndDate is not null);
        Assert.Equal(data.IndexEntries.Count, data.IndexEntries.Select(e => e.PersonId).Distinct().Count());
    }

    [Fact]
    public void A_small_demo_still_has_frequent_individuals_and_open_episodes()
    {
        var data = Generate(2017, 60);
        Check(data);
        Assert.Contains(data.Episodes.GroupBy(e => e.PersonId), g => g.Count() >= 8);
        Assert.Contains(data.Episodes, e => e.IsOpen);
        Assert.NotEmpty(data.IndexEntries);
    }

    [Theory]
    [InlineData(2021, 3, 28)]  // the clocks go forward
    [InlineData(2030, 10, 27)] // and back
    [InlineData(2026, 1, 2)]
    public void The_data_is_consistent_on_any_seeding_date(int year, int month, int day) =>
        Check(Generate(99, 200, new DateTime(year, month, day, 7, 0, 0, DateTimeKind.Utc)));

    /// <summary>The Core's rules, held by every row the demo makes.</summary>
    internal static void Check(DemoMissingData data)
    {
        var now = data.Now;
        var today = data.Today;
        var people = data.People.ToDictionary(p => p.Id);
        var practitioners = data.Staff.Practitioners.ToDictionary(p => p.UserId);
        var reference = new Regex(@"^CAD \d{4}/\d{2}(JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC)$");
        Assert.NotEmpty(data.Episodes);

        foreach (var e in data.Episodes)
        {
            var person = people[e.PersonId];
            Assert.True(e.LastSeenAt <= now, "last seen in the past");
            Assert.InRange(person.AgeOn(London.DateOf(e.LastSeenAt)), 10, 17);
            Assert.True(e.LastSeenAt >= now.AddDays(-366), "within the past year");
            Assert.Empty(new EpisodeInput(e.Category, e.From, e.Placement, e.LastSeenAt, e.ReportedToPoliceAt, e.PoliceReference, e.PoliceRiskGrading,
                e.ReturnedAt, e.WhereFound, e.Circumstances, e.WithWhom, e.ResponsibleUserId).Validate(now).All);
            if (e.ReturnedAt is { } back)
            {
                Assert.True(back >= e.LastSeenAt, "returned after last seen");
                Assert.True(back <= now);
                Assert.InRange(back - e.LastSeenAt, TimeSpan.FromHours(1), TimeSpan.FromDays(8));
                Assert.NotNull(e.WhereFound);
            }
            else
            {
                Assert.Null(e.Interview);
                Assert.Null(e.WhereFound);
            }
            Assert.Equal(e.From == MissingFrom.Care, e.Placement is not null);
            if (e.Category == MissingCategory.AwayWithoutAuthorisation) Assert.Equal(MissingFrom.Care, e.From);
            if (e.Category == MissingCategory.Missing) Assert.NotNull(e.ReportedToPoliceAt);
            Assert.Equal(e.ReportedToPoliceAt is not null, e.PoliceReference is not null);
            Assert.Equal(e.ReportedToPoliceAt is not null, e.PoliceRiskGrading is not null);
            if (e.ReportedToPoliceAt is { } reported)
            {
                Assert.InRange(reported, e.LastSeenAt, e.ReturnedAt ?? now);
                Assert.Matches(reference, e.PoliceReference!);
                var day = London.DateOf(reported);
                Assert.EndsWith($"/{day.Day:00}{day.ToString("MMM", System.Globalization.CultureInfo.InvariantCulture).ToUpperInvariant()}", e.PoliceReference);
            }
            Assert.True(e.RecordedAt >= e.LastSeenAt && e.RecordedAt <= now && e.UpdatedAt >= e.RecordedAt && e.UpdatedAt <= now);
            Assert.Empty(LanguageGuidance.Check([("circumstances", e.Circumstances), ("where", e.WhereFound), ("with", e.WithWhom)]));

            // Recorded and followed up by practitioners of agencies involved with the young person since before it happened.
            foreach (var userId in new[] { e.RecordedByUserId, e.ResponsibleUserId!.Value })
            {
                var involvement = Assert.Single(person.Agencies, a => a.AgencyId == practitioners[userId].AgencyId);
                Assert.True(involvement.EndDate is null && involvement.StartDate <= London.DateOf(e.LastSeenAt), "the agency was involved before it recorded");
            }
            Assert.NotEqual(data.PoliceAgencyId, practitioners[e.ResponsibleUserId!.Value].AgencyId);

            if (e.Interview is { } rhi)
            {
                Assert.Equal((e.Id, e.PersonId), (rhi.EpisodeId, rhi.PersonId));
                Assert.Equal(e.ResponsibleUserId, rhi.RecordedByUserId);
                Assert.Empty(new InterviewInput(rhi.OfferedAt, rhi.OfferedBy, rhi.Accepted, rhi.CompletedAt, rhi.CompletedByAgencyId, rhi.Worker,
                    rhi.YoungPersonSaid, rhi.RisksDisclosed, rhi.FollowUp).Validate(e.ReturnedAt, now).All);
                Assert.NotNull(rhi.OfferedAt);
                Assert.True(rhi.OfferedAt >= e.ReturnedAt, "offered after the return");
                if (rhi.CompletedAt is { } done)
                {
                    Assert.True(done >= rhi.OfferedAt && done <= now, "completed after the offer");
                    Assert.True(rhi.Accepted);
                    Assert.Contains(rhi.CompletedByAgencyId!.Value, data.InterviewAgencies);
                }
                if (rhi.Accepted == false) Assert.True(rhi.OfferedAt <= e.ReturnedAt + MissingRules.RhiWindow, "declined when offered in time");
                Assert.True(rhi.RecordedAt >= rhi.OfferedAt && rhi.RecordedAt <= now && rhi.UpdatedAt >= rhi.RecordedAt);
                Assert.Empty(LanguageGuidance.Check([("said", rhi.YoungPersonSaid), ("risks", rhi.RisksDisclosed), ("follow-up", rhi.FollowUp)]));
            }

            // The reminders went out exactly when the job would have sent them: it has nothing left to send now.
            var state = data.StateOf(e);
            switch (state)
            {
                case RhiState.Overdue or RhiState.CompletedLate:
                    Assert.NotNull(e.RhiDueSoonReminderAt);
                    Assert.NotNull(e.RhiOverdueReminderAt);
                    break;
                case RhiState.DueSoon:
                    Assert.NotNull(e.RhiDueSoonReminderAt);
                    Assert.Null(e.RhiOverdueReminderAt);
                    break;
                case RhiState.Due or RhiState.NotStarted:
                    Assert.Null(e.RhiDueSoonReminderAt);
                    Assert.Null(e.RhiOverdueReminderAt);
                    break;
                case RhiState.CompletedInTime:
                    Assert.Null(e.RhiOverdueReminderAt);
                    break;
            }
            Assert.True(e.RhiDueSoonReminderAt is null || e.RhiDueSoonReminderAt >= e.ReturnedAt + MissingRules.RhiWindow - TimeSpan.FromHours(data.Settings.DueSoonHours));
            Assert.True(e.RhiOverdueReminderAt is null || e.RhiOverdueReminderAt >= e.ReturnedAt + MissingRules.RhiWindow);
        }

        // A young person's episodes follow one another: never two at once, and only the latest may be open.
        foreach (var history in data.Episodes.GroupBy(e => e.PersonId))
        {
            var ordered = history.OrderBy(e => e.LastSeenAt).ToList();
            for (var i = 1; i < ordered.Count; i++)
                Assert.True(ordered[i - 1].ReturnedAt is { } back && back < ordered[i].LastSeenAt, "back before the next episode");
        }

        foreach (var entry in data.IndexEntries)
        {
            var person = people[entry.PersonId];
            Assert.InRange(person.AgeOn(entry.StartDate), 11, 18);
            Assert.True(entry.StartDate <= today);
            Assert.False(string.IsNullOrWhiteSpace(entry.Reason));
            if (entry.EndDate is { } end)
            {
                Assert.InRange(end, entry.StartDate, today);
                Assert.False(string.IsNullOrWhiteSpace(entry.EndReason));
                Assert.NotNull(entry.EndedByUserId);
            }
            Assert.True(Assert.Single(person.Agencies, a => a.AgencyId == practitioners[entry.AddedByUserId].AgencyId).StartDate <= entry.StartDate);
            Assert.Empty(LanguageGuidance.Check([("reason", entry.Reason), ("end", entry.EndReason)]));
        }

        foreach (var notification in data.Notifications)
        {
            var person = people[notification.PersonId!.Value];
            Assert.Contains(person.Reference, notification.Title);
            Assert.DoesNotContain(person.LastName, notification.Title + notification.Body);
            Assert.Equal($"/people/{person.Id}/missing", notification.Link);
            Assert.Equal(EmailState.NotSent, notification.EmailState);
            Assert.True(notification.CreatedAt <= now && (notification.ReadAt ?? notification.CreatedAt) <= now);
            Assert.Contains(notification.Kind, new[] { "rhi-due-soon", "rhi-overdue" });
        }
    }
}

/// <summary>The demo's missing histories as `serve` writes them, read back from each database; the reminder job finds nothing left to send.</summary>
public abstract class DemoMissingSeedTests(DatabaseProvider provider)
{
    private CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Seeding_writes_episodes_and_index_entries_that_read_back_consistent()
    {
        await using var demo = await SeededDemo.CreateAsync(provider, DemoMissingTests.Now, 100, Ct);
        var db = demo.Db;
        var staff = await demo.StaffAsync(Ct);
        var agencies = await db.Agencies.AsNoTracking().ToListAsync(Ct);
        var data = new DemoMissingData(
            await db.People.AsNoTracking().Include(p => p.Agencies).ToListAsync(Ct),
            await db.MissingEpisodes.AsNoTracking().Include(e => e.Interview).ToListAsync(Ct),
            await db.IndexEntries.AsNoTracking().ToListAsync(Ct),
            await db.Notifications.AsNoTracking().Where(n => n.Kind.StartsWith("rhi-")).ToListAsync(Ct),
            staff, agencies.Single(a => a.Kind == AgencyKind.Police).Id,
            agencies.Where(a => a.Kind is AgencyKind.Voluntary or AgencyKind.ChildrensSocialCare).Select(a => a.Id).ToList(), DemoMissingTests.Now);

        DemoMissingTests.Check(data);
        Assert.Contains(data.Episodes.GroupBy(e => e.PersonId), g => g.Count() >= 8);
        Assert.Contains(data.Episodes, e => e.Interview is { CompletedAt: not null });
        Assert.NotEmpty(data.IndexEntries);

        // The reminders are already in the inbox: a pass of the job at the seeding time sends nothing more.
        var sent = await demo.Services.GetRequiredService<RhiReminders>().RunOnceAsync(Ct);
        Assert.Equal(0, sent);

        // The young person's chronology tells the story.
        var frequent = data.Episodes.GroupBy(e => e.PersonId).MaxBy(g => g.Count())!;
        var names = await db.Users.AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.DisplayName, Ct);
        var entries = MissingChronology.Entries(frequent, data.IndexEntries.Where(i => i.PersonId == frequent.Key), names).ToList();
        Assert.True(entries.Count(e => e.Kind == ChronologyKind.Missing) >= frequent.Count());
        Assert.Contains(entries, e => e.Kind == ChronologyKind.Interview);
    }
}

public sealed class DemoMissingSeedTests_Sqlite() : DemoMissingSeedTests(DatabaseProvider.Sqlite);

public sealed class DemoMissingSeedTests_Postgres() : DemoMissingSeedTests(DatabaseProvider.Postgres);
