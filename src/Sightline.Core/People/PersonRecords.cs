using Microsoft.EntityFrameworkCore;
using Sightline.Core.Access;
using Sightline.Core.Assessments;
using Sightline.Core.Missing;
using Sightline.Core.Audit;
using Sightline.Core.Data;
using Sightline.Core.VulnerableAdolescents;

namespace Sightline.Core.People;

public sealed record PersonSummary(Guid Id, string Reference, string FirstName, string LastName, DateOnly DateOfBirth, int Age, Sex Sex, bool IsRestricted);

public sealed record Page<T>(IReadOnlyList<T> Items, int PageNumber, int PageSize, int TotalCount)
{
    public int PageCount => Math.Max(1, (int)Math.Ceiling(TotalCount / (double)PageSize));
}

public sealed record PersonQuery(string? Text = null, DateOnly? DateOfBirth = null, int Page = 1, int PageSize = 20)
{
    public bool IsEmpty => string.IsNullOrWhiteSpace(Text) && DateOfBirth is null;
}

/// <summary>
/// Everything done to a young person's record. Every method takes the acting user, applies
/// need-to-know first and leaves an audit entry, so a caller cannot forget either.
/// </summary>
public sealed class PersonRecords(SightlineDb db, NeedToKnow needToKnow, TimeProvider clock)
{
    private AuditTrail Audit => db.Audit!;
    private DateOnly Today => clock.LondonToday();
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public async Task<Page<PersonSummary>> FindAsync(CurrentUser user, PersonQuery query, CancellationToken cancellationToken = default)
    {
        var pageSize = Math.Clamp(query.PageSize, 1, 100);
        var pageNumber = Math.Max(1, query.Page);
        var people = db.People.AsNoTracking().Where(needToKnow.VisibleTo(user));
        var text = query.Text?.Trim();
        var byNameParts = false;
        if (!string.IsNullOrEmpty(text))
        {
            if (Guid.TryParse(text, out var id)) people = people.Where(p => p.Id == id);
            else if (PersonReference.LooksLikeReference(text))
            {
                var reference = text.ToUpperInvariant();
                people = people.Where(p => p.Reference == reference);
            }
            else
            {
                // LIKE '%term%' on the upper-cased name: portable, and served by a trigram index on PostgreSQL.
                foreach (var term in NameSearch.Normalise(text).Split(' ').Take(5))
                {
                    var pattern = "%" + NameSearch.EscapeLike(term) + "%";
                    people = people.Where(p => EF.Functions.Like(p.SearchName, pattern, NameSearch.LikeEscape));
                }
                byNameParts = true;
            }
        }
        if (query.DateOfBirth is { } dob) people = people.Where(p => p.DateOfBirth == dob);

        var total = await people.CountAsync(cancellationToken);
        // SQLite cannot serve a name-part filter from an index (PostgreSQL has the trigram index), and both
        // databases were tempted to answer the page by walking the
        // (LastName, FirstName) index and testing every row: ~8x slower than scanning and sorting the
        // few matches (docs/PERFORMANCE.md). Sorting on LastName || '' (the same order) rules that plan out.
        var ordered = byNameParts
            ? people.OrderBy(p => p.LastName + "").ThenBy(p => p.FirstName).ThenBy(p => p.Id)
            : people.OrderBy(p => p.LastName).ThenBy(p => p.FirstName).ThenBy(p => p.Id);
        var rows = await ordered
            .Skip((pageNumber - 1) * pageSize).Take(pageSize)
            .Select(p => new { p.Id, p.Reference, p.FirstName, p.LastName, p.DateOfBirth, p.Sex, p.IsRestricted })
            .ToListAsync(cancellationToken);
        var today = Today;
        Audit.Record(AuditAction.Search, "person", null, details: new
        {
            text = query.Text,
            dateOfBirth = query.DateOfBirth?.ToString("yyyy-MM-dd"),
            page = pageNumber,
            results = total,
            shown = rows.Select(r => r.Id).ToArray(),
        });
        await db.SaveChangesAsync(cancellationToken);
        return new Page<PersonSummary>(
            rows.Select(r => new PersonSummary(r.Id, r.Reference, r.FirstName, r.LastName, r.DateOfBirth, Age.On(r.DateOfBirth, today), r.Sex, r.IsRestricted)).ToList(),
            pageNumber, pageSize, total);
    }

    /// <summary>Loads the whole record for viewing and audits the view. Null when the user may not see it.</summary>
    public async Task<PersonRecord?> ViewAsync(CurrentUser user, Guid id, CancellationToken cancellationToken = default)
    {
        var decision = await needToKnow.DecideAsync(user, id, cancellationToken);
        if (!decision.Allowed) return null;
        var person = await db.People.AsNoTracking().AsSplitQuery()
            .Include(p => p.Agencies).ThenInclude(a => a.Agency)
            .Include(p => p.Flags).ThenInclude(f => f.FlagType)
            .FirstAsync(p => p.Id == id, cancellationToken);
        var risk = await LoadRiskWorkAsync(id, cancellationToken);
        var episodes = await db.MissingEpisodes.AsNoTracking().Include(e => e.Interview)
            .Where(e => e.PersonId == id).OrderByDescending(e => e.LastSeenAt).ToListAsync(cancellationToken);
        var indexEntries = await db.IndexEntries.AsNoTracking().Where(e => e.PersonId == id).OrderByDescending(e => e.StartDate).ToListAsync(cancellationToken);
        var userIds = person.Flags.Select(f => f.SetByUserId)
            .Concat(person.Flags.Where(f => f.EndedByUserId != null).Select(f => f.EndedByUserId!.Value))
            .Append(person.CreatedByUserId)
            .Concat(risk.Screens.Select(s => s.RecordedByUserId))
            .Concat(risk.Assessments.SelectMany(s => new[] { s.AuthorUserId, s.DecidedByUserId ?? Guid.Empty }))
            .Concat(risk.Referrals.Select(r => r.CreatedByUserId))
            .Concat(risk.Actions.Select(a => a.CreatedByUserId))
            .Concat(episodes.Select(e => e.RecordedByUserId)).Concat(episodes.Where(e => e.Interview != null).Select(e => e.Interview!.RecordedByUserId))
            .Concat(indexEntries.SelectMany(e => new[] { e.AddedByUserId, e.EndedByUserId ?? Guid.Empty }))
            .Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id))
            .ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
        var notes = await db.CaseNotes.AsNoTracking().Include(n => n.Author).ThenInclude(a => a!.Agency)
            .Where(n => n.PersonId == id).OrderByDescending(n => n.RecordedAt).ToListAsync(cancellationToken);
        Audit.Record(AuditAction.View, "person", id.ToString(), id, decision.Basis switch
        {
            AccessBasis.BreakGlass => new { basis = "break-glass" },
            AccessBasis.PanelMember => new { basis = "panel-member" },
            _ => null,
        });
        await db.SaveChangesAsync(cancellationToken);
        return new PersonRecord(person, decision.Basis, Age.On(person.DateOfBirth, Today), names, notes,
            Chronology.Build(person, notes, names, risk.ChronologyEntries(names).Concat(MissingChronology.Entries(episodes, indexEntries, names))),
            risk, episodes, indexEntries);
    }

    private async Task<RiskWork> LoadRiskWorkAsync(Guid personId, CancellationToken cancellationToken) => new(
        await db.SafeguardScreens.AsNoTracking().Where(s => s.PersonId == personId).OrderByDescending(s => s.RecordedAt).ToListAsync(cancellationToken),
        await db.SeamAssessments.AsNoTracking().Where(s => s.PersonId == personId).OrderByDescending(s => s.AssessedOn).ThenByDescending(s => s.CreatedAt).ToListAsync(cancellationToken),
        await db.PanelReferrals.AsNoTracking().Where(r => r.PersonId == personId).OrderByDescending(r => r.CreatedAt).ToListAsync(cancellationToken),
        await db.ActionItems.AsNoTracking().Include(a => a.OwnerUser).Include(a => a.OwnerAgency)
            .Where(a => a.PersonId == personId).OrderBy(a => a.DueOn).ToListAsync(cancellationToken));

    public async Task<Outcome<Person>> CreateAsync(CurrentUser user, PersonInput input, CancellationToken cancellationToken = default)
    {
        if (!user.ReadsRecords) return Outcome<Person>.Missing();
        var errors = input.Validate(Today);
        if (errors.Any) return Outcome<Person>.Invalid(errors);
        var person = new Person { FirstName = "", LastName = "", CreatedAt = Now, UpdatedAt = Now, CreatedByUserId = user.UserId };
        input.ApplyTo(person);
        // The creator's agency is involved from the start, or they could not see what they just made.
        person.Agencies.Add(new AgencyInvolvement
        {
            AgencyId = user.AgencyId, StartDate = Today, AddedByUserId = user.UserId, ContactName = user.DisplayName, ContactEmail = user.Email,
        });
        db.People.Add(person);
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<Person>.Ok(person);
    }

    public async Task<Outcome<Person>> UpdateAsync(CurrentUser user, Guid id, PersonInput input, Guid expectedVersion, CancellationToken cancellationToken = default)
    {
        var person = await LoadForChangeAsync(user, id, cancellationToken);
        if (person is null) return Outcome<Person>.Missing();
        var errors = input.Validate(Today);
        if (errors.Any) return Outcome<Person>.Invalid(errors);
        if (person.Version != expectedVersion) return Outcome<Person>.Stale();
        input.ApplyTo(person);
        person.UpdatedAt = Now;
        person.Version = Guid.NewGuid();
        return await SaveAsync(person, cancellationToken);
    }

    public async Task<Outcome<PersonFlag>> AddFlagAsync(CurrentUser user, Guid personId, FlagInput input, CancellationToken cancellationToken = default)
    {
        var person = await LoadForChangeAsync(user, personId, cancellationToken);
        if (person is null) return Outcome<PersonFlag>.Missing();
        var errors = new ValidationErrors();
        var type = string.IsNullOrWhiteSpace(input.TypeKey) ? null
            : await db.FlagTypes.FirstOrDefaultAsync(t => t.Key == input.TypeKey.Trim().ToLower() && t.IsActive, cancellationToken);
        if (string.IsNullOrWhiteSpace(input.TypeKey)) errors.Add("type", "Select a flag type");
        else if (type is null) errors.Add("type", "Select a flag type from the list");
        if (input.StartDate is not { } start) errors.Add("startDate", "Enter the date the flag starts");
        else if (start > Today) errors.Add("startDate", "The start date must be today or in the past");
        if (input.EndDate is { } end && input.StartDate is { } s && end < s) errors.Add("endDate", "The end date must be on or after the start date");
        if (type is { HasLevel: true } && input.Level is null) errors.Add("level", $"Select a risk level for the {type.Name} flag");
        if (type is { HasLevel: false } && input.Level is not null) errors.Add("level", $"The {type.Name} flag does not take a risk level");
        if (input.Notes?.Length > 2000) errors.Add("notes", "Notes must be 2000 characters or fewer");
        if (errors.Any) return Outcome<PersonFlag>.Invalid(errors);
        var flag = new PersonFlag
        {
            PersonId = personId, FlagTypeId = type!.Id, FlagType = type, Level = input.Level, StartDate = input.StartDate!.Value,
            EndDate = input.EndDate, Notes = string.IsNullOrWhiteSpace(input.Notes) ? null : input.Notes.Trim(),
            SetByUserId = user.UserId, SetAt = Now,
        };
        db.PersonFlags.Add(flag);
        person.UpdatedAt = Now;
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<PersonFlag>.Ok(flag);
    }

    public async Task<Outcome<PersonFlag>> EndFlagAsync(CurrentUser user, Guid personId, Guid flagId, DateOnly? endDate, CancellationToken cancellationToken = default)
    {
        var person = await LoadForChangeAsync(user, personId, cancellationToken);
        if (person is null) return Outcome<PersonFlag>.Missing();
        var flag = await db.PersonFlags.Include(f => f.FlagType).FirstOrDefaultAsync(f => f.Id == flagId && f.PersonId == personId, cancellationToken);
        if (flag is null) return Outcome<PersonFlag>.Missing();
        var errors = new ValidationErrors();
        if (endDate is not { } end) errors.Add("endDate", "Enter the date the flag ends");
        else if (end < flag.StartDate) errors.Add("endDate", "The end date must be on or after the start date");
        else if (end > Today) errors.Add("endDate", "The end date must be today or in the past");
        if (errors.Any) return Outcome<PersonFlag>.Invalid(errors);
        flag.EndDate = endDate;
        flag.EndedByUserId = user.UserId;
        flag.Version = Guid.NewGuid();
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<PersonFlag>.Ok(flag);
    }

    public async Task<Outcome<IReadOnlyList<PersonFlag>>> ListFlagsAsync(CurrentUser user, Guid personId, CancellationToken cancellationToken = default)
    {
        var decision = await needToKnow.DecideAsync(user, personId, cancellationToken);
        if (!decision.Allowed) return Outcome<IReadOnlyList<PersonFlag>>.Missing();
        var flags = await db.PersonFlags.AsNoTracking().Include(f => f.FlagType)
            .Where(f => f.PersonId == personId).OrderByDescending(f => f.StartDate).ToListAsync(cancellationToken);
        Audit.Record(AuditAction.View, "flag", null, personId, new { list = "flags" });
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<IReadOnlyList<PersonFlag>>.Ok(flags);
    }

    public async Task<Outcome<AgencyInvolvement>> AddAgencyAsync(CurrentUser user, Guid personId, InvolvementInput input, CancellationToken cancellationToken = default)
    {
        var person = await LoadForChangeAsync(user, personId, cancellationToken);
        if (person is null) return Outcome<AgencyInvolvement>.Missing();
        var errors = new ValidationErrors();
        var agency = input.AgencyId is { } agencyId ? await db.Agencies.FirstOrDefaultAsync(a => a.Id == agencyId && a.IsActive, cancellationToken) : null;
        if (agency is null) errors.Add("agencyId", "Select an agency");
        else if (await db.AgencyInvolvements.AnyAsync(a => a.PersonId == personId && a.AgencyId == agency.Id && (a.EndDate == null || a.EndDate >= Today), cancellationToken))
            errors.Add("agencyId", $"{agency.Name} is already involved");
        if (input.StartDate is not { } start) errors.Add("startDate", "Enter the date the agency became involved");
        else if (start > Today) errors.Add("startDate", "The start date must be today or in the past");
        if (input.ContactName?.Length > 200) errors.Add("contactName", "Contact name must be 200 characters or fewer");
        if (input.ContactPhone?.Length > 40) errors.Add("contactPhone", "Contact phone must be 40 characters or fewer");
        if (input.ContactEmail is { Length: > 0 } email && (email.Length > 254 || !email.Contains('@'))) errors.Add("contactEmail", "Enter an email address in the correct format, like name@example.gov.uk");
        if (errors.Any) return Outcome<AgencyInvolvement>.Invalid(errors);
        var involvement = new AgencyInvolvement
        {
            PersonId = personId, AgencyId = agency!.Id, Agency = agency, StartDate = input.StartDate!.Value, AddedByUserId = user.UserId,
            ContactName = Blank(input.ContactName), ContactPhone = Blank(input.ContactPhone), ContactEmail = Blank(input.ContactEmail),
        };
        db.AgencyInvolvements.Add(involvement);
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<AgencyInvolvement>.Ok(involvement);
    }

    public async Task<Outcome<AgencyInvolvement>> EndAgencyAsync(CurrentUser user, Guid personId, Guid involvementId, DateOnly? endDate, CancellationToken cancellationToken = default)
    {
        var person = await LoadForChangeAsync(user, personId, cancellationToken);
        if (person is null) return Outcome<AgencyInvolvement>.Missing();
        var involvement = await db.AgencyInvolvements.Include(a => a.Agency).FirstOrDefaultAsync(a => a.Id == involvementId && a.PersonId == personId, cancellationToken);
        if (involvement is null) return Outcome<AgencyInvolvement>.Missing();
        var errors = new ValidationErrors();
        if (endDate is not { } end) errors.Add("endDate", "Enter the date the involvement ended");
        else if (end < involvement.StartDate) errors.Add("endDate", "The end date must be on or after the start date");
        else if (end > Today) errors.Add("endDate", "The end date must be today or in the past");
        if (errors.Any) return Outcome<AgencyInvolvement>.Invalid(errors);
        involvement.EndDate = endDate;
        involvement.EndedByUserId = user.UserId;
        involvement.Version = Guid.NewGuid();
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<AgencyInvolvement>.Ok(involvement);
    }

    public async Task<Outcome<CaseNote>> AddNoteAsync(CurrentUser user, Guid personId, string? text, CancellationToken cancellationToken = default)
    {
        var person = await LoadForChangeAsync(user, personId, cancellationToken);
        if (person is null) return Outcome<CaseNote>.Missing();
        var errors = new ValidationErrors();
        if (string.IsNullOrWhiteSpace(text)) errors.Add("text", "Enter the note");
        else if (text.Length > 20000) errors.Add("text", "The note must be 20,000 characters or fewer");
        if (errors.Any) return Outcome<CaseNote>.Invalid(errors);
        var note = new CaseNote { PersonId = personId, AuthorUserId = user.UserId, AgencyId = user.AgencyId, Text = text!.Trim(), RecordedAt = Now };
        db.CaseNotes.Add(note);
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<CaseNote>.Ok(note);
    }

    /// <summary>Restricts a record to named users (managers only); the manager is always named.</summary>
    public async Task<Outcome<Person>> SetRestrictionAsync(CurrentUser user, Guid personId, bool restricted, IReadOnlyCollection<Guid> namedUserIds, CancellationToken cancellationToken = default)
    {
        if (!user.IsManager) return Outcome<Person>.Missing();
        var person = await LoadForChangeAsync(user, personId, cancellationToken);
        if (person is null) return Outcome<Person>.Missing();
        await db.Entry(person).Collection(p => p.AccessList).LoadAsync(cancellationToken);
        var wanted = restricted ? namedUserIds.Append(user.UserId).ToHashSet() : [];
        var known = await db.Users.Where(u => wanted.Contains(u.Id) && u.IsActive).Select(u => u.Id).ToListAsync(cancellationToken);
        if (known.Count != wanted.Count)
            return Outcome<Person>.Invalid(new ValidationErrors().Add("users", "Select users from the list"));
        foreach (var grant in person.AccessList.Where(g => !wanted.Contains(g.UserId)).ToList()) db.PersonAccessGrants.Remove(grant);
        foreach (var userId in wanted.Where(id => person.AccessList.All(g => g.UserId != id)))
            db.PersonAccessGrants.Add(new PersonAccessGrant { PersonId = personId, UserId = userId, GrantedByUserId = user.UserId, GrantedAt = Now });
        person.IsRestricted = restricted;
        person.Version = Guid.NewGuid();
        return await SaveAsync(person, cancellationToken);
    }

    /// <summary>Opens a record outside need-to-know for <see cref="BreakGlassAccess.Duration"/>, with a reason managers will see.</summary>
    public async Task<Outcome<BreakGlassAccess>> BreakGlassAsync(CurrentUser user, Guid personId, string? reason, CancellationToken cancellationToken = default)
    {
        if (!user.ReadsRecords || !await db.People.AnyAsync(p => p.Id == personId, cancellationToken)) return Outcome<BreakGlassAccess>.Missing();
        var errors = new ValidationErrors();
        if (string.IsNullOrWhiteSpace(reason) || reason.Trim().Length < 10) errors.Add("reason", "Explain why you need to open this record (at least 10 characters)");
        else if (reason.Length > 2000) errors.Add("reason", "The reason must be 2000 characters or fewer");
        if (errors.Any) return Outcome<BreakGlassAccess>.Invalid(errors);
        var now = Now;
        var access = new BreakGlassAccess
        {
            PersonId = personId, UserId = user.UserId, Reason = reason!.Trim(), StartedAt = now, ExpiresAt = now + BreakGlassAccess.Duration,
        };
        db.BreakGlassAccesses.Add(access);
        Audit.Record(AuditAction.BreakGlass, "person", personId.ToString(), personId, new { reason = access.Reason, expiresAt = access.ExpiresAt });
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<BreakGlassAccess>.Ok(access);
    }

    public Task<AccessDecision> DecideAsync(CurrentUser user, Guid personId, CancellationToken cancellationToken = default) =>
        needToKnow.DecideAsync(user, personId, cancellationToken);

    /// <summary>Loads a tracked person for a change, or null when the user may not see them (callers report 404).</summary>
    private async Task<Person?> LoadForChangeAsync(CurrentUser user, Guid id, CancellationToken cancellationToken)
    {
        var decision = await needToKnow.DecideAsync(user, id, cancellationToken);
        if (!decision.Allowed) return null;
        return await db.People.FirstAsync(p => p.Id == id, cancellationToken);
    }

    private async Task<Outcome<Person>> SaveAsync(Person person, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return Outcome<Person>.Ok(person);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome<Person>.Stale();
        }
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

/// <summary>A record as shown to someone allowed to see it.</summary>
public sealed record PersonRecord(
    Person Person,
    AccessBasis Basis,
    int Age,
    IReadOnlyDictionary<Guid, string> UserNames,
    IReadOnlyList<CaseNote> Notes,
    IReadOnlyList<ChronologyEntry> Chronology,
    RiskWork Risk,
    IReadOnlyList<MissingEpisode> Episodes,
    IReadOnlyList<IndexEntry> IndexEntries)
{
    public string NameOf(Guid? userId) => userId is { } id && UserNames.TryGetValue(id, out var name) ? name : "Unknown user";
}
