using Microsoft.EntityFrameworkCore;
using Sightline.Core.Access;
using Sightline.Core.Actions;
using Sightline.Core.Assessments;
using Sightline.Core.Data;
using Sightline.Core.Panels;

namespace Sightline.Core.Demo;

/// <summary>
/// The demo's panels: a monthly MACE, chaired by the team manager with the practitioners of social
/// care, police, the YOT and health as members, that has taken up the demo's SEAM referrals and met
/// on the second Wednesday of each of the last three months (attendance, minutes, levels,
/// decisions, actions — some overdue); and a strategic MACE with themes, gaps and recommendations.
/// Referrals made since the last meeting stay open for the next agenda. Deterministic for a seed
/// and a date; written directly, not audited, like the rest of the demo.
/// </summary>
public sealed class DemoPanels(SightlineDb db, TimeProvider clock)
{
    public const int PastMeetings = 3;

    public async Task SeedAsync(int seed, CancellationToken cancellationToken = default)
    {
        var random = new Random(unchecked(seed * 7877 + 104729));
        var now = clock.GetUtcNow().UtcDateTime;
        var today = clock.LondonToday();
        var users = await db.Users.AsNoTracking().Where(u => u.IsActive).OrderBy(u => u.Email).ToListAsync(cancellationToken);
        var agencies = await db.Agencies.AsNoTracking().OrderBy(a => a.Name).ToListAsync(cancellationToken);
        var chair = users.FirstOrDefault(u => u.Role == Role.TeamManager);
        if (chair is null || agencies.Count == 0) return;
        var members = users.Where(u => u.Role == Role.Practitioner).ToList();
        var attending = agencies.Where(a => a.Kind is AgencyKind.ChildrensSocialCare or AgencyKind.Police or AgencyKind.YouthOffending
            or AgencyKind.Health or AgencyKind.Education or AgencyKind.Voluntary).ToList();

        var mace = NewPanel(PanelTypes.Mace, "Exploitation panel (MACE)", chair.Id, members, attending, now);
        var strategic = NewPanel(PanelTypes.MaceStrategic, "Strategic MACE", users.FirstOrDefault(u => u.Role == Role.SeniorManager)?.Id ?? chair.Id,
            [chair, .. members.Where(m => agencies.Any(a => a.Id == m.AgencyId && a.Kind == AgencyKind.Police))], attending, now);
        db.Panels.AddRange(mace, strategic);

        var dates = Enumerable.Range(1, PastMeetings).Select(back => SecondWednesday(today.AddMonths(-back))).Where(d => d < today).OrderBy(d => d).ToList();
        var referrals = await db.PanelReferrals.Where(r => r.PanelType == PanelTypes.Mace && r.Status == ReferralStatus.Open)
            .OrderBy(r => r.CreatedAt).ThenBy(r => r.Id).ToListAsync(cancellationToken);
        var openItems = new Dictionary<Guid, AgendaItem>();   // person → their latest open item
        var levels = new Dictionary<Guid, RiskLevel>();
        foreach (var date in dates)
        {
            var start = London.StartOf(date);
            var meeting = new Meeting
            {
                PanelId = mace.Id, Date = date, Status = MeetingStatus.Held, CreatedByUserId = chair.Id,
                CreatedAt = start.AddDays(-10), AgendaIssuedAt = start.AddDays(-5), HeldAt = start.AddHours(10),
            };
            meeting.Attendance.AddRange(attending.Select(a => new MeetingAttendance
            {
                MeetingId = meeting.Id, AgencyId = a.Id,
                Status = random.Next(10) switch { < 7 => AttendanceStatus.Present, < 9 => AttendanceStatus.Apologies, _ => AttendanceStatus.Absent },
            }));
            var order = 0;
            // New referrals made before the agenda went out: accepted at this meeting.
            foreach (var referral in referrals.Where(r => r.Status == ReferralStatus.Open && r.CreatedAt < meeting.AgendaIssuedAt))
            {
                referral.Status = ReferralStatus.Accepted;
                referral.PanelId = mace.Id;
                referral.DecidedAt = meeting.HeldAt;
                referral.DecidedByUserId = chair.Id;
                referral.DecisionReason = "Accepted at the panel: the SEAM and the network's information meet the threshold.";
                levels[referral.PersonId] = referral.RiskLevel ?? RiskLevel.High;
                AddItem(meeting, AgendaKind.NewReferral, referral.PersonId, referral.Id, ++order);
            }
            foreach (var personId in openItems.Keys.Where(p => !meeting.Items.Any(i => i.PersonId == p)).ToList())
                AddItem(meeting, AgendaKind.Held, personId, null, ++order);
            foreach (var item in meeting.Items)
            {
                var personId = item.PersonId!.Value;
                if (openItems.TryGetValue(personId, out var earlier)) earlier.ClosedAt = meeting.AgendaIssuedAt;
                var level = levels[personId] = Drift(levels[personId], random);
                var decision = random.Next(10) switch { < 6 => PanelDecision.RemainOpen, < 8 => PanelDecision.StepDown, < 9 => PanelDecision.Escalate, _ => PanelDecision.Close };
                item.RiskLevel = level;
                item.Decision = decision;
                item.Minutes = Minutes[random.Next(Minutes.Length)];
                item.IssuedAt = meeting.AgendaIssuedAt;
                if (decision is PanelDecision.StepDown or PanelDecision.Close)
                {
                    item.ClosedAt = meeting.HeldAt;
                    openItems.Remove(personId);
                }
                else openItems[personId] = item;
                if (random.Next(3) == 0) db.PanelActions.Add(NewAction(meeting, item, random, chair.Id, members, attending, today));
            }
            db.PanelActions.Add(NewAction(meeting, null, random, chair.Id, members, attending, today));
            db.Meetings.Add(meeting);
        }
        foreach (var referral in referrals.Where(r => r.Status == ReferralStatus.Open)) referral.PanelId = mace.Id;
        // Referrals the demo's assessments show as already taken up were taken up by this panel.
        foreach (var earlier in await db.PanelReferrals.Where(r => r.PanelType == PanelTypes.Mace && r.Status == ReferralStatus.Accepted && r.PanelId == null).ToListAsync(cancellationToken))
            earlier.PanelId = mace.Id;

        foreach (var (date, index) in dates.Select((d, i) => (d, i)))
        {
            var meeting = new Meeting
            {
                PanelId = strategic.Id, Date = date.AddDays(7), Status = MeetingStatus.Held, CreatedByUserId = strategic.ChairUserId,
                CreatedAt = London.StartOf(date), AgendaIssuedAt = London.StartOf(date).AddDays(1), HeldAt = London.StartOf(date.AddDays(7)).AddHours(14),
            };
            meeting.Attendance.AddRange(attending.Select(a => new MeetingAttendance { MeetingId = meeting.Id, AgencyId = a.Id, Status = AttendanceStatus.Present }));
            var (theme, gap, recommendation) = Findings[index % Findings.Length];
            meeting.Notes.Add(new StrategicNote { MeetingId = meeting.Id, Kind = StrategicNoteKind.Theme, Text = theme, CreatedByUserId = strategic.ChairUserId, CreatedAt = meeting.HeldAt!.Value });
            meeting.Notes.Add(new StrategicNote { MeetingId = meeting.Id, Kind = StrategicNoteKind.ServiceGap, Text = gap, CreatedByUserId = strategic.ChairUserId, CreatedAt = meeting.HeldAt!.Value });
            meeting.Notes.Add(new StrategicNote { MeetingId = meeting.Id, Kind = StrategicNoteKind.Recommendation, Text = recommendation, CreatedByUserId = strategic.ChairUserId, CreatedAt = meeting.HeldAt!.Value });
            db.Meetings.Add(meeting);
        }
        await db.SaveWithoutAuditAsync(cancellationToken);
        db.ChangeTracker.Clear();
    }

    private static Panel NewPanel(string type, string name, Guid chairId, IEnumerable<SightlineUser> members, IEnumerable<Agency> agencies, DateTime now)
    {
        var panel = new Panel { Type = type, Name = name, Schedule = PanelSchedule.Monthly, ChairUserId = chairId, CreatedAt = now.AddYears(-1) };
        panel.Members.AddRange(members.Where(m => m.Id != chairId).Select(m => new PanelMember { PanelId = panel.Id, UserId = m.Id }));
        panel.Agencies.AddRange(agencies.Select(a => new PanelAgency { PanelId = panel.Id, AgencyId = a.Id }));
        return panel;
    }

    private static void AddItem(Meeting meeting, AgendaKind kind, Guid personId, Guid? referralId, int order) =>
        meeting.Items.Add(new AgendaItem { MeetingId = meeting.Id, Kind = kind, PersonId = personId, ReferralId = referralId, Order = order });

    private static RiskLevel Drift(RiskLevel level, Random random) => random.Next(6) switch
    {
        0 when level > RiskLevel.Low => level - 1,
        1 when level < RiskLevel.VeryHigh => level + 1,
        _ => level,
    };

    /// <summary>An action due a fortnight to six weeks after the meeting: older ones mostly done, some left overdue.</summary>
    private static PanelAction NewAction(Meeting meeting, AgendaItem? item, Random random, Guid createdBy, IReadOnlyList<SightlineUser> members, IReadOnlyList<Agency> agencies, DateOnly today)
    {
        var due = meeting.Date.AddDays(14 + random.Next(29));
        var byUser = members.Count > 0 && random.Next(2) == 0;
        var status = due >= today ? (random.Next(3) == 0 ? ActionStatus.InProgress : ActionStatus.NotStarted)
            : random.Next(10) switch { < 6 => ActionStatus.Done, < 7 => ActionStatus.Cancelled, < 9 => ActionStatus.NotStarted, _ => ActionStatus.InProgress };
        var completedOn = due.AddDays(random.Next(-10, 6));
        return new PanelAction
        {
            MeetingId = meeting.Id, AgendaItemId = item?.Id, PersonId = item?.PersonId,
            Title = item is null ? MeetingActions[random.Next(MeetingActions.Length)] : ItemActions[random.Next(ItemActions.Length)],
            OwnerUserId = byUser ? members[random.Next(members.Count)].Id : null,
            OwnerAgencyId = byUser ? null : agencies[random.Next(agencies.Count)].Id,
            DueOn = due, Status = status,
            CompletionNote = status switch { ActionStatus.Done => "Done and reported back to the chair.", ActionStatus.Cancelled => "No longer needed after the decision to step down.", _ => null },
            CompletedAt = status is ActionStatus.Done or ActionStatus.Cancelled ? London.StartOf(completedOn < today ? completedOn : today).AddHours(15) : null,
            // Reminders for the demo's history are taken as sent, so first start does not flood the inboxes.
            DueSoonReminderAt = due <= today.AddDays(PanelActionReminders.DaysBefore) ? meeting.HeldAt : null,
            OverdueReminderAt = due < today ? meeting.HeldAt : null,
            CreatedByUserId = createdBy, CreatedAt = meeting.HeldAt!.Value,
        };
    }

    private static DateOnly SecondWednesday(DateOnly inMonth)
    {
        var first = new DateOnly(inMonth.Year, inMonth.Month, 1);
        return first.AddDays(((int)DayOfWeek.Wednesday - (int)first.DayOfWeek + 7) % 7 + 7);
    }

    // Invented wording, in the partnership's language guidance.
    private static readonly string[] Minutes =
    [
        "Social worker reported improved school attendance this month. Police shared intelligence about an older associate; the network agreed to keep the safety plan under review.",
        "Two missing episodes since the last panel, both found in the town centre. Return home interviews completed; the young person spoke about pressure to carry items for others.",
        "YOT worker reported good engagement with the mentoring offer. Health confirmed a sexual health appointment was kept. Risk considered reduced but not yet stable.",
        "Education reported a managed move is being considered. Concerns remain about new phones and money the young person cannot explain. Disruption options discussed with police.",
        "The young person has moved placement out of borough. The receiving authority has been told; the panel agreed to seek an update before the next meeting.",
    ];

    private static readonly string[] ItemActions =
    [
        "Build a missing chronology and share it with the network",
        "Arrange a joint visit with the police exploitation officer",
        "Refer to the targeted youth service for mentoring",
        "Review the safety plan with the young person and their carer",
        "Request an education, health and care needs assessment update",
    ];

    private static readonly string[] MeetingActions =
    [
        "Map the places named in return home interviews this month",
        "Share the list of vehicles of concern with taxi licensing",
        "Ask the community safety team about a closure notice for the flat on the estate",
    ];

    private static readonly (string Theme, string Gap, string Recommendation)[] Findings =
    [
        ("Young people being found at the same fast food outlet after missing episodes.", "No out-of-hours detached youth work near the high street.", "Commission a detached youth work pilot for Friday and Saturday evenings."),
        ("Older peers recruiting through social media gaming groups.", "Schools lack guidance on online grooming for criminal exploitation.", "Brief every secondary school's safeguarding lead on online recruitment."),
        ("Rise in referrals of 13–14 year olds.", "Return home interviews for children placed out of borough are often late.", "Agree a protocol with neighbouring authorities for out-of-borough interviews."),
    ];
}
