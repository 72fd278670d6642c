using System.Globalization;
using Sightline.Core.Missing;
using Sightline.Core.Notifications;
using Sightline.Core.People;
using Sightline.Core.VulnerableAdolescents;

namespace Sightline.Core.Demo;

/// <summary>What the demo adds for one young person's missing history: all of it belongs to them.</summary>
public sealed class DemoMissingCase
{
    /// <summary>Oldest first; each with its return home interview, if any, as <see cref="MissingEpisode.Interview"/>.</summary>
    public List<MissingEpisode> Episodes { get; } = [];
    public List<IndexEntry> IndexEntries { get; } = [];
    /// <summary>The reminders the job would have sent (<see cref="RhiReminders"/>), kept for the last few weeks.</summary>
    public List<Notification> Notifications { get; } = [];
    public bool IsEmpty => Episodes.Count == 0 && IndexEntries.Count == 0;
}

/// <summary>
/// Synthetic missing episodes for about a fifth of the demo's young people, with their return home
/// interviews, and a handful of manual entries on the Vulnerable Adolescents Index. A few young
/// people go missing often (8–15 times in the year), so the board's "top five" share means
/// something, and come back to the same few places; most go missing once to three times.
/// Deterministic for a seed and a date. The rows obey the Core's rules as if recorded through
/// <see cref="MissingRecords"/>: returns after the last sighting, interviews after the return, a
/// decline only after an offer, the reminders <see cref="RhiReminders"/> would have sent already
/// marked as sent, episodes recorded by practitioners of agencies involved at the time, and index
/// entries only for ages 11 to 18 on their start date.
/// </summary>
public sealed class DemoMissing
{
    /// <summary>The chance that an 11–18-year-old goes missing in the demo (looked-after children: <see cref="LookedAfterShare"/>).</summary>
    public const double MissingShare = 0.21;
    public const double LookedAfterShare = 0.5;
    /// <summary>How many young people go missing often.</summary>
    public const int FrequentCount = 5;
    /// <summary>How many manual index entries the demo makes (one of them ended).</summary>
    public const int IndexCount = 6;

    /// <summary>Where the young person's latest episode stands: the work list needs some of each.</summary>
    private enum Latest { Older, Open, Due, DueSoon, Overdue }

    private static readonly Latest[] FrequentScript = [Latest.Open, Latest.DueSoon, Latest.Overdue, Latest.Older, Latest.Due];
    private static readonly Latest[] RegularScript = [Latest.Due, Latest.Older, Latest.Open, Latest.DueSoon, Latest.Older, Latest.Overdue, Latest.Older];

    private readonly Random _random;
    private readonly DemoStaff _staff;
    private readonly IReadOnlyList<Guid> _interviewAgencies;
    private readonly Guid? _policeAgencyId;
    private readonly DateTime _now;
    private readonly DateOnly _today;
    private readonly MissingSettings _settings;
    private int _frequent;
    private int _regular;
    private int _indexed;

    /// <param name="interviewAgencies">Agencies that carry out return home interviews (the independent service first).</param>
    /// <param name="policeAgencyId">The police, who record many episodes where they are involved.</param>
    public DemoMissing(int seed, DemoStaff staff, DateTime now, IReadOnlyList<Guid> interviewAgencies, Guid? policeAgencyId = null, MissingSettings? settings = null)
    {
        if (interviewAgencies.Count == 0) throw new ArgumentException("At least one agency must carry out return home interviews.", nameof(interviewAgencies));
        _random = new Random(unchecked(seed * 31337 + 7919));
        _staff = staff;
        _interviewAgencies = interviewAgencies;
        _policeAgencyId = policeAgencyId;
        _now = DateTime.SpecifyKind(now, DateTimeKind.Utc);
        _today = London.DateOf(_now);
        _settings = settings ?? new MissingSettings();
    }

    /// <summary>
    /// The episodes and index entries for one young person (often nothing). Call it for each person
    /// in the order they are made, after their agencies are set. It may move the start of an
    /// involvement earlier so that the agency was involved before it recorded anything.
    /// </summary>
    public DemoMissingCase For(Person person)
    {
        var result = new DemoMissingCase();
        var age = person.AgeOn(_today);
        var involved = person.Agencies.Where(a => a.EndDate is null).Select(a => a.AgencyId).ToHashSet();
        var workers = _staff.Practitioners.Where(p => involved.Contains(p.AgencyId)).ToList();
        var roll = _random.NextDouble();
        if (age is < 11 or > 18 || workers.Count == 0) return result;
        var lookedAfter = person.LegalStatus == LegalStatus.LookedAfterCareOrder;
        if (roll >= (lookedAfter ? LookedAfterShare : MissingShare)) return result;

        // The year before today, while they were 10 to 17.
        var windowStart = Max(_now.AddDays(-365), London.StartOf(person.DateOfBirth.AddYears(10)));
        var windowEnd = Min(_now, London.StartOf(person.DateOfBirth.AddYears(18)));
        if (windowEnd - windowStart < TimeSpan.FromDays(30)) return result;
        var underEighteen = windowEnd == _now;

        int count;
        Latest latest;
        var frequent = _frequent < FrequentCount && age is >= 12 and <= 17;
        if (frequent)
        {
            count = _random.Next(8, 16);
            latest = FrequentScript[_frequent++];
        }
        else
        {
            count = _random.NextDouble() switch { < 0.55 => 1, < 0.80 => 2, < 0.95 => 3, _ => _random.Next(4, 7) };
            latest = _regular < RegularScript.Length ? RegularScript[_regular++] : _random.NextDouble() switch
            {
                < 0.03 => Latest.Open,
                < 0.09 => Latest.Due,
                < 0.15 => Latest.DueSoon,
                < 0.21 => Latest.Overdue,
                _ => Latest.Older,
            };
        }
        if (!underEighteen) latest = Latest.Older;

        // Who records and who does the follow-up: the police when they are involved; the demo practitioner most often.
        var police = workers.FirstOrDefault(w => w.AgencyId == _policeAgencyId);
        var others = workers.Where(w => w.AgencyId != _policeAgencyId).ToList();
        if (others.Count == 0) others = workers;
        var usual = others.FirstOrDefault(w => w.UserId == _staff.Practitioners[0].UserId) ?? others[0];
        var favourites = Places.OrderBy(_ => _random.Next()).Take(count >= 8 ? 3 : 2).ToArray();
        var associates = Associates.OrderBy(_ => _random.Next()).Take(2).ToArray();
        var placement = lookedAfter ? Pick(Placements) : null;

        // Newest first: the latest as planned, then back through the year with gaps between.
        var episodes = new List<MissingEpisode>();
        var first = NewLatest(person, latest, windowStart, windowEnd, recent: frequent);
        if (first is null) return result;
        episodes.Add(first);
        var cursor = first.LastSeenAt;
        var meanGap = Math.Max(6, 280 / count);
        for (var i = 1; i < count; i++)
        {
            var returned = cursor.AddDays(-_random.Next(3, meanGap * 2)).AddHours(-_random.Next(0, 24));
            var lastSeen = Evening(returned - Duration());
            if (lastSeen < windowStart) break;
            episodes.Add(new MissingEpisode { PersonId = person.Id, LastSeenAt = lastSeen, ReturnedAt = returned });
            cursor = lastSeen;
        }
        episodes.Reverse();

        foreach (var episode in episodes)
        {
            var worker = _random.NextDouble() < 0.75 ? usual : others[_random.Next(others.Count)];
            var recorder = police is not null && _random.NextDouble() < 0.5 ? police : worker;
            Describe(episode, placement, favourites, associates);
            episode.ResponsibleUserId = worker.UserId;
            episode.RecordedByUserId = recorder.UserId;
            episode.RecordedAt = NotAfterNow((episode.ReportedToPoliceAt ?? episode.LastSeenAt).AddMinutes(_random.Next(20, 240)));
            episode.UpdatedAt = episode.ReturnedAt is { } back ? Max(episode.RecordedAt, NotAfterNow(back.AddMinutes(_random.Next(10, 180)))) : episode.RecordedAt;
            Interview(episode, worker, episode == episodes[^1] ? latest : Latest.Older);
            Reminders(person, episode, worker, result);
            result.Episodes.Add(episode);
        }

        Index(person, result, usual, latest);
        BackdateInvolvements(person, result);
        return result;
    }

    /// <summary>The latest episode, placed where its plan needs it; null when the young person's window cannot hold it.</summary>
    /// <param name="recent">A frequent individual's latest episode is recent, so the year holds the rest.</param>
    private MissingEpisode? NewLatest(Person person, Latest latest, DateTime windowStart, DateTime windowEnd, bool recent)
    {
        var episode = new MissingEpisode { PersonId = person.Id };
        switch (latest)
        {
            case Latest.Open:
                episode.LastSeenAt = Minute(_now.AddHours(-_random.Next(8, 60)).AddMinutes(-_random.Next(0, 60)));
                break;
            case Latest.Due or Latest.DueSoon or Latest.Overdue:
                // Due soon: fewer than DueSoonHours of the 72 left; overdue: past them, within the last fortnight.
                var dueSoonFrom = 72 - _settings.DueSoonHours;
                var hoursAgo = latest switch
                {
                    Latest.Due => _random.Next(6, Math.Max(7, dueSoonFrom - 6)),
                    Latest.DueSoon => _random.Next(dueSoonFrom + 2, 70),
                    _ => _random.Next(76, 14 * 24),
                };
                episode.ReturnedAt = Minute(_now.AddHours(-hoursAgo).AddMinutes(-_random.Next(0, 50)));
                episode.LastSeenAt = Evening(episode.ReturnedAt.Value - Duration());
                break;
            default:
                var latestReturn = Min(windowEnd, _now.AddDays(-15));
                if (latestReturn - windowStart < TimeSpan.FromDays(10)) return null;
                var span = (latestReturn - windowStart).TotalHours;
                // Most recent episodes cluster in the last few months, as a pattern builds.
                episode.ReturnedAt = Minute(latestReturn.AddHours(-span * Math.Pow(_random.NextDouble(), 1.6) * (recent ? 0.1 : 0.9)));
                episode.LastSeenAt = Evening(episode.ReturnedAt.Value - Duration());
                if (episode.LastSeenAt < windowStart) episode.LastSeenAt = windowStart.AddHours(_random.Next(1, 12));
                break;
        }
        if (episode.ReturnedAt is { } returned && returned <= episode.LastSeenAt) episode.ReturnedAt = episode.LastSeenAt.AddHours(_random.Next(2, 10));
        return episode;
    }

    /// <summary>How long an episode lasts: mostly hours, sometimes a day or two, now and then several.</summary>
    private TimeSpan Duration() => _random.NextDouble() switch
    {
        < 0.40 => TimeSpan.FromHours(_random.Next(2, 12)),
        < 0.75 => TimeSpan.FromHours(_random.Next(12, 36)),
        < 0.95 => TimeSpan.FromHours(_random.Next(36, 96)),
        _ => TimeSpan.FromHours(_random.Next(96, 168)),
    } + TimeSpan.FromMinutes(_random.Next(0, 60));

    /// <summary>
    /// Young people are most often last seen in the afternoon or evening: moves a time earlier to
    /// an evening (that day's, or the day before's), to the whole minute. Never later, so an episode
    /// only grows and never reaches into the one before (which is placed after this one is).
    /// </summary>
    private DateTime Evening(DateTime at)
    {
        var date = London.DateOf(at);
        var evening = London.StartOf(date).AddHours(_random.Next(15, 23)).AddMinutes(_random.Next(0, 60));
        if (evening > at) evening = evening.AddDays(-1);
        return evening <= at ? evening : Minute(at);
    }

    private static DateTime Minute(DateTime at) => new(at.Ticks - at.Ticks % TimeSpan.TicksPerMinute, DateTimeKind.Utc);

    private void Describe(MissingEpisode episode, string? placement, string[] favourites, string[] associates)
    {
        var fromCare = placement is not null && _random.NextDouble() < 0.9;
        episode.From = fromCare ? MissingFrom.Care : MissingFrom.Home;
        episode.Placement = fromCare ? placement : null;
        var category = _random.NextDouble();
        episode.Category = fromCare
            ? category switch { < 0.60 => MissingCategory.Missing, < 0.75 => MissingCategory.Absent, _ => MissingCategory.AwayWithoutAuthorisation }
            : category < 0.82 ? MissingCategory.Missing : MissingCategory.Absent;
        var reported = episode.Category switch
        {
            MissingCategory.Missing => true,
            MissingCategory.AwayWithoutAuthorisation => _random.NextDouble() < 0.8,
            _ => _random.NextDouble() < 0.6,
        };
        if (reported)
        {
            var at = episode.LastSeenAt.AddHours(_random.Next(1, 7)).AddMinutes(_random.Next(0, 60));
            if (episode.ReturnedAt is { } back && at > back) at = episode.LastSeenAt + (back - episode.LastSeenAt) / 2;
            at = NotAfterNow(at);
            if (at < episode.LastSeenAt) at = episode.LastSeenAt;
            episode.ReportedToPoliceAt = at;
            var day = London.DateOf(at);
            episode.PoliceReference = $"CAD {_random.Next(1000, 10000)}/{day.Day:00}{day.ToString("MMM", CultureInfo.InvariantCulture).ToUpperInvariant()}";
            episode.PoliceRiskGrading = episode.Category switch
            {
                MissingCategory.Missing => _random.NextDouble() switch { < 0.15 => PoliceRiskGrading.High, < 0.60 => PoliceRiskGrading.Medium, < 0.95 => PoliceRiskGrading.Low, _ => PoliceRiskGrading.NoApparentRisk },
                MissingCategory.AwayWithoutAuthorisation => _random.NextDouble() < 0.6 ? PoliceRiskGrading.Low : PoliceRiskGrading.Medium,
                _ => _random.NextDouble() < 0.7 ? PoliceRiskGrading.NoApparentRisk : PoliceRiskGrading.Low,
            };
        }
        episode.Circumstances = Pick(episode.Category switch
        {
            MissingCategory.Missing => MissingCircumstances,
            MissingCategory.Absent => AbsentCircumstances,
            _ => AwayCircumstances,
        });
        if (episode.ReturnedAt is not null)
        {
            episode.WhereFound = _random.NextDouble() < 0.7 ? Pick(favourites) : Pick(Places);
            var with = _random.NextDouble();
            episode.WithWhom = with < 0.5 ? Pick(associates) : with < 0.85 ? Pick(Associates) : null;
        }
    }

    /// <summary>The return home interview: mostly offered and done within 72 hours; some late, some declined; recent returns outstanding.</summary>
    private void Interview(MissingEpisode episode, DemoStaff.Member worker, Latest plan)
    {
        if (episode.ReturnedAt is not { } back) return;
        var due = back + MissingRules.RhiWindow;
        ReturnHomeInterview New() => new() { EpisodeId = episode.Id, PersonId = episode.PersonId, RecordedByUserId = worker.UserId };
        ReturnHomeInterview Offered(DateTime latest)
        {
            var interview = New();
            var offered = back.AddHours(_random.Next(2, 25)).AddMinutes(_random.Next(0, 60));
            interview.OfferedAt = Minute(NotAfterNow(offered > latest ? back + (latest - back) / 2 : offered));
            interview.OfferedBy = Pick(OfferedBy);
            return interview;
        }

        if (plan != Latest.Older)
        {
            // Outstanding, for the work list: sometimes offered already, not yet answered.
            if (_random.NextDouble() < 0.4)
            {
                var interview = Offered(Min(_now, due));
                interview.RecordedAt = interview.UpdatedAt = NotAfterNow(interview.OfferedAt!.Value.AddMinutes(_random.Next(10, 120)));
                episode.Interview = interview;
            }
            return;
        }

        var roll = _random.NextDouble();
        // A few recent returns (in the last three weeks) are still outstanding; older ones all have an outcome.
        if (roll >= 0.95 && back >= _now.AddDays(-21)) return;
        var rhi = Offered(due);
        if (roll < 0.12)
        {
            rhi.Accepted = false;
            rhi.RecordedAt = rhi.UpdatedAt = NotAfterNow(rhi.OfferedAt!.Value.AddHours(_random.Next(1, 12)));
            rhi.FollowUp = Pick(DeclinedFollowUp);
        }
        else
        {
            var late = roll is >= 0.12 and < 0.27 || roll >= 0.95;
            var completed = late
                ? due.AddHours(_random.Next(2, 120)).AddMinutes(_random.Next(0, 60))
                : rhi.OfferedAt!.Value + (due.AddMinutes(-30) - rhi.OfferedAt.Value) * (0.15 + 0.85 * _random.NextDouble());
            if (completed < rhi.OfferedAt!.Value) completed = rhi.OfferedAt.Value.AddMinutes(30);
            rhi.Accepted = true;
            rhi.CompletedAt = Minute(NotAfterNow(completed));
            rhi.CompletedByAgencyId = _interviewAgencies[_random.NextDouble() < 0.75 ? 0 : _random.Next(_interviewAgencies.Count)];
            rhi.Worker = Pick(InterviewWorkers);
            rhi.YoungPersonSaid = Pick(YoungPersonSaid);
            rhi.RisksDisclosed = _random.NextDouble() < 0.45 ? Pick(RisksDisclosed) : null;
            rhi.FollowUp = Pick(FollowUp);
            rhi.RecordedAt = rhi.UpdatedAt = NotAfterNow(rhi.CompletedAt.Value.AddHours(_random.Next(1, 20)));
        }
        episode.Interview = rhi;
        if (episode.UpdatedAt < rhi.UpdatedAt) episode.UpdatedAt = rhi.UpdatedAt;
    }

    /// <summary>Marks the reminders <see cref="RhiReminders"/> would have sent by now, and keeps the last few weeks of them as notifications.</summary>
    private void Reminders(Person person, MissingEpisode episode, DemoStaff.Member worker, DemoMissingCase result)
    {
        if (episode.ReturnedAt is not { } back) return;
        var rhi = episode.Interview;
        // When the interview stopped being outstanding (done, or declined), if it has.
        var settled = rhi?.CompletedAt ?? (rhi?.Accepted == false ? rhi.RecordedAt : (DateTime?)null);
        var dueSoonAt = back + MissingRules.RhiWindow - TimeSpan.FromHours(_settings.DueSoonHours);
        var overdueAt = back + MissingRules.RhiWindow;
        var recipients = new List<Guid> { worker.UserId };
        if (worker.AgencyId == _staff.TeamManager.AgencyId && worker.UserId != _staff.TeamManager.UserId) recipients.Add(_staff.TeamManager.UserId);
        var due = overdueAt.Display();
        if (dueSoonAt <= _now && (settled is null || settled > dueSoonAt))
        {
            var at = NotAfterNow(dueSoonAt.AddMinutes(_random.Next(1, 5)));
            episode.RhiDueSoonReminderAt = at;
            Notify(result, person, recipients, "rhi-due-soon", $"Return home interview due soon: {person.Reference}",
                $"The return home interview for {person.Reference} is due by {due} (72 hours after the return).", at);
        }
        if (overdueAt <= _now && (settled is null || settled > overdueAt))
        {
            var at = NotAfterNow(overdueAt.AddMinutes(_random.Next(1, 5)));
            episode.RhiOverdueReminderAt = at;
            episode.RhiDueSoonReminderAt ??= at;
            Notify(result, person, recipients, "rhi-overdue", $"Return home interview overdue: {person.Reference}",
                $"The return home interview for {person.Reference} was due by {due} (72 hours after the return) and is not recorded.", at);
        }
    }

    private void Notify(DemoMissingCase result, Person person, List<Guid> recipients, string kind, string title, string body, DateTime at)
    {
        // Older reminders are history the demo leaves out, as it does for assessments.
        if (at < _now.AddDays(-30)) return;
        foreach (var userId in recipients)
        {
            result.Notifications.Add(new Notification
            {
                UserId = userId, Kind = kind, Title = title, Body = body, Link = $"/people/{person.Id}/missing", PersonId = person.Id,
                CreatedAt = at, ReadAt = at < _now.AddDays(-7) ? NotAfterNow(at.AddHours(_random.Next(1, 48))) : null,
                // Demo notifications are history: they never go out by email.
                EmailState = EmailState.NotSent,
            });
        }
    }

    /// <summary>A handful of young people were put on the index by a practitioner, with a reason; one of them has since left it.</summary>
    private void Index(Person person, DemoMissingCase result, DemoStaff.Member by, Latest latest)
    {
        if (_indexed >= IndexCount || result.Episodes.Count == 0) return;
        var firstSeen = London.DateOf(result.Episodes[0].LastSeenAt);
        var start = firstSeen.AddDays(_random.Next(0, 30));
        if (start > _today) start = _today;
        var age = person.AgeOn(start);
        if (age < 11 || age > 18) return;
        // The fourth entry ends, for someone whose episodes have stopped.
        var ends = _indexed == 3;
        if (ends && latest != Latest.Older) return;
        var entry = new IndexEntry
        {
            PersonId = person.Id, StartDate = start, Reason = Pick(IndexReasons), AddedByUserId = by.UserId,
            AddedAt = NotAfterNow(start.ToDateTime(new TimeOnly(11, _random.Next(0, 60)), DateTimeKind.Utc)),
        };
        if (ends)
        {
            var lastSeen = London.DateOf(result.Episodes[^1].LastSeenAt);
            var end = Max(lastSeen, start).AddDays(_random.Next(30, 90));
            if (end > _today.AddDays(-7)) end = _today.AddDays(-7);
            if (end < start) return;
            entry.EndDate = end;
            entry.EndReason = Pick(IndexEndReasons);
            entry.EndedByUserId = by.UserId;
        }
        result.IndexEntries.Add(entry);
        _indexed++;
    }

    /// <summary>Each recording or responsible agency was involved before the first episode and the first index entry.</summary>
    private void BackdateInvolvements(Person person, DemoMissingCase result)
    {
        if (result.Episodes.Count == 0) return;
        var agencies = _staff.Practitioners
            .Where(p => result.Episodes.Any(e => e.RecordedByUserId == p.UserId || e.ResponsibleUserId == p.UserId) || result.IndexEntries.Any(i => i.AddedByUserId == p.UserId))
            .Select(p => p.AgencyId).ToHashSet();
        var first = London.DateOf(result.Episodes[0].LastSeenAt);
        if (result.IndexEntries.Count > 0 && result.IndexEntries.Min(e => e.StartDate) < first) first = result.IndexEntries.Min(e => e.StartDate);
        foreach (var involvement in person.Agencies)
            if (agencies.Contains(involvement.AgencyId) && involvement.StartDate > first)
                involvement.StartDate = first.AddDays(-_random.Next(7, 60));
    }

    private DateTime NotAfterNow(DateTime at) => at <= _now ? at : _now;
    private T Pick<T>(T[] items) => items[_random.Next(items.Length)];
    private static DateTime Max(DateTime a, DateTime b) => a > b ? a : b;
    private static DateTime Min(DateTime a, DateTime b) => a < b ? a : b;
    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;

    // Invented wording, in the partnership's language guidance. Places are public places or
    // unspecific addresses; no real person or home is described.
    internal static readonly string[] Placements =
    [
        "Oakwood House children's home", "Birch Lodge residential unit", "Foster placement, Hendon", "Maple Court semi-independent accommodation",
        "Cedar View children's home", "Foster placement, Edgware", "Willow Gardens supported lodgings",
    ];

    internal static readonly string[] Places =
    [
        "Brent Cross shopping centre", "Colindale station", "A friend's address in Edgware", "Burnt Oak Broadway", "Hendon Central bus station",
        "A flat in Luton", "Victoria coach station", "A park in Mill Hill", "A takeaway on the high street in Kilburn", "An address in Southend",
        "Wembley Park station", "A friend's address in Enfield", "A hotel near Heathrow", "A car park in Watford",
    ];

    internal static readonly string[] Associates =
    [
        "Older males not known to the family", "A group of peers from school", "A friend from their previous placement", "An adult male aged about 20, known to police",
        "Alone", "Two young people also reported missing that night", "An adult they met online", "Their older cousin",
    ];

    private static readonly string[] MissingCircumstances =
    [
        "Left the house after an argument and did not return by the agreed time; phone switched off.",
        "Did not come home after school; friends said they got into a car near the station.",
        "Left the placement late in the evening saying they were meeting friends; not answering calls.",
        "Went out to the shop and did not return; social media shows them in another borough.",
        "Did not return after a contact visit; carers reported it within the hour.",
    ];

    private static readonly string[] AbsentCircumstances =
    [
        "Not at home at the agreed time; parent knew they were with friends but not where.",
        "Late back from college; texted the carer to say they were on their way.",
        "Not at the expected place after a youth club session; answered a call and came home.",
    ];

    private static readonly string[] AwayCircumstances =
    [
        "Stayed at a friend's house overnight without permission; carers knew the address.",
        "Went to a family member's home without agreement from the placement.",
        "Did not return to the placement by curfew; staff knew where they were.",
    ];

    private static readonly string[] OfferedBy =
    [
        "Safe Spaces Youth Project (independent return interviews)", "Jo Marsh, independent return interview worker", "Sam Adebayo, Safe Spaces Youth Project",
        "Exploitation and missing team duty worker",
    ];

    private static readonly string[] InterviewWorkers = ["Jo Marsh", "Sam Adebayo", "Rowan Pike", "Ellis Grant", "Dana Whitlock"];

    private static readonly string[] YoungPersonSaid =
    [
        "Said they went to see friends and lost track of time; their phone had run out of charge.",
        "Said an older friend offered them a lift and somewhere to stay; did not want to say more.",
        "Said they needed space after an argument at home and stayed with a friend.",
        "Said they were asked to take a bag to another town and were given money for the train.",
        "Said they feel safer away from the placement at night; they want to talk about moving.",
        "Did not want to talk about where they had been but agreed to meet the worker again.",
    ];

    private static readonly string[] RisksDisclosed =
    [
        "Possible criminal exploitation: asked to carry items for older males.",
        "Contact with adults not known to the family, met online.",
        "Was given alcohol and cannabis at a house party.",
        "Owes money to someone and is worried about what will happen.",
        "Slept in a stranger's flat; could not say whose it was.",
    ];

    private static readonly string[] FollowUp =
    [
        "Shared with the social worker and the exploitation and missing team; strategy discussion requested.",
        "Safety plan updated with the carer; the young person has a trusted adult to call.",
        "Referral to the detached youth work team agreed with the young person.",
        "Information shared with police for the intelligence picture; no further action needed today.",
        "Young person agreed to weekly sessions with the return interview worker.",
    ];

    private static readonly string[] DeclinedFollowUp =
    [
        "Declined the interview; the social worker will talk with them at the next visit.",
        "Did not want an interview this time; offered a session with a trusted youth worker instead.",
    ];

    private static readonly string[] IndexReasons =
    [
        "Repeat missing episodes with older males; concerns about criminal exploitation.",
        "Found in another county with unexplained money and a second phone.",
        "Intelligence that the young person is being groomed online by an adult.",
        "Going missing from care to addresses linked to drug supply.",
        "Peer group linked to serious youth violence; the young person has been threatened.",
    ];

    private static readonly string[] IndexEndReasons =
    [
        "No missing episodes for three months; settled in placement and attending college.",
        "Risk reduced: the strategy meeting agreed to step down to the usual plan.",
    ];
}
