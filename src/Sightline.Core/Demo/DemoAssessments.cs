using Sightline.Core.Actions;
using Sightline.Core.Assessments;
using Sightline.Core.Notifications;
using Sightline.Core.Panels;
using Sightline.Core.People;

namespace Sightline.Core.Demo;

/// <summary>The demo users who write, approve and hear about assessments.</summary>
public sealed record DemoStaff(IReadOnlyList<DemoStaff.Member> Practitioners, DemoStaff.Member TeamManager, DemoStaff.Member SeniorManager)
{
    public sealed record Member(Guid UserId, Guid AgencyId, string Name);
}

/// <summary>What the demo adds for one young person besides the person: all of it belongs to them.</summary>
public sealed class DemoCase
{
    public List<SafeguardScreen> Screens { get; } = [];
    /// <summary>Oldest first.</summary>
    public List<SeamAssessment> Assessments { get; } = [];
    public List<ActionItem> Actions { get; } = [];
    public List<PanelReferral> Referrals { get; } = [];
    public List<Notification> Notifications { get; } = [];
    public bool IsEmpty => Screens.Count == 0 && Assessments.Count == 0;
}

/// <summary>
/// Synthetic SAFEGUARD screens, SEAM assessments with their reviews, action plans, MACE referrals
/// and notifications for about a third of the demo's young people, so the lists, the trend and
/// the trackers have something to show on first start. Deterministic for a seed and a date. The
/// rows obey the Core's rules as if the lifecycle had run: totals and levels from
/// <see cref="SeamAssessment.Rescore"/>, review dates from <see cref="SeamRules.ReviewDueOn"/>,
/// each approved review superseding the one before, the authors practitioners of an agency
/// involved with the young person, the approver a team manager who is not the author, an open
/// referral for a current High or Very High assessment.
/// </summary>
public sealed class DemoAssessments
{
    /// <summary>The share of young people with screens and assessments.</summary>
    public const double AssessedShare = 0.30;
    /// <summary>The share with only a screen that did not lead to a strategy meeting.</summary>
    public const double ScreenOnlyShare = 0.08;
    /// <summary>When the 2020 form came into use: no 2020 assessment is dated before it, no 2017 one after.</summary>
    public static readonly DateOnly Form2020From = new(2020, 6, 1);

    private enum Pending { None, Draft, Submitted, Returned }

    private sealed record Plan(RiskLevel Current, int Reviews, int OldForm, Pending Latest, bool Improving);

    /// <summary>The first people assessed follow this script, so even a small demo shows every level, long histories and work in progress.</summary>
    private static readonly Plan[] Script =
    [
        new(RiskLevel.VeryHigh, 3, 0, Pending.None, false),
        new(RiskLevel.Low, 3, 0, Pending.None, true),
        new(RiskLevel.High, 3, 0, Pending.Submitted, false),
        new(RiskLevel.Medium, 2, 0, Pending.None, true),
        new(RiskLevel.High, 2, 0, Pending.None, false),
        new(RiskLevel.Medium, 1, 0, Pending.Draft, false),
        new(RiskLevel.Low, 1, 0, Pending.None, false),
        new(RiskLevel.VeryHigh, 2, 0, Pending.None, true),
    ];

    private readonly Random _random;
    private readonly DemoStaff _staff;
    private readonly DateOnly _today;
    private readonly DateTime _now;
    private readonly SeamReviewSettings _reviews;
    private int _assessed;

    public DemoAssessments(int seed, DemoStaff staff, DateTime now, SeamReviewSettings? reviews = null)
    {
        _random = new Random(unchecked(seed * 7919 + 104729));
        _staff = staff;
        _now = DateTime.SpecifyKind(now, DateTimeKind.Utc);
        _today = DateOnly.FromDateTime(_now.ToLondon());
        _reviews = reviews ?? new SeamReviewSettings();
    }

    /// <summary>
    /// The screens, assessments and the rest for one young person (often nothing). Call it for each
    /// person in the order they are made. It may move the start of an involvement earlier so that
    /// the agency was involved before its practitioner screened or assessed.
    /// </summary>
    public DemoCase For(Person person)
    {
        var result = new DemoCase();
        var involved = person.Agencies.Where(a => a.EndDate is null).Select(a => a.AgencyId).ToHashSet();
        var practitioners = _staff.Practitioners.Where(p => involved.Contains(p.AgencyId)).ToList();
        var roll = _random.NextDouble();
        if (practitioners.Count == 0 || person.AgeOn(_today) < 11) return result;
        if (roll < AssessedShare) Assess(person, practitioners, involved.ToList(), result);
        else if (roll < AssessedShare + ScreenOnlyShare) ScreenOnly(person, practitioners, result);
        if (!result.IsEmpty) BackdateInvolvements(person, result);
        return result;
    }

    private void Assess(Person person, List<DemoStaff.Member> practitioners, List<Guid> involved, DemoCase result)
    {
        var age = person.AgeOn(_today);
        var plan = _assessed < Script.Length ? Script[_assessed] : RandomPlan(age);
        _assessed++;
        var weights = DomainWeights();

        // Levels in force, oldest first, ending at the current one; a pending review drifts from it.
        var approvedCount = plan.Latest == Pending.None ? plan.Reviews : plan.Reviews - 1;
        var levels = new RiskLevel[approvedCount];
        if (approvedCount > 0)
        {
            levels[^1] = plan.Current;
            for (var i = approvedCount - 2; i >= 0; i--)
            {
                var step = plan.Improving ? _random.Next(0, 2) : _random.Next(-1, 2);
                levels[i] = Clamp((int)levels[i + 1] + step);
            }
        }

        // Dates, newest first, back from today: each review started about when the last was due.
        var pendingOn = plan.Latest == Pending.None ? (DateOnly?)null : _today.AddDays(-_random.Next(0, 21));
        var decided = new DateOnly[approvedCount];
        var assessedOn = new DateOnly[approvedCount];
        for (var i = approvedCount - 1; i >= 0; i--)
        {
            var days = _reviews.DaysFor(levels[i]);
            var nextStart = i == approvedCount - 1 ? pendingOn : assessedOn[i + 1];
            decided[i] = nextStart is { } next
                ? next.AddDays(-days + _random.Next(-21, 8))
                : _today.AddDays(-_random.Next(3, days + 22));
            if (nextStart is { } limit && decided[i] >= limit) decided[i] = limit.AddDays(-1);
            assessedOn[i] = decided[i].AddDays(-_random.Next(1, 11));
        }

        // Nothing on the 2020 form before it existed, nothing before the young person was 11.
        var earliest = Max(Form2020From, person.DateOfBirth.AddYears(11));
        var keepFrom = 0;
        while (keepFrom < approvedCount && assessedOn[keepFrom] < earliest) keepFrom++;

        var author = practitioners[_random.Next(practitioners.Count)];
        var chain = new List<SeamAssessment>();

        // A few older young people were first assessed on the 2017 form.
        var oldStart = new DateOnly(2018, 2, 1).AddDays(_random.Next(0, 240));
        for (var i = 0; i < plan.OldForm; i++)
        {
            var level = Clamp((int)(keepFrom < approvedCount ? levels[keepFrom] : plan.Current) + _random.Next(-1, 2));
            var on = chain.Count == 0 ? oldStart.AddDays(i * 200) : DecidedOf(chain[^1]).AddDays(_reviews.DaysFor(chain[^1].Level) + _random.Next(-14, 15));
            if (on < person.DateOfBirth.AddYears(11) || on >= Form2020From.AddDays(-30)) continue;
            var old = NewAssessment(person, SeamForms.V2017, PickAuthor(practitioners, author), on, level, chain.LastOrDefault(), weights);
            Approve(old, on.AddDays(_random.Next(1, 8)), allowJudgement: false);
            chain.Add(old);
        }

        for (var i = keepFrom; i < approvedCount; i++)
        {
            var assessment = NewAssessment(person, SeamForms.V2020, PickAuthor(practitioners, author), assessedOn[i], levels[i], chain.LastOrDefault(), weights, judged: true);
            Approve(assessment, decided[i], allowJudgement: true);
            chain.Add(assessment);
        }

        // Each approval superseded the one before.
        for (var i = 0; i < chain.Count - 1; i++)
        {
            chain[i].Status = SeamStatus.Superseded;
            chain[i].SupersededById = chain[i + 1].Id;
            chain[i].UpdatedAt = chain[i + 1].DecidedAt!.Value;
        }

        SeamAssessment? pending = null;
        if (pendingOn is { } pendingDate && pendingDate >= person.DateOfBirth.AddYears(11))
        {
            var current = chain.LastOrDefault();
            var level = current is null ? plan.Current : Clamp((int)current.Level + _random.Next(-1, 2));
            // Work in progress is the demo practitioner's, so it shows on their own lists.
            var writer = practitioners.FirstOrDefault(p => p.UserId == _staff.Practitioners[0].UserId) ?? author;
            pending = NewAssessment(person, SeamForms.V2020, writer, pendingDate, level, current, weights);
            Progress(person, pending, writer, plan.Latest, result);
        }

        var all = pending is null ? chain : [.. chain, pending];
        if (all.Count == 0) return;
        var screen = ScreenBefore(person, all[0]);
        all[0].SafeguardScreenId = screen.Id;
        result.Screens.Add(screen);
        result.Assessments.AddRange(all);

        foreach (var assessment in chain) PlanAndRoute(person, assessment, assessment == chain[^1], involved, practitioners, result);
        if (pending?.Status == SeamStatus.Submitted) AddActions(pending, person, involved, practitioners, _random.Next(1, 3), current: true, result);
    }

    private Plan RandomPlan(int age)
    {
        var current = _random.NextDouble() switch
        {
            < 0.35 => RiskLevel.Low,
            < 0.70 => RiskLevel.Medium,
            < 0.90 => RiskLevel.High,
            _ => RiskLevel.VeryHigh,
        };
        var reviews = _random.NextDouble() switch
        {
            < 0.30 => 1,
            < 0.65 => 2,
            < 0.95 => 3,
            _ => 4,
        };
        var latest = _random.NextDouble() switch
        {
            < 0.08 => Pending.Draft,
            < 0.18 => Pending.Submitted,
            < 0.21 => Pending.Returned,
            _ => Pending.None,
        };
        var oldForm = age >= 19 && _random.NextDouble() < 0.4 ? _random.Next(1, 3) : 0;
        return new Plan(current, reviews, oldForm, latest, _random.NextDouble() < 0.4);
    }

    /// <summary>Per-person weights for the nine 2020 domains: two or three stand out, as in real cases.</summary>
    private Dictionary<string, int> DomainWeights()
    {
        var weights = SeamForms.V2020.Domains.ToDictionary(d => d.Key, _ => _random.Next(1, 4));
        foreach (var key in SeamForms.V2020.Domains.Select(d => d.Key).OrderBy(_ => _random.Next()).Take(_random.Next(2, 4)).ToList())
            weights[key] = 7;
        weights["accommodation"] = _random.Next(1, 5);
        return weights;
    }

    private static int WeightOf(Dictionary<string, int> weights, string domainKey) =>
        weights[DemoPhrases.From2017.GetValueOrDefault(domainKey, domainKey)];

    /// <summary>A new assessment whose scores add up to a total in the band of <paramref name="level"/>, drifting from <paramref name="previous"/> when it is on the same form.</summary>
    private SeamAssessment NewAssessment(Person person, SeamForm form, DemoStaff.Member author, DateOnly on, RiskLevel level,
        SeamAssessment? previous, Dictionary<string, int> weights, bool judged = false)
    {
        // Now and then a manager raised the level on professional judgement: then the scores sit one band lower.
        var raise = judged && level > RiskLevel.Low && _random.NextDouble() < 0.1;
        var scored = raise ? level - 1 : level;
        var target = Math.Min(form.MaxTotal, scored switch
        {
            RiskLevel.Low => _random.Next(6, SeamRules.MediumFrom),
            RiskLevel.Medium => _random.Next(SeamRules.MediumFrom, SeamRules.HighFrom),
            RiskLevel.High => _random.Next(SeamRules.HighFrom, SeamRules.VeryHighFrom),
            _ => _random.Next(SeamRules.VeryHighFrom, Math.Min(form.MaxTotal, 46) + 1),
        });
        var scores = form.Domains.ToDictionary(d => d.Key, _ => 0);
        if (previous is not null && previous.FormVersion == form.Version)
            foreach (var s in previous.Scores) scores[s.DomainKey] = s.Score;
        Nudge(scores, target, weights);

        var created = At(on);
        var assessment = new SeamAssessment
        {
            PersonId = person.Id, FormVersion = form.Version, AssessedOn = on, AuthorUserId = author.UserId, AgencyId = author.AgencyId,
            CreatedAt = created, UpdatedAt = created, PreviousAssessmentId = previous?.Id,
        };
        foreach (var domain in form.Domains)
        {
            var score = scores[domain.Key];
            assessment.Scores.Add(new SeamScore
            {
                AssessmentId = assessment.Id, PersonId = person.Id, DomainKey = domain.Key, Score = score, Evidence = EvidenceFor(domain.Key, score),
            });
        }
        assessment.Rescore();
        if (raise) assessment.JudgementLevel = level; // reason and manager are set on approval
        if (_random.NextDouble() < 0.85)
        {
            var own = Clamp((int)level + _random.Next(-2, 1) + (_random.NextDouble() < 0.1 ? 1 : 0));
            assessment.YoungPersonPerception = own;
            if (_random.NextDouble() < 0.75) assessment.YoungPersonView = Pick(DemoPhrases.YoungPersonViews[(int)own]);
        }
        return assessment;
    }

    /// <summary>Moves the scores one point at a time to the target total, favouring the person's prominent domains, with a little churn.</summary>
    private void Nudge(Dictionary<string, int> scores, int target, Dictionary<string, int> weights)
    {
        var keys = scores.Keys.ToList();
        for (var churn = _random.Next(0, 3); churn > 0; churn--)
        {
            var up = keys[_random.Next(keys.Count)];
            var down = keys[_random.Next(keys.Count)];
            if (up != down && scores[up] < SeamForm.MaxDomainScore && scores[down] > 0) { scores[up]++; scores[down]--; }
        }
        while (scores.Values.Sum() != target)
        {
            var raising = scores.Values.Sum() < target;
            var candidates = keys.Where(k => raising ? scores[k] < SeamForm.MaxDomainScore : scores[k] > 0).ToList();
            // Rising scores go to the prominent domains; falling ones leave the others first.
            var total = candidates.Sum(k => raising ? WeightOf(weights, k) : 8 - WeightOf(weights, k));
            var pick = _random.Next(total);
            foreach (var key in candidates)
            {
                pick -= raising ? WeightOf(weights, key) : 8 - WeightOf(weights, key);
                if (pick >= 0) continue;
                scores[key] += raising ? 1 : -1;
                break;
            }
        }
    }

    private string? EvidenceFor(string domainKey, int score)
    {
        if (score == 0) return _random.NextDouble() < 0.4 ? Pick(DemoPhrases.NoConcern) : null;
        var band = score <= 2 ? 0 : score == 3 ? 1 : 2;
        var key = DemoPhrases.From2017.GetValueOrDefault(domainKey, domainKey);
        var phrases = key == "accommodation" ? DemoPhrases.Accommodation : DemoPhrases.Evidence[key];
        return Pick(phrases[band]);
    }

    private void Approve(SeamAssessment assessment, DateOnly decidedOn, bool allowJudgement)
    {
        if (!allowJudgement) assessment.JudgementLevel = null;
        var submitted = At(Max(assessment.AssessedOn, decidedOn.AddDays(-_random.Next(0, 4))));
        var decidedAt = At(decidedOn, afternoon: true);
        if (decidedAt <= submitted) decidedAt = Later(submitted, 3);
        assessment.Status = SeamStatus.Approved;
        assessment.SubmittedAt = submitted;
        assessment.DecidedAt = decidedAt;
        assessment.DecidedByUserId = _staff.TeamManager.UserId;
        if (assessment.JudgementLevel is not null)
        {
            assessment.JudgementReason = Pick(DemoPhrases.JudgementReasons);
            assessment.JudgementByUserId = _staff.TeamManager.UserId;
        }
        assessment.Routing = SeamRules.RoutingFor(assessment.Level);
        assessment.ReviewDueOn = SeamRules.ReviewDueOn(DecidedOf(assessment), assessment.Level, _reviews);
        assessment.UpdatedAt = decidedAt;
    }

    /// <summary>A review in progress: drafted, submitted for approval, or returned with comments.</summary>
    private void Progress(Person person, SeamAssessment assessment, DemoStaff.Member author, Pending state, DemoCase result)
    {
        assessment.JudgementLevel = null;
        switch (state)
        {
            case Pending.Draft:
                assessment.UpdatedAt = Later(assessment.CreatedAt, 30);
                break;
            case Pending.Submitted:
                assessment.Status = SeamStatus.Submitted;
                assessment.SubmittedAt = assessment.UpdatedAt = Later(assessment.CreatedAt, 48);
                Notify(result, _staff.TeamManager.UserId, "seam-submitted", $"SEAM assessment for {person.Reference} is waiting for approval",
                    $"{author.Name} submitted a SEAM assessment ({assessment.CalculatedLevel.DisplayName()}, total {assessment.Total}) for {person.Reference}.",
                    assessment, assessment.SubmittedAt.Value);
                break;
            case Pending.Returned:
                assessment.Status = SeamStatus.Returned;
                assessment.SubmittedAt = Later(assessment.CreatedAt, 30);
                assessment.DecidedAt = assessment.UpdatedAt = Later(assessment.SubmittedAt.Value, 48);
                assessment.DecidedByUserId = _staff.TeamManager.UserId;
                assessment.ReturnComments = Pick(DemoPhrases.ReturnComments);
                Notify(result, assessment.AuthorUserId, "seam-returned", $"SEAM assessment for {person.Reference} returned with comments",
                    $"{_staff.TeamManager.Name} returned your SEAM assessment for {person.Reference}. Read the comments, change the assessment and submit it again.",
                    assessment, assessment.DecidedAt.Value);
                break;
        }
    }

    /// <summary>Some hours after <paramref name="from"/>, but not after now.</summary>
    private DateTime Later(DateTime from, int maxHours)
    {
        var later = from.AddHours(_random.Next(1, maxHours + 1)).AddMinutes(_random.Next(0, 60));
        return later <= _now ? later : from <= _now ? _now : from;
    }

    private void PlanAndRoute(Person person, SeamAssessment assessment, bool isCurrent, List<Guid> involved, List<DemoStaff.Member> practitioners, DemoCase result)
    {
        AddActions(assessment, person, involved, practitioners, isCurrent ? _random.Next(2, 5) : _random.Next(1, 3), isCurrent, result);
        var level = assessment.Level.DisplayName();
        var decidedAt = assessment.DecidedAt!.Value;
        if (assessment.Level >= RiskLevel.High)
        {
            var referral = new PanelReferral
            {
                PersonId = person.Id, SeamAssessmentId = assessment.Id, RiskLevel = assessment.Level, CreatedAt = decidedAt,
                CreatedByUserId = assessment.DecidedByUserId!.Value,
                Reason = $"SEAM assessment approved at {level} (total {assessment.Total} of {assessment.Form.MaxTotal}"
                    + (assessment.JudgementLevel is null ? ")." : $", raised from {assessment.CalculatedLevel.DisplayName()} on professional judgement)."),
            };
            if (!isCurrent)
            {
                // An earlier referral the panel has since taken up.
                referral.Status = ReferralStatus.Accepted;
                referral.DecidedAt = Min(decidedAt.AddDays(_random.Next(7, 22)), _now.AddDays(-1));
                referral.DecidedByUserId = _staff.SeniorManager.UserId;
                referral.DecisionReason = DemoPhrases.PanelAccepted;
            }
            result.Referrals.Add(referral);
        }
        // The senior manager heard about every Very High approval; the demo keeps the last few months of it.
        if (assessment.Level == RiskLevel.VeryHigh && decidedAt >= _now.AddDays(-60))
            Notify(result, _staff.SeniorManager.UserId, "seam-very-high", $"Very high risk: SEAM assessment approved for {person.Reference}",
                $"A SEAM assessment for {person.Reference} was approved at Very high risk by {_staff.TeamManager.Name} and referred to the exploitation panel (MACE).",
                assessment, decidedAt);
        if (isCurrent && decidedAt >= _now.AddDays(-30))
            Notify(result, assessment.AuthorUserId, "seam-approved", $"SEAM assessment for {person.Reference} approved at {level}",
                $"{_staff.TeamManager.Name} approved your SEAM assessment for {person.Reference}. {assessment.Routing!.Value.Describe()}",
                assessment, decidedAt);
    }

    private void AddActions(SeamAssessment assessment, Person person, List<Guid> involved, List<DemoStaff.Member> practitioners, int count, bool current, DemoCase result)
    {
        var from = DateOnly.FromDateTime((assessment.DecidedAt ?? assessment.SubmittedAt ?? assessment.CreatedAt).ToLondon());
        var domains = assessment.Scores.Where(s => s.Score >= 2).OrderByDescending(s => s.Score).ThenBy(_ => _random.Next()).Take(count).ToList();
        foreach (var score in domains)
        {
            var plans = DemoPhrases.Plans[DemoPhrases.From2017.GetValueOrDefault(score.DomainKey, score.DomainKey)];
            var (need, outcome, action) = plans[_random.Next(plans.Length)];
            var item = new ActionItem
            {
                PersonId = person.Id, SeamAssessmentId = assessment.Id, DomainKey = score.DomainKey, AreaOfNeed = need, DesiredOutcome = outcome, Action = action,
                DueOn = from.AddDays(_random.Next(14, 91)), CreatedByUserId = assessment.AuthorUserId, CreatedAt = assessment.DecidedAt ?? assessment.SubmittedAt ?? assessment.CreatedAt,
            };
            if (_random.NextDouble() < 0.6) item.OwnerUserId = PickAuthor(practitioners, practitioners[0]).UserId;
            else item.OwnerAgencyId = involved[_random.Next(involved.Count)];

            var roll = _random.NextDouble();
            if (!current || assessment.Status == SeamStatus.Superseded)
                Close(item, roll < 0.8 ? ActionStatus.Done : ActionStatus.Cancelled);
            else if (assessment.Status == SeamStatus.Submitted)
                item.Status = ActionStatus.NotStarted;
            else if (item.DueOn < _today)
            {
                if (roll < 0.5) Close(item, ActionStatus.Done);
                else item.Status = roll < 0.75 ? ActionStatus.InProgress : ActionStatus.NotStarted; // overdue
            }
            else item.Status = roll < 0.45 ? ActionStatus.NotStarted : roll < 0.85 ? ActionStatus.InProgress : Close(item, ActionStatus.Done);
            result.Actions.Add(item);
        }
    }

    private ActionStatus Close(ActionItem item, ActionStatus status)
    {
        item.Status = status;
        item.CompletionNote = Pick(status == ActionStatus.Done ? DemoPhrases.DoneNotes : DemoPhrases.CancelledNotes);
        var latest = Min(item.DueOn.ToDateTime(new TimeOnly(15, 0), DateTimeKind.Utc), _now);
        item.CompletedAt = latest <= item.CreatedAt ? item.CreatedAt : item.CreatedAt + (latest - item.CreatedAt) * _random.NextDouble();
        return status;
    }

    private void Notify(DemoCase result, Guid userId, string kind, string title, string body, SeamAssessment assessment, DateTime at)
    {
        result.Notifications.Add(new Notification
        {
            UserId = userId, Kind = kind, Title = title, Body = body, Link = SeamRecords.SeamLink(assessment.Id), PersonId = assessment.PersonId,
            CreatedAt = at, ReadAt = at < _now.AddDays(-21) ? at.AddHours(_random.Next(1, 48)) : null,
            // Demo notifications are history: they never go out by email.
            EmailState = EmailState.NotSent,
        });
    }

    /// <summary>The screen that led to the first assessment, its concerns where the scores are.</summary>
    private SafeguardScreen ScreenBefore(Person person, SeamAssessment first)
    {
        var author = new DemoStaff.Member(first.AuthorUserId, first.AgencyId, "");
        var on = Max(first.AssessedOn.AddDays(-_random.Next(3, 15)), person.DateOfBirth.AddYears(11));
        var byArea = new Dictionary<string, int>();
        foreach (var score in first.Scores)
        {
            var domain = DemoPhrases.From2017.GetValueOrDefault(score.DomainKey, score.DomainKey);
            if (!DemoPhrases.ScreenArea.TryGetValue(domain, out var area)) continue;
            byArea[area] = Math.Max(byArea.GetValueOrDefault(area), score.Score);
        }
        var concerns = SafeguardAreas.All.ToDictionary(a => a.Key, a => byArea.GetValueOrDefault(a.Key, _random.Next(0, 4)) is var s && (s >= 3 || (s == 2 && _random.NextDouble() < 0.4)));
        foreach (var key in byArea.OrderByDescending(p => p.Value).Select(p => p.Key).Take(2)) concerns[key] = true;
        return NewScreen(person, author, on, concerns, holdMeeting: true, Pick(DemoPhrases.MeetingReasons));
    }

    private void ScreenOnly(Person person, List<DemoStaff.Member> practitioners, DemoCase result)
    {
        var on = Max(_today.AddDays(-_random.Next(5, 400)), person.DateOfBirth.AddYears(11));
        var concerns = SafeguardAreas.All.ToDictionary(a => a.Key, _ => false);
        foreach (var area in SafeguardAreas.All.OrderBy(_ => _random.Next()).Take(_random.Next(0, 3))) concerns[area.Key] = true;
        result.Screens.Add(NewScreen(person, practitioners[_random.Next(practitioners.Count)], on, concerns, holdMeeting: false, Pick(DemoPhrases.NoMeetingReasons)));
    }

    private SafeguardScreen NewScreen(Person person, DemoStaff.Member author, DateOnly on, Dictionary<string, bool> concerns, bool holdMeeting, string reason)
    {
        var screen = new SafeguardScreen
        {
            PersonId = person.Id, ScreenedOn = on, RecordedByUserId = author.UserId, AgencyId = author.AgencyId, RecordedAt = At(on),
            HoldStrategyMeeting = holdMeeting, DecisionReason = reason,
        };
        foreach (var area in SafeguardAreas.All)
        {
            var domain = DemoPhrases.ScreenArea.FirstOrDefault(p => p.Value == area.Key).Key;
            screen.Areas.Add(new SafeguardScreenArea
            {
                ScreenId = screen.Id, PersonId = person.Id, AreaKey = area.Key, Concern = concerns[area.Key],
                Seen = concerns[area.Key] ? Pick(DemoPhrases.Evidence[domain][_random.Next(1, 3)]) : null,
            });
        }
        screen.ConcernCount = screen.Areas.Count(a => a.Concern);
        return screen;
    }

    /// <summary>Each author's agency was involved before its first screen or assessment.</summary>
    private void BackdateInvolvements(Person person, DemoCase result)
    {
        var firstByAgency = result.Screens.Select(s => (s.AgencyId, s.ScreenedOn))
            .Concat(result.Assessments.Select(a => (a.AgencyId, On: a.AssessedOn)))
            .GroupBy(x => x.AgencyId).ToDictionary(g => g.Key, g => g.Min(x => x.Item2));
        foreach (var involvement in person.Agencies)
            if (firstByAgency.TryGetValue(involvement.AgencyId, out var first) && involvement.StartDate > first)
                involvement.StartDate = first.AddDays(-_random.Next(7, 60));
    }

    private DemoStaff.Member PickAuthor(List<DemoStaff.Member> practitioners, DemoStaff.Member usual) =>
        _random.NextDouble() < 0.7 ? usual : practitioners[_random.Next(practitioners.Count)];

    private static DateOnly DecidedOf(SeamAssessment assessment) => DateOnly.FromDateTime(assessment.DecidedAt!.Value.ToLondon());

    /// <summary>A working-hours time on a date (UTC, so the London date is the same), never after now.</summary>
    private DateTime At(DateOnly date, bool afternoon = false)
    {
        var time = date.ToDateTime(new TimeOnly(afternoon ? 13 : 9, 0), DateTimeKind.Utc).AddMinutes(_random.Next(0, 240));
        return time <= _now ? time : Min(_now.AddMinutes(-_random.Next(5, 120)), time);
    }

    private T Pick<T>(T[] items) => items[_random.Next(items.Length)];

    private static RiskLevel Clamp(int level) => (RiskLevel)Math.Clamp(level, (int)RiskLevel.Low, (int)RiskLevel.VeryHigh);
    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;
    private static DateTime Min(DateTime a, DateTime b) => a < b ? a : b;
}
