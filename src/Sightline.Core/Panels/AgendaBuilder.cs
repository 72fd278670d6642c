using Sightline.Core.Assessments;

namespace Sightline.Core.Panels;

/// <summary>A referral waiting for, or just accepted by, the panel.</summary>
public sealed record ReferralIn(Guid ReferralId, Guid PersonId, RiskLevel? Level, DateTime ReferredAt);

/// <summary>A young person the panel holds, at their current level, and when the panel last discussed them (null: never).</summary>
public sealed record HeldPerson(Guid PersonId, RiskLevel Level, DateOnly? LastDiscussedOn);

/// <summary>A held young person whose SEAM review falls due.</summary>
public sealed record ReviewDue(Guid PersonId, DateOnly DueOn);

/// <summary>
/// Everything a meeting's agenda is built from, as plain values: the panel's referrals, the young
/// people it holds, their reviews, and the persons of concern and places it tracks (ids only, so
/// the network's records plug in without this code knowing them).
/// </summary>
public sealed record AgendaInputs(
    DateOnly MeetingDate,
    DateOnly CycleStart,
    IReadOnlyList<ReferralIn> Referrals,
    IReadOnlyList<HeldPerson> Held,
    IReadOnlyList<ReviewDue> ReviewsDue,
    IReadOnlyList<Guid> PersonsOfConcern,
    IReadOnlyList<Guid> Places);

public sealed record ProposedItem(AgendaKind Kind, Guid? PersonId, Guid? SubjectId, Guid? ReferralId, RiskLevel? Level, int Order);

/// <summary>
/// Builds a meeting's agenda (issue 7; seed 002 §4.5): new referrals first, then young people due
/// review, then every High or Very High young person the panel holds who has not been discussed
/// this cycle, then the persons of concern and places it tracks. Within each group the riskiest and
/// longest-waiting come first. A young person appears once, under the first group that takes them.
/// </summary>
public static class AgendaBuilder
{
    public static IReadOnlyList<ProposedItem> Build(AgendaInputs inputs)
    {
        var items = new List<ProposedItem>();
        var seen = new HashSet<Guid>();
        void AddPerson(AgendaKind kind, Guid personId, Guid? referralId, RiskLevel? level)
        {
            if (seen.Add(personId)) items.Add(new ProposedItem(kind, personId, null, referralId, level, items.Count + 1));
        }

        var levels = inputs.Held.ToDictionary(h => h.PersonId, h => h.Level);
        foreach (var referral in inputs.Referrals.OrderByDescending(r => r.Level ?? RiskLevel.Low).ThenBy(r => r.ReferredAt).ThenBy(r => r.ReferralId))
            AddPerson(AgendaKind.NewReferral, referral.PersonId, referral.ReferralId, referral.Level);

        foreach (var review in inputs.ReviewsDue.Where(r => r.DueOn <= inputs.MeetingDate && levels.ContainsKey(r.PersonId))
                     .OrderBy(r => r.DueOn).ThenBy(r => r.PersonId))
            AddPerson(AgendaKind.ReviewDue, review.PersonId, null, levels[review.PersonId]);

        foreach (var held in inputs.Held.Where(h => h.Level >= RiskLevel.High && !DiscussedThisCycle(h, inputs.CycleStart))
                     .OrderByDescending(h => h.Level).ThenBy(h => h.LastDiscussedOn ?? DateOnly.MinValue).ThenBy(h => h.PersonId))
            AddPerson(AgendaKind.Held, held.PersonId, null, held.Level);

        foreach (var id in inputs.PersonsOfConcern.Distinct()) items.Add(new ProposedItem(AgendaKind.PersonOfConcern, null, id, null, null, items.Count + 1));
        foreach (var id in inputs.Places.Distinct()) items.Add(new ProposedItem(AgendaKind.Place, null, id, null, null, items.Count + 1));
        return items;
    }

    public static bool DiscussedThisCycle(HeldPerson held, DateOnly cycleStart) => held.LastDiscussedOn is { } on && on >= cycleStart;

    /// <summary>
    /// The first day of the cycle a meeting falls in: the calendar month for a monthly panel, the
    /// week (from Monday) for a weekly one, the last 14 days for a fortnightly one, and for an
    /// ad hoc panel the day after its previous meeting (everything, when there was none).
    /// </summary>
    public static DateOnly CycleStart(PanelSchedule schedule, DateOnly meetingDate, DateOnly? previousMeeting) => schedule switch
    {
        PanelSchedule.Monthly => new DateOnly(meetingDate.Year, meetingDate.Month, 1),
        PanelSchedule.Weekly => meetingDate.AddDays(-(((int)meetingDate.DayOfWeek + 6) % 7)),
        PanelSchedule.Fortnightly => meetingDate.AddDays(-13),
        _ => previousMeeting is { } previous && previous < meetingDate ? previous.AddDays(1) : DateOnly.MinValue,
    };

    /// <summary>Moves one item to a 1-based position and renumbers the rest, keeping their order.</summary>
    public static IReadOnlyList<T> Move<T>(IReadOnlyList<T> ordered, T item, int position)
    {
        var list = ordered.Where(i => !EqualityComparer<T>.Default.Equals(i, item)).ToList();
        list.Insert(Math.Clamp(position - 1, 0, list.Count), item);
        return list;
    }
}
