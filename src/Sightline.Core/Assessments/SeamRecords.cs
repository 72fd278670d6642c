using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Sightline.Core.Access;
using Sightline.Core.Audit;
using Sightline.Core.Data;
using Sightline.Core.Notifications;
using Sightline.Core.Panels;
using Sightline.Core.People;

namespace Sightline.Core.Assessments;

/// <summary>An assessment with what a reader needs beside it: the one it reviews, and the referral it made.</summary>
public sealed record SeamView(SeamAssessment Assessment, SeamAssessment? Previous, PanelReferral? Referral, PersonSummaryLine Person);

/// <summary>Just enough of the young person to head a page about them.</summary>
public sealed record PersonSummaryLine(Guid Id, string Reference, string FullName, DateOnly DateOfBirth);

public sealed record SeamListItem(Guid Id, Guid PersonId, string PersonReference, string PersonName, string FormVersion, SeamStatus Status,
    DateOnly AssessedOn, int Total, RiskLevel CalculatedLevel, RiskLevel? JudgementLevel, string AuthorName, DateTime? SubmittedAt, DateOnly? ReviewDueOn)
{
    public RiskLevel Level => JudgementLevel ?? CalculatedLevel;
}

/// <summary>
/// The SEAM lifecycle: draft → submitted → approved by a manager (or returned), reviews that start
/// from the previous scores and supersede them, and the routing on approval (seed 001 §4). Every
/// method applies need-to-know and leaves an audit entry.
/// </summary>
public sealed class SeamRecords(SightlineDb db, NeedToKnow needToKnow, Notifier notifier, TimeProvider clock, IOptions<SeamReviewSettings> reviewSettings)
{
    private DateOnly Today => clock.LondonToday();
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>The approved assessment a new one would review, if any: its scores are the starting point.</summary>
    public Task<SeamAssessment?> CurrentApprovedAsync(Guid personId, CancellationToken cancellationToken = default) =>
        db.SeamAssessments.AsNoTracking().Include(s => s.Scores)
            .Where(s => s.PersonId == personId && s.Status == SeamStatus.Approved)
            .OrderByDescending(s => s.DecidedAt).FirstOrDefaultAsync(cancellationToken);

    public async Task<Outcome<SeamAssessment>> CreateAsync(CurrentUser user, Guid personId, SeamInput input, CancellationToken cancellationToken = default)
    {
        if (!(await needToKnow.DecideAsync(user, personId, cancellationToken)).Allowed) return Outcome<SeamAssessment>.Missing();
        var errors = input.Validate(Today);
        if (input.SafeguardScreenId is { } screenId && !await db.SafeguardScreens.AnyAsync(s => s.Id == screenId && s.PersonId == personId, cancellationToken))
            errors.Add("safeguardScreenId", "The SAFEGUARD screen is not one of this young person’s");
        if (errors.Any) return Outcome<SeamAssessment>.Invalid(errors);
        var previous = await CurrentApprovedAsync(personId, cancellationToken);
        var assessment = new SeamAssessment
        {
            PersonId = personId, FormVersion = input.Version!.Trim(), AuthorUserId = user.UserId, AgencyId = user.AgencyId,
            CreatedAt = Now, UpdatedAt = Now, PreviousAssessmentId = previous?.Id, SafeguardScreenId = input.SafeguardScreenId,
        };
        Apply(assessment, input);
        db.SeamAssessments.Add(assessment);
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<SeamAssessment>.Ok(assessment);
    }

    public async Task<Outcome<SeamAssessment>> UpdateAsync(CurrentUser user, Guid id, SeamInput input, Guid expectedVersion, CancellationToken cancellationToken = default)
    {
        var (assessment, refusal) = await LoadForChangeAsync(user, id, cancellationToken);
        if (assessment is null) return refusal!;
        if (assessment.AuthorUserId != user.UserId) return Outcome<SeamAssessment>.Refused("Only the practitioner who started this assessment can change it.");
        if (!assessment.IsEditable) return Outcome<SeamAssessment>.Refused($"This assessment is {assessment.Status.ToString().ToLowerInvariant()} and can no longer be changed.");
        var errors = (input with { Version = assessment.FormVersion }).Validate(Today);
        if (errors.Any) return Outcome<SeamAssessment>.Invalid(errors);
        if (assessment.Version != expectedVersion) return Outcome<SeamAssessment>.Stale();
        Apply(assessment, input with { Version = assessment.FormVersion });
        Touch(assessment); // a new row version, so a second save from the same read is a conflict
        return await SaveAsync(assessment, cancellationToken);
    }

    public async Task<Outcome<SeamAssessment>> SubmitAsync(CurrentUser user, Guid id, CancellationToken cancellationToken = default)
    {
        var (assessment, refusal) = await LoadForChangeAsync(user, id, cancellationToken);
        if (assessment is null) return refusal!;
        if (assessment.AuthorUserId != user.UserId && !user.IsManager)
            return Outcome<SeamAssessment>.Refused("Only the practitioner who started this assessment, or a manager, can submit it.");
        if (!assessment.IsEditable) return Outcome<SeamAssessment>.Refused($"This assessment is already {assessment.Status.ToString().ToLowerInvariant()}.");
        assessment.Status = SeamStatus.Submitted;
        assessment.SubmittedAt = Now;
        Touch(assessment);
        var managers = await db.Users
            .Where(u => u.IsActive && u.Role == Role.TeamManager && u.AgencyId == assessment.AgencyId && u.Id != user.UserId)
            .Select(u => new { u.Id, u.TeamId }).ToListAsync(cancellationToken);
        var authorTeam = await db.Users.Where(u => u.Id == assessment.AuthorUserId).Select(u => u.TeamId).FirstAsync(cancellationToken);
        var sameTeam = managers.Where(m => m.TeamId == authorTeam && authorTeam != null).Select(m => m.Id).ToList();
        var reference = await ReferenceOfAsync(assessment.PersonId, cancellationToken);
        notifier.Notify(sameTeam.Count > 0 ? sameTeam : managers.Select(m => m.Id), "seam-submitted",
            $"SEAM assessment for {reference} is waiting for approval",
            $"{user.DisplayName} submitted a SEAM assessment ({assessment.CalculatedLevel.DisplayName()}, total {assessment.Total}) for {reference}.",
            SeamLink(assessment.Id), assessment.PersonId);
        return await SaveAsync(assessment, cancellationToken);
    }

    public async Task<Outcome<SeamAssessment>> ReturnAsync(CurrentUser user, Guid id, string? comments, CancellationToken cancellationToken = default)
    {
        var (assessment, refusal) = await LoadForDecisionAsync(user, id, cancellationToken);
        if (assessment is null) return refusal!;
        var errors = new ValidationErrors();
        if (string.IsNullOrWhiteSpace(comments)) errors.Add("comments", "Enter your comments for the practitioner");
        else if (comments.Length > SeamInput.MaxText) errors.Add("comments", $"Comments must be {SeamInput.MaxText:N0} characters or fewer");
        if (errors.Any) return Outcome<SeamAssessment>.Invalid(errors);
        assessment.Status = SeamStatus.Returned;
        assessment.ReturnComments = comments!.Trim();
        assessment.DecidedAt = Now;
        assessment.DecidedByUserId = user.UserId;
        Touch(assessment);
        var reference = await ReferenceOfAsync(assessment.PersonId, cancellationToken);
        notifier.Notify([assessment.AuthorUserId], "seam-returned", $"SEAM assessment for {reference} returned with comments",
            $"{user.DisplayName} returned your SEAM assessment for {reference}. Read the comments, change the assessment and submit it again.",
            SeamLink(assessment.Id), assessment.PersonId);
        return await SaveAsync(assessment, cancellationToken);
    }

    /// <summary>
    /// Approves a submitted assessment and routes it (seed 001 §4): Low or Medium – a review
    /// strategy meeting is due; High – an open referral to MACE; Very High – the referral and a
    /// notification to every senior manager. The approval, the referral and the notifications are
    /// one transaction.
    /// </summary>
    public async Task<Outcome<SeamAssessment>> ApproveAsync(CurrentUser user, Guid id, ApprovalInput input, CancellationToken cancellationToken = default)
    {
        var (assessment, refusal) = await LoadForDecisionAsync(user, id, cancellationToken);
        if (assessment is null) return refusal!;
        var errors = SeamRules.CheckJudgement(assessment.CalculatedLevel, input.JudgementLevel, input.JudgementReason);
        if (errors.Any) return Outcome<SeamAssessment>.Invalid(errors);

        if (input.JudgementLevel is { } raised)
        {
            assessment.JudgementLevel = raised;
            assessment.JudgementReason = input.JudgementReason!.Trim();
            assessment.JudgementByUserId = user.UserId;
        }
        assessment.Status = SeamStatus.Approved;
        assessment.DecidedAt = Now;
        assessment.DecidedByUserId = user.UserId;
        assessment.ReturnComments = null;
        assessment.Routing = SeamRules.RoutingFor(assessment.Level);
        assessment.ReviewDueOn = SeamRules.ReviewDueOn(Today, assessment.Level, reviewSettings.Value);
        Touch(assessment);

        // A review supersedes what it reviews (and anything else approved before it).
        var earlier = await db.SeamAssessments
            .Where(s => s.PersonId == assessment.PersonId && s.Status == SeamStatus.Approved && s.Id != assessment.Id)
            .ToListAsync(cancellationToken);
        foreach (var old in earlier)
        {
            old.Status = SeamStatus.Superseded;
            old.SupersededById = assessment.Id;
            Touch(old);
        }

        var reference = await ReferenceOfAsync(assessment.PersonId, cancellationToken);
        var level = assessment.Level.DisplayName();
        if (assessment.Routing is SeamRouting.PanelReferral or SeamRouting.PanelReferralAndSeniorManagers)
        {
            var stillOpen = await db.PanelReferrals
                .Where(r => r.PersonId == assessment.PersonId && r.PanelType == PanelReferral.Mace && r.Status == ReferralStatus.Open && r.SeamAssessmentId != null)
                .ToListAsync(cancellationToken);
            foreach (var old in stillOpen)
            {
                old.Status = ReferralStatus.Superseded;
                old.DecidedAt = Now;
                old.DecisionReason = "Replaced by the referral from a later SEAM assessment.";
                old.Version = Guid.NewGuid();
            }
            db.PanelReferrals.Add(new PanelReferral
            {
                PersonId = assessment.PersonId, SeamAssessmentId = assessment.Id, RiskLevel = assessment.Level, CreatedAt = Now, CreatedByUserId = user.UserId,
                Reason = $"SEAM assessment approved at {level} (total {assessment.Total} of {assessment.Form.MaxTotal}"
                    + (assessment.JudgementLevel is null ? ")." : $", raised from {assessment.CalculatedLevel.DisplayName()} on professional judgement)."),
            });
        }
        if (assessment.Routing == SeamRouting.PanelReferralAndSeniorManagers)
        {
            notifier.Notify(await notifier.SeniorManagersAsync(cancellationToken), "seam-very-high",
                $"Very high risk: SEAM assessment approved for {reference}",
                $"A SEAM assessment for {reference} was approved at Very high risk by {user.DisplayName} and referred to the exploitation panel (MACE).",
                SeamLink(assessment.Id), assessment.PersonId);
        }
        notifier.Notify([assessment.AuthorUserId], "seam-approved", $"SEAM assessment for {reference} approved at {level}",
            $"{user.DisplayName} approved your SEAM assessment for {reference}. {assessment.Routing!.Value.Describe()}",
            SeamLink(assessment.Id), assessment.PersonId);
        return await SaveAsync(assessment, cancellationToken);
    }

    /// <summary>An assessment with the one it reviews and the referral it made; null when the user may not see it. Audited.</summary>
    public async Task<SeamView?> ViewAsync(CurrentUser user, Guid id, CancellationToken cancellationToken = default)
    {
        var assessment = await Query().FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (assessment is null) return null;
        if (!(await needToKnow.DecideAsync(user, assessment.PersonId, cancellationToken)).Allowed) return null;
        var previous = assessment.PreviousAssessmentId is { } previousId
            ? await db.SeamAssessments.AsNoTracking().Include(s => s.Scores).FirstOrDefaultAsync(s => s.Id == previousId, cancellationToken)
            : null;
        var referral = await db.PanelReferrals.AsNoTracking().FirstOrDefaultAsync(r => r.SeamAssessmentId == id, cancellationToken);
        var person = await db.People.AsNoTracking().Where(p => p.Id == assessment.PersonId)
            .Select(p => new PersonSummaryLine(p.Id, p.Reference, p.FirstName + " " + p.LastName, p.DateOfBirth)).FirstAsync(cancellationToken);
        await db.Audit!.RecordNowAsync(AuditAction.View, "seam-assessment", id.ToString(), assessment.PersonId, cancellationToken: cancellationToken);
        return new SeamView(assessment, previous, referral, person);
    }

    /// <summary>Every assessment of a young person, newest first, with scores: the trend reads them oldest first. Audited.</summary>
    public async Task<Outcome<IReadOnlyList<SeamAssessment>>> ForPersonAsync(CurrentUser user, Guid personId, CancellationToken cancellationToken = default)
    {
        if (!(await needToKnow.DecideAsync(user, personId, cancellationToken)).Allowed) return Outcome<IReadOnlyList<SeamAssessment>>.Missing();
        var list = await Query().Where(s => s.PersonId == personId)
            .OrderByDescending(s => s.AssessedOn).ThenByDescending(s => s.CreatedAt).ToListAsync(cancellationToken);
        await db.Audit!.RecordNowAsync(AuditAction.View, "seam-assessment", null, personId, new { list = "seam-assessments", count = list.Count }, cancellationToken);
        return Outcome<IReadOnlyList<SeamAssessment>>.Ok(list);
    }

    /// <summary>Submitted assessments a manager may approve: ones they can see and did not write.</summary>
    public Task<List<SeamListItem>> AwaitingApprovalAsync(CurrentUser user, CancellationToken cancellationToken = default) =>
        user.IsManager
            ? List(user, s => s.Status == SeamStatus.Submitted && s.AuthorUserId != user.UserId, s => s.SubmittedAt).ToListAsync(cancellationToken)
            : Task.FromResult(new List<SeamListItem>());

    /// <summary>Assessments in force whose review is due within <paramref name="withinDays"/> days or overdue, soonest first.</summary>
    public Task<List<SeamListItem>> ReviewsDueAsync(CurrentUser user, int withinDays = 14, CancellationToken cancellationToken = default)
    {
        var horizon = Today.AddDays(withinDays);
        return List(user, s => s.Status == SeamStatus.Approved && s.ReviewDueOn <= horizon, s => s.ReviewDueOn).Take(200).ToListAsync(cancellationToken);
    }

    /// <summary>The user's own drafts and returned assessments.</summary>
    public Task<List<SeamListItem>> MyOpenAsync(CurrentUser user, CancellationToken cancellationToken = default) =>
        List(user, s => s.AuthorUserId == user.UserId && (s.Status == SeamStatus.Draft || s.Status == SeamStatus.Returned || s.Status == SeamStatus.Submitted),
            s => s.AssessedOn, descending: true).ToListAsync(cancellationToken);

    /// <summary>
    /// Visible assessments as list rows, in order. The order is on the assessment, before the
    /// projection: EF cannot order by a member of a record built with its constructor.
    /// </summary>
    private IQueryable<SeamListItem> List<TKey>(CurrentUser user, System.Linq.Expressions.Expression<Func<SeamAssessment, bool>> filter,
        System.Linq.Expressions.Expression<Func<SeamAssessment, TKey>> order, bool descending = false)
    {
        var visible = needToKnow.VisiblePeople(user);
        var source = db.SeamAssessments.AsNoTracking().Where(filter).Where(s => visible.Contains(s.PersonId));
        source = descending ? source.OrderByDescending(order).ThenByDescending(s => s.CreatedAt) : source.OrderBy(order).ThenBy(s => s.CreatedAt);
        return from s in source
               join p in db.People on s.PersonId equals p.Id
               select new SeamListItem(s.Id, s.PersonId, p.Reference, p.FirstName + " " + p.LastName, s.FormVersion, s.Status, s.AssessedOn,
                   s.Total, s.CalculatedLevel, s.JudgementLevel, s.Author!.DisplayName, s.SubmittedAt, s.ReviewDueOn);
    }

    private IQueryable<SeamAssessment> Query() => db.SeamAssessments.AsNoTracking().AsSplitQuery()
        .Include(s => s.Scores).Include(s => s.Author).Include(s => s.DecidedBy).Include(s => s.Agency);

    private static void Apply(SeamAssessment assessment, SeamInput input)
    {
        var form = assessment.Form;
        foreach (var domain in form.Domains)
        {
            var entry = input.Scores[domain.Key];
            var score = assessment.Scores.FirstOrDefault(s => s.DomainKey == domain.Key);
            if (score is null)
            {
                score = new SeamScore { AssessmentId = assessment.Id, PersonId = assessment.PersonId, DomainKey = domain.Key };
                assessment.Scores.Add(score);
            }
            score.Score = entry.Score!.Value;
            score.Evidence = string.IsNullOrWhiteSpace(entry.Evidence) ? null : entry.Evidence.Trim();
        }
        assessment.YoungPersonPerception = input.YoungPersonPerception;
        assessment.YoungPersonView = string.IsNullOrWhiteSpace(input.YoungPersonView) ? null : input.YoungPersonView.Trim();
        if (input.AssessedOn is { } on) assessment.AssessedOn = on;
        else if (assessment.AssessedOn == default) assessment.AssessedOn = DateOnly.FromDateTime(assessment.CreatedAt);
        assessment.Rescore();
    }

    private void Touch(SeamAssessment assessment)
    {
        assessment.UpdatedAt = Now;
        assessment.Version = Guid.NewGuid();
    }

    private async Task<(SeamAssessment?, Outcome<SeamAssessment>?)> LoadForChangeAsync(CurrentUser user, Guid id, CancellationToken cancellationToken)
    {
        var assessment = await db.SeamAssessments.Include(s => s.Scores).FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (assessment is null || !(await needToKnow.DecideAsync(user, assessment.PersonId, cancellationToken)).Allowed)
            return (null, Outcome<SeamAssessment>.Missing());
        return (assessment, null);
    }

    /// <summary>A manager's decision: they must see the record, be a manager, not be the author, and find it submitted.</summary>
    private async Task<(SeamAssessment?, Outcome<SeamAssessment>?)> LoadForDecisionAsync(CurrentUser user, Guid id, CancellationToken cancellationToken)
    {
        var (assessment, refusal) = await LoadForChangeAsync(user, id, cancellationToken);
        if (assessment is null) return (null, refusal);
        if (DecisionRefusal(user, assessment) is { } reason) return (null, Outcome<SeamAssessment>.Refused(reason));
        return (assessment, null);
    }

    /// <summary>Why this user may not approve or return this assessment (null when they may), so pages can say so before the form is filled in.</summary>
    public static string? DecisionRefusal(CurrentUser user, SeamAssessment assessment)
    {
        if (!user.IsManager) return "Only a team manager can approve or return a SEAM assessment.";
        if (assessment.AuthorUserId == user.UserId) return "You cannot approve or return an assessment you wrote: ask another manager.";
        if (assessment.Status != SeamStatus.Submitted)
            return $"Only a submitted assessment can be approved or returned; this one is {assessment.Status.ToString().ToLowerInvariant()}.";
        return null;
    }

    private async Task<Outcome<SeamAssessment>> SaveAsync(SeamAssessment assessment, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return Outcome<SeamAssessment>.Ok(assessment);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome<SeamAssessment>.Stale();
        }
    }

    private Task<string> ReferenceOfAsync(Guid personId, CancellationToken cancellationToken) =>
        db.People.Where(p => p.Id == personId).Select(p => p.Reference).FirstAsync(cancellationToken);

    public static string SeamLink(Guid id) => $"/seam/{id}";
}
