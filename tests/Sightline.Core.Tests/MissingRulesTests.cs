using Sightline.Core.Missing;
using Sightline.Core.People;

namespace Sightline.Core.Tests;

/// <summary>The 72-hour clock, the repeat-missing rule and the board's missing figures (seed 003), as pure code.</summary>
public sealed class MissingRulesTests
{
    private static readonly MissingSettings Settings = new();
    private static readonly DateTime Returned = new(2026, 11, 2, 21, 30, 0, DateTimeKind.Utc);

    [Fact]
    public void The_clock_does_not_start_until_the_return() =>
        Assert.Equal(RhiState.NotStarted, MissingRules.RhiStateOf(null, null, null, null, Returned.AddDays(10), Settings));

    [Theory]
    [InlineData(0, RhiState.Due)]
    [InlineData(47.99, RhiState.Due)]
    [InlineData(48, RhiState.DueSoon)]      // 24 hours left: due soon
    [InlineData(72, RhiState.DueSoon)]      // the last moment is still in time
    [InlineData(72.01, RhiState.Overdue)]
    public void An_interview_not_yet_done_is_due_then_due_soon_then_overdue(double hoursSinceReturn, RhiState expected) =>
        Assert.Equal(expected, MissingRules.RhiStateOf(Returned, null, null, null, Returned.AddHours(hoursSinceReturn), Settings));

    [Fact]
    public void Completed_at_exactly_72_hours_is_in_time_and_a_second_later_is_late()
    {
        var later = Returned.AddDays(30);
        Assert.Equal(RhiState.CompletedInTime, MissingRules.RhiStateOf(Returned, Returned.AddHours(1), true, Returned.AddHours(72), later, Settings));
        Assert.Equal(RhiState.CompletedLate, MissingRules.RhiStateOf(Returned, Returned.AddHours(1), true, Returned.AddHours(72).AddSeconds(1), later, Settings));
    }

    [Fact]
    public void A_refusal_of_an_interview_offered_in_time_is_declined_not_overdue()
    {
        var later = Returned.AddDays(30);
        Assert.Equal(RhiState.Declined, MissingRules.RhiStateOf(Returned, Returned.AddHours(20), false, null, later, Settings));
        Assert.Equal(RhiState.Overdue, MissingRules.RhiStateOf(Returned, Returned.AddHours(80), false, null, later, Settings));
    }

    [Fact]
    public void The_due_soon_window_is_configurable() =>
        Assert.Equal(RhiState.Due, MissingRules.RhiStateOf(Returned, null, null, null, Returned.AddHours(60), new MissingSettings { DueSoonHours = 6 }));

    [Fact]
    public void Three_episodes_in_90_days_is_repeat_missing_and_the_window_is_exclusive_at_its_start()
    {
        var now = new DateTime(2026, 11, 22, 12, 0, 0, DateTimeKind.Utc);
        Assert.True(MissingRules.IsRepeatMissing([now.AddDays(-1), now.AddDays(-30), now.AddDays(-89)], now, Settings));
        Assert.False(MissingRules.IsRepeatMissing([now.AddDays(-1), now.AddDays(-30), now.AddDays(-90)], now, Settings));
        Assert.False(MissingRules.IsRepeatMissing([now.AddDays(-1), now.AddDays(-30)], now, Settings));
        Assert.True(MissingRules.IsRepeatMissing([now.AddDays(-1), now.AddDays(-30)], now, new MissingSettings { RepeatEpisodes = 2 }));
    }

    [Theory]
    [InlineData(0.5, "30 minutes")]
    [InlineData(1, "1 hour")]
    [InlineData(7.5, "7 hours")]
    [InlineData(24, "1 day")]
    [InlineData(53, "2 days 5 hours")]
    public void Durations_read_as_people_say_them(double hours, string expected) =>
        Assert.Equal(expected, MissingRules.DurationText(TimeSpan.FromHours(hours)));

    private static EpisodeFact Episode(Guid person, DateTime lastSeen, double? hoursAway = 6, double? rhiAfterHours = null, MissingFrom from = MissingFrom.Home, DateOnly? dob = null) =>
        new(person, dob ?? new DateOnly(2010, 5, 1), Sex.Female, "White British", from, lastSeen,
            hoursAway is { } h ? lastSeen.AddHours(h) : null,
            rhiAfterHours is { } r ? lastSeen.AddHours((hoursAway ?? 0) + r - 1) : null,
            rhiAfterHours is null ? null : true,
            rhiAfterHours is { } c ? lastSeen.AddHours((hoursAway ?? 0) + c) : null);

    [Fact]
    public void The_seeds_figures_134_young_people_900_episodes_a_quarter_of_them_5_individuals()
    {
        var start = new DateTime(2018, 4, 1, 12, 0, 0, DateTimeKind.Utc);
        var episodes = new List<EpisodeFact>();
        for (var person = 0; person < 134; person++)
        {
            var id = new Guid(person + 1, 0, 0, new byte[8]);
            var count = person < 5 ? 45 : person - 5 < 30 ? 6 : 5; // 5×45 = 225; 30×6 + 99×5 = 675
            for (var n = 0; n < count; n++) episodes.Add(Episode(id, start.AddDays(n * 7 + person % 7)));
        }
        var report = MissingSummary.Build(episodes, new DateOnly(2018, 4, 1), new DateOnly(2019, 3, 31));
        Assert.Equal(134, report.YoungPeople);
        Assert.Equal(900, report.Episodes);
        Assert.Equal(225, report.Top5Episodes);
        Assert.Equal(0.25, report.Top5Share, 10);
    }

    [Fact]
    public void Median_longest_open_and_interviews_within_72_hours()
    {
        var a = Guid.NewGuid();
        var b = Guid.NewGuid();
        var day = new DateTime(2026, 6, 10, 18, 0, 0, DateTimeKind.Utc);
        var report = MissingSummary.Build(
        [
            Episode(a, day, hoursAway: 2, rhiAfterHours: 10),          // in time
            Episode(a, day.AddDays(3), hoursAway: 10, rhiAfterHours: 80), // late
            Episode(b, day.AddDays(5), hoursAway: 30, from: MissingFrom.Care),
            Episode(b, day.AddDays(40), hoursAway: null),              // still missing
            Episode(b, day.AddDays(400)),                              // outside the period
        ], new DateOnly(2026, 6, 1), new DateOnly(2026, 7, 31), topN: 1);
        Assert.Equal((2, 4, 1), (report.YoungPeople, report.Episodes, report.OpenEpisodes));
        Assert.Equal(10, report.MedianDurationHours);
        Assert.Equal(30, report.LongestDurationHours);
        Assert.Equal((2, 2, 2, 1), (report.RhiOffered, report.RhiAccepted, report.RhiCompleted, report.RhiCompletedWithin72Hours));
        Assert.Equal((1, 2, 0.5), (report.TopN, report.TopNEpisodes, report.TopNShare));
        Assert.Equal(["2026-06", "2026-07"], report.ByMonth.Select(m => m.Key));
        Assert.Equal([3, 1], report.ByMonth.Select(m => m.Episodes));
        Assert.Equal([("Home", 3), ("Care", 1)], report.ByFrom.Select(g => (g.Key, g.Episodes)));
        Assert.Equal("16 to 17", Assert.Single(report.ByAgeBand).Key);
    }

    [Fact]
    public void Episodes_count_by_their_London_date()
    {
        // 23:30 UTC on 31 May 2026 is 00:30 on 1 June in London (BST).
        var lateNight = new DateTime(2026, 5, 31, 23, 30, 0, DateTimeKind.Utc);
        var report = MissingSummary.Build([Episode(Guid.NewGuid(), lateNight)], new DateOnly(2026, 6, 1), new DateOnly(2026, 6, 30));
        Assert.Equal(1, report.Episodes);
    }

    [Fact]
    public void Frequent_places_ignore_case_and_spacing()
    {
        var places = MissingPatterns.Frequent(["Burnt Oak station", "burnt  oak Station", "Hotel, Edgware Road", null, " "]);
        Assert.Equal(("Burnt Oak station", 2), places[0]);
        Assert.Equal(2, places.Count);
    }
}
