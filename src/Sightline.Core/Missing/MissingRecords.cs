using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Sightline.Core.Access;
using Sightline.Core.Audit;
using Sightline.Core.Data;
using Sightline.Core.Notifications;

namespace Sightline.Core.Missing;

/// <summary>An episode with where its return home interview stands now.</summary>
public sealed record EpisodeView(MissingEpisode Episode, RhiState RhiState, DateTime? RhiDueAt);

/// <summary>A young person's missing history: the episodes, newest first, and the patterns in them.</summary>
public sealed record MissingHistory(IReadOnlyList<EpisodeView> Episodes, bool RepeatMissing, IReadOnlyList<(string Place, int Times)> FrequentPlaces, IReadOnlyList<(string With, int Times)> FrequentAssociates);

/// <summary>
/// Missing episodes and return home interviews. Every method applies need-to-know and is audited;
/// crossing the repeat-missing threshold prompts the responsible worker and their managers.
/// </summary>
public sealed class MissingRecords(SightlineDb db, NeedToKnow needToKnow, Notifier notifier, TimeProvider clock, IOptions<MissingSettings> settings)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;
    private MissingSettings Settings => settings.Value;

    public EpisodeView ViewOf(MissingEpisode episode) => new(episode,
        MissingRules.RhiStateOf(episode.ReturnedAt, episode.Interview?.OfferedAt, episode.Interview?.Accepted, episode.Interview?.CompletedAt, Now, Settings),
        MissingRules.RhiDueAt(episode.ReturnedAt));

    public async Task<Outcome<MissingEpisode>> RecordAsync(CurrentUser user, Guid personId, EpisodeInput input, CancellationToken cancellationToken = default)
    {
        if (!(await needToKnow.DecideAsync(user, personId, cancellationToken)).Allowed) return Outcome<MissingEpisode>.Missing();
        var errors = input.Validate(Now);
        await CheckResponsibleAsync(input, errors, cancellationToken);
        if (errors.Any) return Outcome<MissingEpisode>.Invalid(errors);
        var earlier = await db.MissingEpisodes.Where(e => e.PersonId == personId).Select(e => e.LastSeenAt).ToListAsync(cancellationToken);
        var episode = new MissingEpisode { PersonId = personId, RecordedByUserId = user.UserId, RecordedAt = Now, UpdatedAt = Now };
        Apply(episode, input);
        episode.ResponsibleUserId ??= user.UserId;
        db.MissingEpisodes.Add(episode);
        await PromptIfRepeatMissingAsync(episode, earlier, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<MissingEpisode>.Ok(episode);
    }

    /// <summary>Changes an episode — most often to record the return. <paramref name="expectedVersion"/> is optional: when given and stale, the change is refused.</summary>
    public async Task<Outcome<MissingEpisode>> UpdateAsync(CurrentUser user, Guid personId, Guid episodeId, EpisodeInput input, Guid? expectedVersion, CancellationToken cancellationToken = default)
    {
        var episode = await LoadAsync(user, personId, episodeId, cancellationToken);
        if (episode is null) return Outcome<MissingEpisode>.Missing();
        var errors = input.Validate(Now);
        await CheckResponsibleAsync(input, errors, cancellationToken);
        if (episode.Interview is { } interview && input.Returned is { } back && (interview.OfferedAt < back || interview.CompletedAt < back))
            errors.Add("returned", "The return must be before the return home interview");
        if (errors.Any) return Outcome<MissingEpisode>.Invalid(errors);
        if (expectedVersion is { } expected && expected != episode.Version) return Outcome<MissingEpisode>.Stale();
        Apply(episode, input);
        episode.UpdatedAt = Now;
        episode.Version = Guid.NewGuid();
        return await SaveAsync(episode, cancellationToken);
    }

    /// <summary>
    /// Records (or updates) the return home interview of an episode. <paramref name="expectedVersion"/> is optional:
    /// when given (<see cref="Guid.Empty"/> for "there was no interview yet") and someone has saved since, the change is refused.
    /// </summary>
    public async Task<Outcome<ReturnHomeInterview>> RecordInterviewAsync(CurrentUser user, Guid personId, Guid episodeId, InterviewInput input,
        Guid? expectedVersion = null, CancellationToken cancellationToken = default)
    {
        var episode = await LoadAsync(user, personId, episodeId, cancellationToken);
        if (episode is null) return Outcome<ReturnHomeInterview>.Missing();
        if (expectedVersion is { } expected && expected != (episode.Interview?.Version ?? Guid.Empty)) return Outcome<ReturnHomeInterview>.Stale();
        var errors = input.Validate(episode.ReturnedAt, Now);
        if (input.AgencyId is { } agencyId && !await db.Agencies.AnyAsync(a => a.Id == agencyId && a.IsActive, cancellationToken))
            errors.Add("agencyId", "Select an agency from the list");
        if (errors.Any) return Outcome<ReturnHomeInterview>.Invalid(errors);
        var interview = episode.Interview;
        if (interview is null)
        {
            interview = new ReturnHomeInterview { EpisodeId = episode.Id, PersonId = personId, RecordedByUserId = user.UserId, RecordedAt = Now };
            db.ReturnHomeInterviews.Add(interview);
        }
        interview.OfferedAt = input.Offered;
        interview.OfferedBy = Trim(input.OfferedBy);
        interview.Accepted = input.Completed is not null ? true : input.Accepted;
        interview.CompletedAt = input.Completed;
        interview.CompletedByAgencyId = input.AgencyId;
        interview.Worker = Trim(input.Worker);
        interview.YoungPersonSaid = Trim(input.YoungPersonSaid);
        interview.RisksDisclosed = Trim(input.RisksDisclosed);
        interview.FollowUp = Trim(input.FollowUp);
        interview.UpdatedAt = Now;
        interview.Version = Guid.NewGuid();
        episode.UpdatedAt = Now;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome<ReturnHomeInterview>.Stale();
        }
        return Outcome<ReturnHomeInterview>.Ok(interview);
    }

    /// <summary>The young person's missing chronology with its patterns. Audited.</summary>
    public async Task<Outcome<MissingHistory>> HistoryAsync(CurrentUser user, Guid personId, CancellationToken cancellationToken = default)
    {
        if (!(await needToKnow.DecideAsync(user, personId, cancellationToken)).Allowed) return Outcome<MissingHistory>.Missing();
        var episodes = await db.MissingEpisodes.AsNoTracking().Include(e => e.Interview).ThenInclude(i => i!.CompletedByAgency).Include(e => e.ResponsibleUser)
            .Where(e => e.PersonId == personId).OrderByDescending(e => e.LastSeenAt).ToListAsync(cancellationToken);
        await db.Audit!.RecordNowAsync(AuditAction.View, "missing-episode", null, personId, new { list = "missing-episodes", count = episodes.Count }, cancellationToken);
        return Outcome<MissingHistory>.Ok(new MissingHistory(
            episodes.Select(ViewOf).ToList(),
            MissingRules.IsRepeatMissing(episodes.Select(e => e.LastSeenAt), Now, Settings),
            MissingPatterns.Frequent(episodes.Select(e => e.WhereFound)),
            MissingPatterns.Frequent(episodes.Select(e => e.WithWhom))));
    }

    public async Task<EpisodeView?> ViewAsync(CurrentUser user, Guid personId, Guid episodeId, CancellationToken cancellationToken = default)
    {
        var episode = await LoadAsync(user, personId, episodeId, cancellationToken, tracked: false);
        if (episode is null) return null;
        await db.Audit!.RecordNowAsync(AuditAction.View, "missing-episode", episodeId.ToString(), personId, cancellationToken: cancellationToken);
        return ViewOf(episode);
    }

    /// <summary>
    /// Returned episodes whose interview is not done, that the user may see: overdue first. A refusal counts as
    /// done only when the interview was offered within the 72 hours; one offered late stays on the list as overdue.
    /// </summary>
    public async Task<List<(EpisodeView View, string Reference, string Name)>> InterviewsOutstandingAsync(CurrentUser user, CancellationToken cancellationToken = default)
    {
        var visible = needToKnow.VisiblePeople(user);
        var windowHours = MissingRules.RhiWindow.TotalHours;
        var rows = await (from e in db.MissingEpisodes.AsNoTracking().Include(e => e.Interview).Include(e => e.ResponsibleUser)
                          where e.ReturnedAt != null
                                && (e.Interview == null
                                    || (e.Interview.CompletedAt == null
                                        && (e.Interview.Accepted != false || e.Interview.OfferedAt == null || e.Interview.OfferedAt > e.ReturnedAt.Value.AddHours(windowHours))))
                                && visible.Contains(e.PersonId)
                          join p in db.People on e.PersonId equals p.Id
                          orderby e.ReturnedAt
                          select new { e, p.Reference, Name = p.FirstName + " " + p.LastName }).Take(300).ToListAsync(cancellationToken);
        return rows.Select(r => (ViewOf(r.e), r.Reference, r.Name)).ToList();
    }

    /// <summary>The board figures for a period: counts only, no names, so analysts may see them.</summary>
    public async Task<MissingSummaryReport> SummaryAsync(DateOnly from, DateOnly to, int topN = 5, CancellationToken cancellationToken = default)
    {
        var start = London.StartOf(from);
        var end = London.StartOf(to.AddDays(1));
        var facts = await (from e in db.MissingEpisodes.AsNoTracking()
                           where e.LastSeenAt >= start && e.LastSeenAt < end
                           join p in db.People on e.PersonId equals p.Id
                           select new EpisodeFact(e.PersonId, p.DateOfBirth, p.Sex, p.Ethnicity, e.From, e.LastSeenAt, e.ReturnedAt,
                               e.Interview!.OfferedAt, e.Interview.Accepted, e.Interview.CompletedAt)).ToListAsync(cancellationToken);
        return MissingSummary.Build(facts, from, to, topN);
    }

    private async Task PromptIfRepeatMissingAsync(MissingEpisode added, List<DateTime> earlier, CancellationToken cancellationToken)
    {
        var now = Now;
        var before = MissingRules.IsRepeatMissing(earlier, now, Settings);
        var after = MissingRules.IsRepeatMissing(earlier.Append(added.LastSeenAt), now, Settings);
        if (before || !after) return;
        var reference = await db.People.Where(p => p.Id == added.PersonId).Select(p => p.Reference).FirstAsync(cancellationToken);
        var worker = added.ResponsibleUserId ?? added.RecordedByUserId;
        var recipients = new List<Guid> { worker };
        recipients.AddRange(await ManagersOfAsync(worker, cancellationToken));
        notifier.Notify(recipients, "repeat-missing", $"Repeat missing: {reference}",
            $"{reference} has gone missing {Settings.RepeatEpisodes} or more times in {Settings.RepeatDays} days. Consider a strategy meeting or a review of the SEAM assessment.",
            $"/people/{added.PersonId}/missing", added.PersonId);
    }

    /// <summary>The team managers of a worker's team, or of their agency when they have no team.</summary>
    internal async Task<List<Guid>> ManagersOfAsync(Guid userId, CancellationToken cancellationToken)
    {
        var worker = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => new { u.TeamId, u.AgencyId }).FirstOrDefaultAsync(cancellationToken);
        if (worker is null) return [];
        var managers = db.Users.Where(u => u.IsActive && u.Role == Role.TeamManager && u.Id != userId);
        var sameTeam = worker.TeamId is { } teamId ? await managers.Where(u => u.TeamId == teamId).Select(u => u.Id).ToListAsync(cancellationToken) : [];
        return sameTeam.Count > 0 ? sameTeam : await managers.Where(u => u.AgencyId == worker.AgencyId).Select(u => u.Id).ToListAsync(cancellationToken);
    }

    private async Task CheckResponsibleAsync(EpisodeInput input, ValidationErrors errors, CancellationToken cancellationToken)
    {
        if (input.ResponsibleUserId is { } id && !await db.Users.AnyAsync(u => u.Id == id && u.IsActive, cancellationToken))
            errors.Add("responsibleUserId", "Select a worker from the list");
    }

    private async Task<MissingEpisode?> LoadAsync(CurrentUser user, Guid personId, Guid episodeId, CancellationToken cancellationToken, bool tracked = true)
    {
        if (!(await needToKnow.DecideAsync(user, personId, cancellationToken)).Allowed) return null;
        var query = db.MissingEpisodes.Include(e => e.Interview).ThenInclude(i => i!.CompletedByAgency).Include(e => e.ResponsibleUser).AsQueryable();
        if (!tracked) query = query.AsNoTracking();
        return await query.FirstOrDefaultAsync(e => e.Id == episodeId && e.PersonId == personId, cancellationToken);
    }

    private static void Apply(MissingEpisode episode, EpisodeInput input)
    {
        episode.Category = input.Category!.Value;
        episode.From = input.From!.Value;
        episode.Placement = Trim(input.Placement);
        episode.LastSeenAt = input.LastSeen!.Value;
        episode.ReportedToPoliceAt = input.ReportedToPolice;
        episode.PoliceReference = Trim(input.PoliceReference);
        episode.PoliceRiskGrading = input.PoliceRiskGrading;
        episode.ReturnedAt = input.Returned;
        episode.WhereFound = Trim(input.WhereFound);
        episode.Circumstances = Trim(input.Circumstances);
        episode.WithWhom = Trim(input.WithWhom);
        if (input.ResponsibleUserId is { } responsible) episode.ResponsibleUserId = responsible;
    }

    private async Task<Outcome<MissingEpisode>> SaveAsync(MissingEpisode episode, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return Outcome<MissingEpisode>.Ok(episode);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome<MissingEpisode>.Stale();
        }
    }

    private static string? Trim(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

/// <summary>Where a young person is found and who with, most frequent first (case and spacing ignored).</summary>
public static class MissingPatterns
{
    public static IReadOnlyList<(string Value, int Times)> Frequent(IEnumerable<string?> values, int take = 5) =>
        values.Where(v => !string.IsNullOrWhiteSpace(v))
            .GroupBy(v => string.Join(' ', v!.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToLowerInvariant())
            .Select(g => (g.First()!.Trim(), g.Count()))
            .OrderByDescending(x => x.Item2).ThenBy(x => x.Item1, StringComparer.OrdinalIgnoreCase)
            .Take(take).ToList();
}
