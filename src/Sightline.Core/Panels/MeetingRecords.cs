using Microsoft.EntityFrameworkCore;
using Sightline.Core.Access;
using Sightline.Core.Assessments;
using Sightline.Core.Audit;
using Sightline.Core.Data;

namespace Sightline.Core.Panels;

/// <summary>An agenda item with the young person's reference and name (people items only).</summary>
public sealed record AgendaLine(AgendaItem Item, string? PersonReference, string? PersonName);

/// <summary>A meeting as its page shows it, to the panel's chair and members.</summary>
public sealed record MeetingView(Meeting Meeting, Panel Panel, IReadOnlyList<AgendaLine> Agenda, IReadOnlyList<PanelAction> Actions, bool IsChair);

public sealed record ItemOutcomeInput(string? Minutes, RiskLevel? Level, PanelDecision? Decision);

/// <summary>
/// Meetings of a panel: the chair creates one (its agenda built by <see cref="AgendaBuilder"/>),
/// reorders, adds and removes items, and issues it; then attendance and each item's discussion,
/// level and decision are recorded. Only the panel's chair and named members see a meeting; a
/// draft agenda is the chair's alone.
/// </summary>
public sealed class MeetingRecords(SightlineDb db, NeedToKnow needToKnow, PanelRecords panels, IAgendaSubjects subjects, TimeProvider clock)
{
    private const int MaxMinutes = 20000;
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public async Task<Outcome<Meeting>> CreateAsync(CurrentUser user, Guid panelId, DateOnly? date, CancellationToken cancellationToken = default)
    {
        var panel = await panels.FindAsync(panelId, cancellationToken);
        if (panel is null || !panel.IsMember(user.UserId)) return Outcome<Meeting>.Missing();
        if (panel.ChairUserId != user.UserId) return Outcome<Meeting>.Refused("Only the panel's chair arranges its meetings.");
        if (!panel.IsActive) return Outcome<Meeting>.Refused("This panel is no longer active.");
        if (date is not { } on) return Outcome<Meeting>.Invalid(new ValidationErrors().Add("date", "Enter the date of the meeting"));
        var meeting = new Meeting { PanelId = panel.Id, Date = on, CreatedByUserId = user.UserId, CreatedAt = Now };
        var proposed = AgendaBuilder.Build(await InputsAsync(panel, on, cancellationToken));
        meeting.Items.AddRange(proposed.Select(p => new AgendaItem
        {
            MeetingId = meeting.Id, Kind = p.Kind, PersonId = p.PersonId, SubjectId = p.SubjectId, ReferralId = p.ReferralId, RiskLevel = p.Level, Order = p.Order,
        }));
        meeting.Attendance.AddRange(panel.Agencies.Select(a => new MeetingAttendance { MeetingId = meeting.Id, AgencyId = a.AgencyId, Status = AttendanceStatus.Absent }));
        db.Meetings.Add(meeting);
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<Meeting>.Ok(meeting);
    }

    /// <summary>Gathers what <see cref="AgendaBuilder"/> needs from the panel's records.</summary>
    private async Task<AgendaInputs> InputsAsync(Panel panel, DateOnly date, CancellationToken cancellationToken)
    {
        var referrals = await panels.ReferralsOf(panel).AsNoTracking().Where(r => r.Status == ReferralStatus.Open || r.Status == ReferralStatus.Accepted)
            .Select(r => new { r.Id, r.PersonId, r.RiskLevel, r.CreatedAt, r.Status, r.DecidedAt }).ToListAsync(cancellationToken);
        var discussed = await (from i in db.AgendaItems.AsNoTracking()
                               join m in db.Meetings on i.MeetingId equals m.Id
                               where m.PanelId == panel.Id && m.Status == MeetingStatus.Held && i.PersonId != null && i.RemovedAt == null
                               select new { PersonId = i.PersonId!.Value, m.Date, i.RiskLevel, i.Decision, i.ReferralId }).ToListAsync(cancellationToken);
        var lastByPerson = discussed.GroupBy(d => d.PersonId).ToDictionary(g => g.Key, g => g.OrderByDescending(d => d.Date).First());
        var discussedReferrals = discussed.Where(d => d.ReferralId != null).Select(d => d.ReferralId!.Value).ToHashSet();

        // New: open referrals, and accepted ones not yet discussed at a meeting held since.
        var fresh = referrals.Where(r => !discussedReferrals.Contains(r.Id))
            .Select(r => new ReferralIn(r.Id, r.PersonId, r.RiskLevel, r.CreatedAt)).ToList();
        // Held: every young person whose referral the panel accepted, until it closes them or steps them down.
        var held = referrals.Where(r => r.Status == ReferralStatus.Accepted).GroupBy(r => r.PersonId)
            .Select(g =>
            {
                lastByPerson.TryGetValue(g.Key, out var last);
                return new { PersonId = g.Key, Level = last?.RiskLevel ?? g.Max(r => r.RiskLevel) ?? RiskLevel.High, Last = last };
            })
            .Where(h => h.Last?.Decision is not (PanelDecision.Close or PanelDecision.StepDown))
            .Select(h => new HeldPerson(h.PersonId, h.Level, h.Last?.Date)).ToList();
        var heldIds = held.Select(h => h.PersonId).ToList();
        var reviews = await db.SeamAssessments.AsNoTracking()
            .Where(s => heldIds.Contains(s.PersonId) && s.Status == SeamStatus.Approved && s.ReviewDueOn != null)
            .Select(s => new ReviewDue(s.PersonId, s.ReviewDueOn!.Value)).ToListAsync(cancellationToken);
        var previous = await db.Meetings.Where(m => m.PanelId == panel.Id && m.Date < date).MaxAsync(m => (DateOnly?)m.Date, cancellationToken);
        var (concerns, places) = await subjects.TrackedByAsync(panel.Id, cancellationToken);
        return new AgendaInputs(date, AgendaBuilder.CycleStart(panel.Schedule, date, previous), fresh, held, reviews, concerns, places);
    }

    /// <summary>The meeting with its agenda and actions; null for anyone not on the panel, and a draft for anyone but the chair. Each young person on it is audited as viewed.</summary>
    public async Task<MeetingView?> ViewAsync(CurrentUser user, Guid meetingId, CancellationToken cancellationToken = default)
    {
        var meeting = await db.Meetings.AsNoTracking().Include(m => m.Attendance).ThenInclude(a => a.Agency).Include(m => m.Notes)
            .AsSplitQuery().FirstOrDefaultAsync(m => m.Id == meetingId, cancellationToken);
        if (meeting is null) return null;
        var panel = await panels.FindAsync(meeting.PanelId, cancellationToken);
        if (panel is null || !panel.IsMember(user.UserId)) return null;
        var isChair = panel.ChairUserId == user.UserId;
        if (meeting.Status == MeetingStatus.Draft && !isChair) return null;
        var rows = await (from i in db.AgendaItems.AsNoTracking()
                          where i.MeetingId == meetingId
                          join p in db.People on i.PersonId equals p.Id into people
                          from p in people.DefaultIfEmpty()
                          orderby i.RemovedAt != null, i.Order
                          select new { i, Reference = p == null ? null : p.Reference, Name = p == null ? null : p.FirstName + " " + p.LastName })
            .ToListAsync(cancellationToken);
        var actions = await db.PanelActions.AsNoTracking().Include(a => a.OwnerUser).Include(a => a.OwnerAgency)
            .Where(a => a.MeetingId == meetingId).OrderBy(a => a.DueOn).ThenBy(a => a.CreatedAt).ToListAsync(cancellationToken);
        db.Audit!.Record(AuditAction.View, "meeting", meetingId.ToString(), null, new { items = rows.Count });
        foreach (var row in rows.Where(r => r.i.PersonId is not null))
            db.Audit.Record(AuditAction.View, "agenda-item", row.i.Id.ToString(), row.i.PersonId, new { meeting = meetingId });
        await db.SaveChangesAsync(cancellationToken);
        meeting.Panel = panel;
        return new MeetingView(meeting, panel, rows.Select(r => new AgendaLine(r.i, r.Reference, r.Name)).ToList(), actions, isChair);
    }

    public async Task<List<Meeting>> ForPanelAsync(CurrentUser user, Panel panel, CancellationToken cancellationToken = default)
    {
        if (!panel.IsMember(user.UserId)) return [];
        var isChair = panel.ChairUserId == user.UserId;
        return await db.Meetings.AsNoTracking().Where(m => m.PanelId == panel.Id && (isChair || m.Status != MeetingStatus.Draft))
            .OrderByDescending(m => m.Date).Take(200).ToListAsync(cancellationToken);
    }

    // ---- The chair's agenda, before it is issued ----

    private async Task<Outcome<Meeting>> DraftForChairAsync(CurrentUser user, Guid meetingId, CancellationToken cancellationToken)
    {
        var meeting = await db.Meetings.Include(m => m.Panel).ThenInclude(p => p!.Members).Include(m => m.Items)
            .FirstOrDefaultAsync(m => m.Id == meetingId, cancellationToken);
        if (meeting is null || !meeting.Panel!.IsMember(user.UserId)) return Outcome<Meeting>.Missing();
        if (meeting.Panel.ChairUserId != user.UserId) return Outcome<Meeting>.Refused("Only the panel's chair changes the agenda.");
        if (meeting.Status != MeetingStatus.Draft) return Outcome<Meeting>.Refused("The agenda has been issued and can no longer be changed.");
        return Outcome<Meeting>.Ok(meeting);
    }

    public async Task<Outcome<Meeting>> MoveItemAsync(CurrentUser user, Guid meetingId, Guid itemId, int position, CancellationToken cancellationToken = default)
    {
        var outcome = await DraftForChairAsync(user, meetingId, cancellationToken);
        if (!outcome.Succeeded) return outcome;
        var meeting = outcome.Value!;
        var onAgenda = meeting.Items.Where(i => i.IsOnAgenda).OrderBy(i => i.Order).ToList();
        var item = onAgenda.FirstOrDefault(i => i.Id == itemId);
        if (item is null) return Outcome<Meeting>.Missing();
        Renumber(AgendaBuilder.Move(onAgenda, item, position));
        await db.SaveChangesAsync(cancellationToken);
        return outcome;
    }

    public async Task<Outcome<Meeting>> RemoveItemAsync(CurrentUser user, Guid meetingId, Guid itemId, CancellationToken cancellationToken = default)
    {
        var outcome = await DraftForChairAsync(user, meetingId, cancellationToken);
        if (!outcome.Succeeded) return outcome;
        var meeting = outcome.Value!;
        var item = meeting.Items.FirstOrDefault(i => i.Id == itemId && i.IsOnAgenda);
        if (item is null) return Outcome<Meeting>.Missing();
        item.RemovedAt = Now;
        item.Version = Guid.NewGuid();
        Renumber(meeting.Items.Where(i => i.IsOnAgenda).OrderBy(i => i.Order).ToList());
        await db.SaveChangesAsync(cancellationToken);
        return outcome;
    }

    /// <summary>The chair adds a young person they may see themselves (so the agenda never opens a record its chair could not).</summary>
    public async Task<Outcome<AgendaItem>> AddPersonAsync(CurrentUser user, Guid meetingId, Guid? personId, CancellationToken cancellationToken = default)
    {
        var outcome = await DraftForChairAsync(user, meetingId, cancellationToken);
        if (!outcome.Succeeded) return outcome.As<AgendaItem>();
        var meeting = outcome.Value!;
        if (personId is not { } id || !(await needToKnow.DecideAsync(user, id, cancellationToken)).Allowed)
            return Outcome<AgendaItem>.Invalid(new ValidationErrors().Add("personId", "Enter the reference of a young person whose record you can see"));
        if (meeting.Items.Any(i => i.IsOnAgenda && i.PersonId == id))
            return Outcome<AgendaItem>.Invalid(new ValidationErrors().Add("personId", "The young person is already on the agenda"));
        var item = new AgendaItem
        {
            MeetingId = meeting.Id, Kind = AgendaKind.Held, PersonId = id, AddedByChair = true,
            Order = meeting.Items.Where(i => i.IsOnAgenda).Select(i => i.Order).DefaultIfEmpty(0).Max() + 1,
        };
        db.AgendaItems.Add(item);
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<AgendaItem>.Ok(item);
    }

    /// <summary>As <see cref="AddPersonAsync"/>, by the young person's reference (the pages' way); errors are keyed "reference".</summary>
    public async Task<Outcome<AgendaItem>> AddPersonByReferenceAsync(CurrentUser user, Guid meetingId, string? reference, CancellationToken cancellationToken = default)
    {
        var text = reference?.Trim().ToUpperInvariant();
        var id = string.IsNullOrEmpty(text) ? null : await db.People.Where(p => p.Reference == text).Select(p => (Guid?)p.Id).FirstOrDefaultAsync(cancellationToken);
        var outcome = await AddPersonAsync(user, meetingId, id, cancellationToken);
        return outcome.Errors is { } errors ? Outcome<AgendaItem>.Invalid(new ValidationErrors().Add("reference", errors.All[0].Value)) : outcome;
    }

    private static void Renumber(IReadOnlyList<AgendaItem> ordered)
    {
        for (var i = 0; i < ordered.Count; i++)
        {
            if (ordered[i].Order == i + 1) continue;
            ordered[i].Order = i + 1;
            ordered[i].Version = Guid.NewGuid();
        }
    }

    /// <summary>
    /// Issues the agenda: from now the panel's members may see the young people on it. An earlier
    /// open item of this panel about the same young person closes, since this one carries on from it.
    /// </summary>
    public async Task<Outcome<Meeting>> IssueAsync(CurrentUser user, Guid meetingId, CancellationToken cancellationToken = default)
    {
        var outcome = await DraftForChairAsync(user, meetingId, cancellationToken);
        if (!outcome.Succeeded) return outcome;
        var meeting = outcome.Value!;
        var now = Now;
        meeting.Status = MeetingStatus.AgendaIssued;
        meeting.AgendaIssuedAt = now;
        meeting.Version = Guid.NewGuid();
        var people = meeting.Items.Where(i => i.IsOnAgenda && i.PersonId != null).Select(i => i.PersonId!.Value).ToList();
        var earlier = await (from i in db.AgendaItems
                             join m in db.Meetings on i.MeetingId equals m.Id
                             where m.PanelId == meeting.PanelId && m.Id != meeting.Id && i.PersonId != null && people.Contains(i.PersonId.Value)
                                 && i.IssuedAt != null && i.ClosedAt == null
                             select i).ToListAsync(cancellationToken);
        foreach (var item in earlier) Close(item, now);
        foreach (var item in meeting.Items.Where(i => i.IsOnAgenda))
        {
            item.IssuedAt = now;
            item.Version = Guid.NewGuid();
        }
        await db.SaveChangesAsync(cancellationToken);
        return outcome;
    }

    private static void Close(AgendaItem item, DateTime now)
    {
        item.ClosedAt = now;
        item.Version = Guid.NewGuid();
    }

    // ---- At the meeting ----

    private async Task<Outcome<Meeting>> IssuedForMemberAsync(CurrentUser user, Guid meetingId, CancellationToken cancellationToken)
    {
        var meeting = await db.Meetings.Include(m => m.Panel).ThenInclude(p => p!.Members).Include(m => m.Items).Include(m => m.Attendance)
            .AsSplitQuery().FirstOrDefaultAsync(m => m.Id == meetingId, cancellationToken);
        if (meeting is null || !meeting.Panel!.IsMember(user.UserId)) return Outcome<Meeting>.Missing();
        if (meeting.Status == MeetingStatus.Draft)
            return meeting.Panel.ChairUserId == user.UserId ? Outcome<Meeting>.Refused("Issue the agenda before recording the meeting.") : Outcome<Meeting>.Missing();
        return Outcome<Meeting>.Ok(meeting);
    }

    /// <summary>Attendance by agency; agencies not named keep what they had. The chair records it.</summary>
    public async Task<Outcome<Meeting>> RecordAttendanceAsync(CurrentUser user, Guid meetingId, IReadOnlyDictionary<Guid, AttendanceStatus> attendance, CancellationToken cancellationToken = default)
    {
        var outcome = await IssuedForMemberAsync(user, meetingId, cancellationToken);
        if (!outcome.Succeeded) return outcome;
        var meeting = outcome.Value!;
        if (meeting.Panel!.ChairUserId != user.UserId) return Outcome<Meeting>.Refused("Only the panel's chair records attendance.");
        var known = await db.Agencies.Where(a => attendance.Keys.Contains(a.Id)).Select(a => a.Id).ToListAsync(cancellationToken);
        if (known.Count != attendance.Count) return Outcome<Meeting>.Invalid(new ValidationErrors().Add("attendance", "Select agencies from the list"));
        foreach (var (agencyId, status) in attendance)
        {
            var row = meeting.Attendance.FirstOrDefault(a => a.AgencyId == agencyId);
            if (row is null) db.MeetingAttendance.Add(new MeetingAttendance { MeetingId = meeting.Id, AgencyId = agencyId, Status = status });
            else row.Status = status;
        }
        if (meeting.Status == MeetingStatus.AgendaIssued)
        {
            meeting.Status = MeetingStatus.Held;
            meeting.HeldAt = Now;
        }
        meeting.Version = Guid.NewGuid();
        await db.SaveChangesAsync(cancellationToken);
        return outcome;
    }

    /// <summary>An item's discussion, level and decision. Closing it or stepping it down ends the panel's need-to-know of the young person through it.</summary>
    public async Task<Outcome<AgendaItem>> RecordItemAsync(CurrentUser user, Guid meetingId, Guid itemId, ItemOutcomeInput input, CancellationToken cancellationToken = default)
    {
        var outcome = await IssuedForMemberAsync(user, meetingId, cancellationToken);
        if (!outcome.Succeeded) return outcome.As<AgendaItem>();
        var meeting = outcome.Value!;
        var item = meeting.Items.FirstOrDefault(i => i.Id == itemId && i.IsOnAgenda);
        if (item is null) return Outcome<AgendaItem>.Missing();
        if (meeting.Panel!.ChairUserId != user.UserId) return Outcome<AgendaItem>.Refused("Only the panel's chair records the minutes and decisions.");
        var errors = new ValidationErrors();
        if (string.IsNullOrWhiteSpace(input.Minutes)) errors.Add("minutes", "Enter a summary of the discussion");
        else if (input.Minutes.Length > MaxMinutes) errors.Add("minutes", $"The minutes must be {MaxMinutes:N0} characters or fewer");
        if (item.PersonId is not null && input.Level is null) errors.Add("riskLevel", "Select the young person's current risk level");
        if (input.Decision is null) errors.Add("decision", "Select the panel's decision");
        if (errors.Any) return Outcome<AgendaItem>.Invalid(errors);
        item.Minutes = input.Minutes!.Trim();
        item.RiskLevel = input.Level ?? item.RiskLevel;
        item.Decision = input.Decision;
        item.ClosedAt = input.Decision is PanelDecision.Close or PanelDecision.StepDown ? item.ClosedAt ?? Now : null;
        item.Version = Guid.NewGuid();
        if (meeting.Status == MeetingStatus.AgendaIssued)
        {
            meeting.Status = MeetingStatus.Held;
            meeting.HeldAt = Now;
            meeting.Version = Guid.NewGuid();
        }
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<AgendaItem>.Ok(item);
    }

    /// <summary>Strategic MACE: a theme, service gap or recommendation, recorded by the chair.</summary>
    public async Task<Outcome<StrategicNote>> AddNoteAsync(CurrentUser user, Guid meetingId, StrategicNoteKind? kind, string? text, CancellationToken cancellationToken = default)
    {
        var outcome = await IssuedForMemberAsync(user, meetingId, cancellationToken);
        if (!outcome.Succeeded) return outcome.As<StrategicNote>();
        if (outcome.Value!.Panel!.ChairUserId != user.UserId) return Outcome<StrategicNote>.Refused("Only the panel's chair records the meeting's findings.");
        var errors = new ValidationErrors();
        if (kind is null) errors.Add("kind", "Select whether this is a theme, a service gap or a recommendation");
        if (string.IsNullOrWhiteSpace(text)) errors.Add("text", "Enter the finding");
        else if (text.Length > 4000) errors.Add("text", "The finding must be 4,000 characters or fewer");
        if (errors.Any) return Outcome<StrategicNote>.Invalid(errors);
        var note = new StrategicNote { MeetingId = meetingId, Kind = kind!.Value, Text = text!.Trim(), CreatedByUserId = user.UserId, CreatedAt = Now };
        db.StrategicNotes.Add(note);
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<StrategicNote>.Ok(note);
    }

    /// <summary>The findings of every meeting of the panels the user sits on, newest first.</summary>
    public async Task<List<(DateOnly Date, string PanelName, StrategicNote Note)>> NotesOverTimeAsync(CurrentUser user, CancellationToken cancellationToken = default)
    {
        var rows = await (from n in db.StrategicNotes.AsNoTracking()
                          join m in db.Meetings on n.MeetingId equals m.Id
                          join p in db.Panels on m.PanelId equals p.Id
                          where p.ChairUserId == user.UserId || p.Members.Any(x => x.UserId == user.UserId)
                          orderby m.Date descending, n.Kind, n.CreatedAt
                          select new { m.Date, p.Name, n }).Take(1000).ToListAsync(cancellationToken);
        return rows.Select(r => (r.Date, r.Name, r.n)).ToList();
    }
}
