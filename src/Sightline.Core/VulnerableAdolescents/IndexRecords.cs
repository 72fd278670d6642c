using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Sightline.Core.Access;
using Sightline.Core.Assessments;
using Sightline.Core.Audit;
using Sightline.Core.Data;
using Sightline.Core.Panels;
using Sightline.Core.People;

namespace Sightline.Core.VulnerableAdolescents;

/// <summary>The cohort on a date, and which of its members the user may see by name.</summary>
public sealed record Cohort(DateOnly Date, IReadOnlyList<CohortMember> Members, IReadOnlySet<Guid> NamedFor)
{
    public bool MayName(CohortMember member) => NamedFor.Contains(member.PersonId);
}

/// <summary>
/// The Vulnerable Adolescents Index: practitioners' entries, the cohort on any date (entries and
/// rules, <see cref="IndexRules"/>), and its board summary. The cohort is computed from the record
/// as it stood on the date, so a summary for a past date is what it was then.
/// </summary>
public sealed class IndexRecords(SightlineDb db, NeedToKnow needToKnow, TimeProvider clock, IOptions<IndexSettings> settings)
{
    private IndexSettings Settings => settings.Value;

    public async Task<Outcome<IndexEntry>> AddAsync(CurrentUser user, Guid personId, string? reason, DateOnly? startDate, CancellationToken cancellationToken = default)
    {
        if (!(await needToKnow.DecideAsync(user, personId, cancellationToken)).Allowed) return Outcome<IndexEntry>.Missing();
        var today = clock.LondonToday();
        var errors = new ValidationErrors();
        if (string.IsNullOrWhiteSpace(reason)) errors.Add("reason", "Enter why the young person is at risk of or vulnerable to exploitation");
        else if (reason.Length > 2000) errors.Add("reason", "The reason must be 2,000 characters or fewer");
        if (startDate is not { } start) errors.Add("startDate", "Enter the date they joined the index");
        else if (start > today) errors.Add("startDate", "The start date must be today or in the past");
        else
        {
            var dob = await db.People.Where(p => p.Id == personId).Select(p => p.DateOfBirth).FirstAsync(cancellationToken);
            var age = Age.On(dob, start);
            if (age < Settings.MinimumAge || age > Settings.MaximumAge)
                errors.Add("startDate", $"The index is for young people aged {Settings.MinimumAge} to {Settings.MaximumAge}: they were {age} on that date");
            else if (await db.IndexEntries.AnyAsync(e => e.PersonId == personId && e.EndDate == null, cancellationToken))
                errors.Add("personId", "The young person is already on the index by a practitioner’s decision");
        }
        if (errors.Any) return Outcome<IndexEntry>.Invalid(errors);
        var entry = new IndexEntry
        {
            PersonId = personId, StartDate = startDate!.Value, Reason = reason!.Trim(), AddedByUserId = user.UserId, AddedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.IndexEntries.Add(entry);
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<IndexEntry>.Ok(entry);
    }

    public async Task<Outcome<IndexEntry>> EndAsync(CurrentUser user, Guid entryId, DateOnly? endDate, string? reason, CancellationToken cancellationToken = default)
    {
        var entry = await db.IndexEntries.FirstOrDefaultAsync(e => e.Id == entryId, cancellationToken);
        if (entry is null || !(await needToKnow.DecideAsync(user, entry.PersonId, cancellationToken)).Allowed) return Outcome<IndexEntry>.Missing();
        var errors = new ValidationErrors();
        if (entry.EndDate is not null) errors.Add("endDate", "This entry has already ended");
        else if (endDate is not { } end) errors.Add("endDate", "Enter the date they left the index");
        else if (end < entry.StartDate) errors.Add("endDate", "The end date must be on or after the start date");
        else if (end > clock.LondonToday()) errors.Add("endDate", "The end date must be today or in the past");
        if (string.IsNullOrWhiteSpace(reason)) errors.Add("reason", "Enter why they left the index");
        else if (reason.Length > 2000) errors.Add("reason", "The reason must be 2,000 characters or fewer");
        if (errors.Any) return Outcome<IndexEntry>.Invalid(errors);
        entry.EndDate = endDate;
        entry.EndReason = reason!.Trim();
        entry.EndedByUserId = user.UserId;
        entry.Version = Guid.NewGuid();
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<IndexEntry>.Ok(entry);
    }

    /// <summary>A young person's own entries (the record page shows them with whether the rules apply today).</summary>
    public Task<List<IndexEntry>> EntriesForAsync(Guid personId, CancellationToken cancellationToken = default) =>
        db.IndexEntries.AsNoTracking().Where(e => e.PersonId == personId).OrderByDescending(e => e.StartDate).ToListAsync(cancellationToken);

    /// <summary>The cohort on a date. Names only of those the user may see; the view of the list is audited.</summary>
    public async Task<Cohort> CohortAsync(CurrentUser user, DateOnly date, CancellationToken cancellationToken = default)
    {
        var members = await MembersOnAsync(date, cancellationToken);
        var ids = members.Select(m => m.PersonId).ToList();
        var named = user.ReadsRecords
            ? (await needToKnow.VisiblePeople(user).Where(id => ids.Contains(id)).ToListAsync(cancellationToken)).ToHashSet()
            : [];
        await db.Audit!.RecordNowAsync(AuditAction.View, "index", null, null,
            new { list = "vulnerable-adolescents-index", date = date.ToString("yyyy-MM-dd"), count = members.Count, named = named.Count }, cancellationToken);
        return new Cohort(date, members, named);
    }

    /// <summary>The board summary for a date (no names: analysts may see it).</summary>
    public async Task<IndexSummaryReport> SummaryAsync(DateOnly date, CancellationToken cancellationToken = default) =>
        IndexSummary.Build(await MembersOnAsync(date, cancellationToken), date);

    /// <summary>
    /// Everyone on the index on <paramref name="date"/>: the facts of each young person of index age,
    /// loaded in a handful of set queries, then the rules applied in memory.
    /// </summary>
    public async Task<List<CohortMember>> MembersOnAsync(DateOnly date, CancellationToken cancellationToken = default)
    {
        // Aged MinimumAge..MaximumAge on the date: born after (date − (Max+1) years) and on or before (date − Min years).
        var bornAfter = date.AddYears(-(Settings.MaximumAge + 1));
        var bornBy = date.AddYears(-Settings.MinimumAge);
        var endOfDay = London.StartOf(date.AddDays(1));
        var threeMonthsBack = London.StartOf(date.AddMonths(-3));
        var ofAge = db.People.AsNoTracking().Where(p => p.DateOfBirth > bornAfter && p.DateOfBirth <= bornBy);

        var people = await ofAge.Select(p => new { p.Id, p.Reference, Name = p.FirstName + " " + p.LastName, p.DateOfBirth, p.LegalStatus }).ToListAsync(cancellationToken);
        var flags = (await (from f in db.PersonFlags.AsNoTracking()
                            join p in ofAge on f.PersonId equals p.Id
                            where f.StartDate <= date && (f.EndDate == null || f.EndDate >= date)
                            select new { f.PersonId, f.FlagType!.Key, f.Level, f.StartDate }).ToListAsync(cancellationToken))
            .ToLookup(f => f.PersonId, f => new FlagFact(f.Key, f.Level, f.StartDate));
        var entries = (await (from e in db.IndexEntries.AsNoTracking() join p in ofAge on e.PersonId equals p.Id
                              where e.StartDate <= date select e).ToListAsync(cancellationToken)).ToLookup(e => e.PersonId);
        var assessments = await (from s in db.SeamAssessments.AsNoTracking() join p in ofAge on s.PersonId equals p.Id
                                 where (s.Status == SeamStatus.Approved || s.Status == SeamStatus.Superseded) && s.DecidedAt < endOfDay
                                 select new { s.Id, s.PersonId, s.DecidedAt, s.SupersededById, s.CalculatedLevel, s.JudgementLevel }).ToListAsync(cancellationToken);
        var approvedAt = assessments.ToDictionary(a => a.Id, a => a.DecidedAt);
        var seams = assessments.ToLookup(a => a.PersonId, a => new SeamFact(a.DecidedAt!.Value,
            a.SupersededById is { } by && approvedAt.TryGetValue(by, out var at) ? at : null, a.JudgementLevel ?? a.CalculatedLevel));
        // On a panel: referred and not declined (a superseded referral was replaced by another, which counts instead).
        var referrals = (await (from r in db.PanelReferrals.AsNoTracking() join p in ofAge on r.PersonId equals p.Id
                                where r.CreatedAt < endOfDay && (r.Status == ReferralStatus.Open || r.Status == ReferralStatus.Accepted)
                                select new { r.PersonId, r.CreatedAt }).ToListAsync(cancellationToken)).ToLookup(r => r.PersonId, r => r.CreatedAt);
        var episodes = (await (from e in db.MissingEpisodes.AsNoTracking() join p in ofAge on e.PersonId equals p.Id
                               where e.LastSeenAt >= threeMonthsBack && e.LastSeenAt < endOfDay
                               select new { e.PersonId, e.LastSeenAt }).ToListAsync(cancellationToken)).ToLookup(e => e.PersonId, e => e.LastSeenAt);

        var members = new List<CohortMember>();
        foreach (var p in people)
        {
            var facts = new PersonFacts(p.Id, p.Reference, p.Name, p.DateOfBirth, p.LegalStatus,
                flags[p.Id].ToList(), entries[p.Id].ToList(), seams[p.Id].ToList(), referrals[p.Id].ToList(), episodes[p.Id].ToList());
            if (IndexRules.Evaluate(facts, date, Settings) is { } member) members.Add(member);
        }
        return members.OrderBy(m => m.FullName, StringComparer.OrdinalIgnoreCase).ToList();
    }
}
