using Sightline.Core.Assessments;
using Sightline.Core.Panels;

namespace Sightline.Core.Tests;

/// <summary>How a meeting's agenda is built (issue 7): the groups, their order, and who is left off.</summary>
public sealed class AgendaBuilderTests
{
    private static readonly DateOnly Meeting = new(2026, 11, 18);
    private static readonly DateOnly MonthStart = new(2026, 11, 1);
    private static readonly Guid Amy = Guid.Parse("00000000-0000-0000-0000-0000000000a1");
    private static readonly Guid Ben = Guid.Parse("00000000-0000-0000-0000-0000000000b2");
    private static readonly Guid Cal = Guid.Parse("00000000-0000-0000-0000-0000000000c3");
    private static readonly Guid Dee = Guid.Parse("00000000-0000-0000-0000-0000000000d4");

    private static AgendaInputs Inputs(
        IReadOnlyList<ReferralIn>? referrals = null, IReadOnlyList<HeldPerson>? held = null, IReadOnlyList<ReviewDue>? reviews = null,
        IReadOnlyList<Guid>? concerns = null, IReadOnlyList<Guid>? places = null) =>
        new(Meeting, MonthStart, referrals ?? [], held ?? [], reviews ?? [], concerns ?? [], places ?? []);

    [Fact]
    public void New_referrals_come_first_the_riskiest_then_the_longest_waiting()
    {
        var agenda = AgendaBuilder.Build(Inputs(referrals:
        [
            new(Guid.NewGuid(), Amy, RiskLevel.High, new DateTime(2026, 11, 1, 9, 0, 0, DateTimeKind.Utc)),
            new(Guid.NewGuid(), Ben, RiskLevel.VeryHigh, new DateTime(2026, 11, 10, 9, 0, 0, DateTimeKind.Utc)),
            new(Guid.NewGuid(), Cal, RiskLevel.High, new DateTime(2026, 10, 20, 9, 0, 0, DateTimeKind.Utc)),
        ]));
        Assert.Equal([Ben, Cal, Amy], agenda.Select(i => i.PersonId!.Value));
        Assert.All(agenda, i => Assert.Equal(AgendaKind.NewReferral, i.Kind));
        Assert.Equal([1, 2, 3], agenda.Select(i => i.Order));
    }

    [Fact]
    public void Held_young_people_already_discussed_this_cycle_are_left_off_and_low_levels_are_not_added()
    {
        var agenda = AgendaBuilder.Build(Inputs(held:
        [
            new(Amy, RiskLevel.High, new DateOnly(2026, 10, 14)),     // last month: due again
            new(Ben, RiskLevel.VeryHigh, new DateOnly(2026, 11, 4)),  // earlier this month: already discussed
            new(Cal, RiskLevel.Medium, null),                         // held but below High: not automatic
            new(Dee, RiskLevel.VeryHigh, null),                       // never discussed: first
        ]));
        Assert.Equal([Dee, Amy], agenda.Select(i => i.PersonId!.Value));
        Assert.All(agenda, i => Assert.Equal(AgendaKind.Held, i.Kind));
    }

    [Fact]
    public void A_review_due_by_the_meeting_comes_after_referrals_and_the_person_appears_once()
    {
        var agenda = AgendaBuilder.Build(Inputs(
            referrals: [new(Guid.NewGuid(), Amy, RiskLevel.High, DateTime.UtcNow)],
            held: [new(Amy, RiskLevel.High, null), new(Ben, RiskLevel.Medium, new DateOnly(2026, 11, 2)), new(Cal, RiskLevel.High, null)],
            reviews: [new(Amy, Meeting), new(Ben, Meeting.AddDays(-3)), new(Cal, Meeting.AddDays(1))]));
        Assert.Equal(
            [(AgendaKind.NewReferral, Amy), (AgendaKind.ReviewDue, Ben), (AgendaKind.Held, Cal)],
            agenda.Select(i => (i.Kind, i.PersonId!.Value)));
        Assert.Equal(RiskLevel.Medium, agenda[1].Level);
    }

    [Fact]
    public void A_review_of_someone_the_panel_does_not_hold_is_not_its_business()
    {
        var agenda = AgendaBuilder.Build(Inputs(reviews: [new(Amy, Meeting)]));
        Assert.Empty(agenda);
    }

    [Fact]
    public void Persons_of_concern_and_places_follow_the_young_people()
    {
        var exploiter = Guid.NewGuid();
        var park = Guid.NewGuid();
        var agenda = AgendaBuilder.Build(Inputs(held: [new(Amy, RiskLevel.High, null)], concerns: [exploiter, exploiter], places: [park]));
        Assert.Equal([AgendaKind.Held, AgendaKind.PersonOfConcern, AgendaKind.Place], agenda.Select(i => i.Kind));
        Assert.Equal(exploiter, agenda[1].SubjectId);
        Assert.Null(agenda[1].PersonId);
        Assert.Equal(park, agenda[2].SubjectId);
        Assert.Equal(3, agenda[2].Order);
    }

    [Theory]
    [InlineData(PanelSchedule.Monthly, "2026-11-18", null, "2026-11-01")]
    [InlineData(PanelSchedule.Weekly, "2026-11-18", null, "2026-11-16")]   // a Wednesday: the Monday before
    [InlineData(PanelSchedule.Weekly, "2026-11-16", null, "2026-11-16")]
    [InlineData(PanelSchedule.Fortnightly, "2026-11-18", null, "2026-11-05")]
    [InlineData(PanelSchedule.AdHoc, "2026-11-18", "2026-11-02", "2026-11-03")]
    public void The_cycle_follows_the_schedule(PanelSchedule schedule, string meeting, string? previous, string expected) =>
        Assert.Equal(DateOnly.Parse(expected), AgendaBuilder.CycleStart(schedule, DateOnly.Parse(meeting), previous is null ? null : DateOnly.Parse(previous)));

    [Fact]
    public void An_ad_hoc_panel_that_never_met_has_a_cycle_from_the_beginning() =>
        Assert.Equal(DateOnly.MinValue, AgendaBuilder.CycleStart(PanelSchedule.AdHoc, Meeting, null));

    [Fact]
    public void The_chair_moves_an_item_and_the_rest_keep_their_order()
    {
        Assert.Equal(["c", "a", "b", "d"], AgendaBuilder.Move(["a", "b", "c", "d"], "c", 1));
        Assert.Equal(["b", "c", "d", "a"], AgendaBuilder.Move(["a", "b", "c", "d"], "a", 99));
        Assert.Equal(["a", "b", "c", "d"], AgendaBuilder.Move(["a", "b", "c", "d"], "b", 2));
    }
}

/// <summary>Chairs' completion rates: of the actions due by today (cancelled aside), the share done, and done on time.</summary>
public sealed class CompletionRateTests
{
    private static readonly DateOnly Today = new(2026, 11, 22);

    private static PanelAction Action(string group, Sightline.Core.Actions.ActionStatus status, DateOnly due, DateOnly? completed = null) => new()
    {
        Title = group, Status = status, DueOn = due, CompletedAt = completed is { } c ? London.StartOf(c).AddHours(12) : null,
    };

    [Fact]
    public void Rates_count_due_actions_done_on_time_and_overdue_per_group()
    {
        PanelAction[] actions =
        [
            Action("MACE", Sightline.Core.Actions.ActionStatus.Done, Today.AddDays(-10), Today.AddDays(-12)),   // on time
            Action("MACE", Sightline.Core.Actions.ActionStatus.Done, Today.AddDays(-10), Today.AddDays(-2)),    // late
            Action("MACE", Sightline.Core.Actions.ActionStatus.NotStarted, Today.AddDays(-1)),                   // overdue
            Action("MACE", Sightline.Core.Actions.ActionStatus.Cancelled, Today.AddDays(-5)),                    // left out
            Action("MACE", Sightline.Core.Actions.ActionStatus.InProgress, Today.AddDays(5)),                    // not yet due
            Action("MACE", Sightline.Core.Actions.ActionStatus.Done, Today.AddDays(5), Today),                   // done early: counts
            Action("SIRM", Sightline.Core.Actions.ActionStatus.NotStarted, Today.AddDays(3)),
        ];
        var rates = CompletionRate.Of(actions, a => a.Title, a => a, Today);
        var mace = rates.Single(r => r.Group == "MACE");
        Assert.Equal((4, 3, 2, 1), (mace.Due, mace.Done, mace.DoneOnTime, mace.Overdue));
        Assert.Equal(0.75, mace.Rate);
        Assert.Null(rates.Single(r => r.Group == "SIRM").Rate);
    }
}
